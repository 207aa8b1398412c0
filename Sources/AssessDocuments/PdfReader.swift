/// Reads PDF. Not yet implemented: says what to do instead.
public enum PdfReader {
    /// Reads a PDF held in memory.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` until the reader exists.
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        throw .unsupportedFormat("PDF files are not read yet; submit the DOCX the PDF was made from.")
    }
}
