#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads any supported document into ``DocumentText``, choosing the reader by the
/// file's content (its first bytes), not by its name.
public enum DocumentReader {
    /// What a file's first bytes say it is.
    public enum Kind: String, Sendable, Equatable {
        case zip, pdf, oleCompound = "ole", rtf, text, empty, binary
        /// A picture (PNG, JPEG, GIF, TIFF, HEIC, AVIF, WebP, BMP): never a document.
        case image
    }

    /// Reads the file at `path`.
    /// - Parameter name: the name to judge the format by when the content leaves it
    ///   open (plain text vs Markdown); defaults to the path.
    /// - Throws: a ``DocumentError`` that says what is wrong and what to do.
    public static func read(path: String, name: String? = nil, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        let name = name ?? path
        let head = try readHead(path: path, limits: limits)
        switch sniff(head) {
        case .zip:
            return try readZip(ZipArchive(path: path, limits: limits), name: name, limits: limits)
        case .text:
            return try readText(readAll(path: path, limits: limits), name: name, limits: limits)
        case .pdf:
            return try PdfReader.read(bytes: readAll(path: path, limits: limits), limits: limits)
        case .rtf:
            return try RtfReader.read(bytes: readAll(path: path, limits: limits), limits: limits)
        case .oleCompound:
            throw unsupported(.oleCompound, name: name, bytes: try readAll(path: path, limits: limits))
        case let kind:
            throw unsupported(kind, name: name, bytes: head)
        }
    }

    /// Reads a document held in memory (for example an entry of an LMS download).
    /// - Throws: as ``read(path:name:limits:)``.
    public static func read(bytes: [UInt8], name: String, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        if bytes.count > limits.maxFileBytes {
            throw .limitExceeded(what: "the file size in bytes", limit: limits.maxFileBytes, actual: bytes.count)
        }
        switch sniff(bytes.prefix(sniffLength)) {
        case .zip: return try readZip(ZipArchive(bytes: bytes, limits: limits), name: name, limits: limits)
        case .text: return try readText(bytes, name: name, limits: limits)
        case .pdf: return try PdfReader.read(bytes: bytes, limits: limits)
        case .rtf: return try RtfReader.read(bytes: bytes, limits: limits)
        case let kind: throw unsupported(kind, name: name, bytes: bytes)
        }
    }

    /// How many leading bytes ``sniff(_:)`` looks at.
    public static let sniffLength = 512

