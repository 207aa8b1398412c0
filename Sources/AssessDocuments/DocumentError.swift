/// Why a document could not be read. Each case reads as one sentence that says what is
/// wrong and, where there is one, what the student or marker can do about it.
public enum DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read from disk.
    case unreadable(String)
    /// The file holds no bytes at all.
    case empty
    /// The file looks like a zip-based document but is not a valid zip archive.
    case damagedArchive(String)
    /// The file or one of its parts is protected by a password.
    case encrypted
    /// The file is of a format that is not read, with the fix to offer.
    case unsupportedFormat(String)
    /// The zip archive lacks a part that its format requires.
    case missingPart(String)
    /// An XML part is not well-formed.
    case malformedXML(part: String, line: Int, message: String)
    /// A safety limit was reached: what, the limit, and the figure found.
    case limitExceeded(what: String, limit: Int, actual: Int)
    /// The text is not in an encoding that could be recognised.
    case undecodableText
    /// The PDF is damaged or truncated; poppler's reason.
    case damagedPDF(String)
    /// The PDF holds no text, only images of pages (a scan, or pages saved as pictures).
    case noTextLayer(pages: Int)
    /// A file could not be written.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .unreadable(let reason):
            "The file could not be read: \(reason)."
        case .empty:
            "The file is empty (0 bytes); ask for the submission to be uploaded again."
        case .damagedArchive(let reason):
            "The file is damaged or truncated (\(reason)); open it in the application that made it (Word, LibreOffice, PowerPoint) and save it again, or ask for it to be uploaded again."
        case .encrypted:
            "The file is protected by a password; ask for a copy saved without a password."
        case .unsupportedFormat(let what):
            what
        case .missingPart(let part):
            "The file is a zip archive but not a complete document: it has no \(part); open it in the application that made it (Word, LibreOffice, PowerPoint) and save it again."
        case .malformedXML(let part, let line, let message):
            "The document's \(part) is not well-formed XML at line \(line) (\(message)); open it in the application that made it (Word, LibreOffice, PowerPoint) and save it again."
        case .limitExceeded(let what, let limit, let actual):
            "The file exceeds a safety limit: \(what) is \(actual), above the limit of \(limit)."
        case .undecodableText:
            "The text file is not in UTF-8, UTF-16 or Windows-1252; save it as UTF-8 text."
        case .damagedPDF(let reason):
            "The PDF is damaged or truncated (\(reason)); export it again from Word or LibreOffice, or ask for it to be uploaded again."
        case .noTextLayer(let pages):
            "The PDF holds images of text, not text (\(pages == 1 ? "its page is" : "all \(pages) pages are") scanned or saved as pictures), so no words can be counted; submit the DOCX it was made from."
        case .writeFailed(let reason):
            "A file could not be written: \(reason)."
        }
    }
}
