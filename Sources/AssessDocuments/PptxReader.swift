/// Reads PowerPoint presentations (.pptx). Not yet implemented: says what to do instead.
public enum PptxReader {
    /// Reads the presentation in an open archive.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` until the reader exists.
    public static func read(_ archive: ZipArchive, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        throw .unsupportedFormat("PowerPoint files (.pptx) are not read yet; save the slides as PDF and submit that.")
    }
}