    /// Classifies content by its first bytes (up to ``sniffLength``).
    public static func sniff<Bytes: Collection<UInt8>>(_ head: Bytes) -> Kind {
        let bytes = Array(head.prefix(sniffLength))
        if bytes.isEmpty { return .empty }
        if bytes.starts(with: [0x50, 0x4B]) && bytes.count >= 4 && [0x03, 0x05, 0x07].contains(bytes[2]) { return .zip }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .oleCompound }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if imageFormat(bytes) != nil { return .image }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .text }
        if bytes.starts(with: Array("BZh".utf8)) || bytes.starts(with: [0x1F, 0x8B]) || bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF]) { return .binary }
        // Text has no NUL and few control characters besides tab, line feed, carriage return.
        let controls = bytes.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
        return bytes.contains(0) || controls.count * 20 > bytes.count ? .binary : .text
    }

    private static func readZip(_ archive: ZipArchive, name: String, limits: ReadLimits) throws(DocumentError) -> DocumentText {
        if let error = unsupportedPackage(archive, limits: limits) { throw error }
        if archive.contains("ppt/presentation.xml") {
            return try PptxReader.read(archive, limits: limits)
        }
        if archive.contains("content.xml") && (archive.contains("mimetype") || archive.contains("META-INF/manifest.xml")) {
            return try OdtReader.read(archive, limits: limits)
        }
        if !archive.contains("[Content_Types].xml") && !archive.contains("word/document.xml") {
            throw .unsupportedFormat("The file is a zip archive, not a document; submit the DOCX file itself rather than a zip.")
        }
        return try DocxReader.read(archive, limits: limits)
    }

    /// The error for zip-based files that are not documents read here: spreadsheets,
    /// Apple iWork files, OpenDocument spreadsheets, presentations and drawings.
    private static func unsupportedPackage(_ archive: ZipArchive, limits: ReadLimits) -> DocumentError? {
        if archive.contains("xl/workbook.xml") {
            return .unsupportedFormat("The file is an Excel workbook, not a document; convert the work to DOCX or PDF and submit that.")
        }
        let iwork = archive.entries.contains { $0.name.hasPrefix("Index/") && $0.name.hasSuffix(".iwa") }
        if iwork || archive.contains("index.xml") || archive.contains("index.apxl") {
            let names = archive.entries.map(\.name)
            if archive.contains("index.apxl") || names.contains(where: { $0.hasPrefix("Index/Slide") || $0.hasPrefix("Index/MasterSlide") }) {
                return .unsupportedFormat("The file is an Apple Keynote presentation, which cannot be read; convert it to PPTX or PDF (in Keynote: File > Export To) and submit that.")
            }
            if names.contains(where: { $0.hasPrefix("Index/Tables/") || $0 == "Index/CalculationEngine.iwa" }) {
                return .unsupportedFormat("The file is an Apple Numbers spreadsheet, not a document; convert the work to DOCX or PDF and submit that.")
            }
            return .unsupportedFormat("The file is an Apple Pages document, which cannot be read; convert it to DOCX or PDF (in Pages: File > Export To > Word or PDF) and submit that.")
        }
        if archive.contains("mimetype"), let info = archive.info("mimetype"), info.size < 200, let bytes = try? archive.read("mimetype") {
            let type = String(decoding: bytes, as: UTF8.self)
            if type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                return .unsupportedFormat("The file is an OpenDocument spreadsheet (.ods), not a document; convert the work to DOCX or PDF and submit that.")
            }
            if type.hasPrefix("application/vnd.oasis.opendocument.presentation") {
                return .unsupportedFormat("The file is an OpenDocument presentation (.odp), which cannot be read; convert it to PPTX or PDF and submit that.")
            }
            if type.hasPrefix("application/vnd.oasis.opendocument.graphics") {
                return .unsupportedFormat("The file is an OpenDocument drawing (.odg), not a document; convert the work to DOCX or PDF and submit that.")
            }
        }
        return nil
    }

    private static func unsupported(_ kind: Kind, name: String, bytes: [UInt8]) -> DocumentError {
        switch kind {
        case .empty: .empty
        case .oleCompound: legacyOffice(bytes)
        case .image:
            .unsupportedFormat("The file is a \(imageFormat(bytes) ?? "picture") image, not a document, so its words cannot be read; submit the work itself, converted to DOCX or PDF.")
        case .binary:
            .unsupportedFormat("The file is not a document that can be read (\(name.split(separator: "/").last.map(String.init) ?? name)); convert it to DOCX or PDF.")
        case .zip, .text, .pdf, .rtf: .unsupportedFormat("The file could not be read; convert it to DOCX or PDF.")
        }
    }

    /// What an OLE compound file (Office 97–2003, or an encrypted Office file) holds,
    /// from the UTF-16 names of its streams.
    private static func legacyOffice(_ bytes: [UInt8]) -> DocumentError {
        func holds(_ stream: String) -> Bool {
            let pattern = stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        }
        if holds("EncryptedPackage") { return .encrypted }
        if holds("WordDocument") {
            return .unsupportedFormat("The file is a legacy Word document (.doc, Word 97–2003), which cannot be read; open it in Word or LibreOffice, convert it to DOCX or PDF, and submit that.")
        }
        if holds("PowerPoint Document") {
            return .unsupportedFormat("The file is a legacy PowerPoint presentation (.ppt), which cannot be read; convert it to PPTX or PDF and submit that.")
        }
        if holds("Workbook") || holds("Book") {
            return .unsupportedFormat("The file is a legacy Excel workbook (.xls), not a document; convert the work to DOCX or PDF and submit that.")
        }
        return .unsupportedFormat("The file is a legacy Microsoft Office file (Office 97–2003), which cannot be read; convert it to DOCX or PDF and submit that.")
    }

    /// The picture format a file's first bytes announce, or nil.
    static func imageFormat(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "PNG" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "GIF" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) { return "WebP" }
        if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return "HEIC" }
            if ["avif", "avis"].contains(brand) { return "AVIF" }
        }
        if bytes.count >= 14, bytes.starts(with: Array("BM".utf8)), bytes[6..<10].allSatisfy({ $0 == 0 }) { return "BMP" }
        return nil
    }

    private static func readText(_ bytes: [UInt8], name: String, limits: ReadLimits) throws(DocumentError) -> DocumentText {
        if OdtReader.isFlatODF(bytes.prefix(16384)) {
            return try OdtReader.read(flatXML: bytes, name: name.split(separator: "/").last.map(String.init) ?? name, limits: limits)
        }
        let text = try TextDecoding.decode(bytes)
        let lower = name.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            return MarkdownReader.read(text)
        }
        return PlainTextReader.read(text)
    }

    private static func readHead(path: String, limits: ReadLimits) throws(DocumentError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(String(cString: strerror(errno)).lowercased()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable("it is a folder, not a file") }
        if Int(info.st_size) > limits.maxFileBytes {
            throw .limitExceeded(what: "the file size in bytes", limit: limits.maxFileBytes, actual: Int(info.st_size))
        }
        return try readAll(path: path, limits: limits, upTo: sniffLength)
    }

    /// Reads a whole file into memory after checking its size against the limits.
    /// - Throws: ``DocumentError/unreadable(_:)`` or ``DocumentError/limitExceeded(what:limit:actual:)``.
    public static func readFile(path: String, limits: ReadLimits = .standard) throws(DocumentError) -> [UInt8] {
        _ = try readHead(path: path, limits: limits)
        return try readAll(path: path, limits: limits)
    }

    /// Reads a file (or its first `upTo` bytes) with POSIX calls.
    static func readAll(path: String, limits: ReadLimits, upTo: Int = .max) throws(DocumentError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw .unreadable(String(cString: strerror(errno)).lowercased()) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(64 * 1024, upTo))  // the head is 512 bytes
        while result.count < upTo {
            let wanted = min(chunk.count, upTo - result.count)
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, wanted, file) }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > limits.maxFileBytes {
                throw .limitExceeded(what: "the file size in bytes", limit: limits.maxFileBytes, actual: result.count)
            }
        }
        if ferror(file) != 0 { throw .unreadable("a read error occurred") }
        return result
    }
}

/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16
/// with a BOM, or else Windows-1252.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) throws(DocumentError) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if bytes.contains(0) { throw .undecodableText }
        return String(bytes.map { windows1252[Int($0)] })
    }

    /// Windows-1252 to Unicode; undefined bytes map to U+FFFD.
    static let windows1252: [Character] = (0..<256).map { byte in
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                              0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
        let value = (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
}
