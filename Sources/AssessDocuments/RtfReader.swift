/// Reads RTF. Not yet implemented: says what to do instead.
public enum RtfReader {
    /// Reads RTF held in memory.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` until the reader exists.
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        throw .unsupportedFormat("RTF files are not read yet; open the file in Word or LibreOffice and save it as DOCX.")
    }
}
