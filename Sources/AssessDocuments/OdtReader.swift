/// Reads OpenDocument text (.odt). Not yet implemented: says what to do instead.
public enum OdtReader {
    /// Reads the document in an open archive.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` until the reader exists.
    public static func read(_ archive: ZipArchive, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        throw .unsupportedFormat("OpenDocument files (.odt) are not read yet; save the file as DOCX and submit that.")
    }
}
