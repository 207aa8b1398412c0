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
        case let kind:
            throw unsupported(kind, name: name)
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
        case let kind: throw unsupported(kind, name: name)
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
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .text }
        if bytes.starts(with: Array("BZh".utf8)) || bytes.starts(with: [0x1F, 0x8B]) || bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF]) { return .binary }
        // Text has no NUL and few control characters besides tab, line feed, carriage return.
        let controls = bytes.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
        return bytes.contains(0) || controls.count * 20 > bytes.count ? .binary : .text
    }

    private static func readZip(_ archive: ZipArchive, name: String, limits: ReadLimits) throws(DocumentError) -> DocumentText {
        if archive.contains("ppt/presentation.xml") {
            return try PptxReader.read(archive, limits: limits)
        }
        if archive.contains("xl/workbook.xml") {
            throw .unsupportedFormat("The file is an Excel workbook, not a document; submit the work as DOCX or PDF.")
        }
        if archive.contains("content.xml") && (archive.contains("mimetype") || archive.contains("META-INF/manifest.xml")) {
            return try OdtReader.read(archive, limits: limits)
        }
        if !archive.contains("[Content_Types].xml") && !archive.contains("word/document.xml") {
            throw .unsupportedFormat("The file is a zip archive, not a document; submit the DOCX file itself rather than a zip.")
        }
        return try DocxReader.read(archive, limits: limits)
    }

    private static func unsupported(_ kind: Kind, name: String) -> DocumentError {
        switch kind {
        case .empty: .empty
        case .oleCompound:
            .unsupportedFormat("The file is a legacy Word .doc or a password-protected Office file; save it as DOCX without a password and submit that.")
        case .binary:
            .unsupportedFormat("The file is not a document that can be read (\(name.split(separator: "/").last.map(String.init) ?? name)); convert it to DOCX or PDF.")
        case .zip, .text, .pdf, .rtf: .unsupportedFormat("The file could not be read.")
        }
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
    private static let windows1252: [Character] = (0..<256).map { byte in
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                              0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
        let value = (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
}
