#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import AssessDocuments

/// Reads CSV row by row from a file without holding it: UTF-8 with or without a BOM,
/// comma or semicolon (guessed from the header line), LF or CRLF, quoted fields with
/// doubled quotes and line breaks inside quotes. A row's fields are byte ranges into
/// one reused buffer, so reading 200,000 rows allocates almost nothing.
///
/// Not `Sendable`: one task reads a stream. The `FILE*` is owned here and closed in `deinit`.
public final class CSVStream {
    /// The current row: its unescaped bytes and where each field ends.
    public private(set) var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The 1-based line the current row starts on.
    public private(set) var line = 0
    /// The delimiter, found on the first line.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    /// The read buffer, owned here and freed in `deinit`.
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var position = 0
    private var filled = 0
    private var atEnd = false
    private var nextLine = 1
    private let maxFieldLength: Int

    /// Opens `path` for reading.
    /// - Throws: ``ConfigurationError`` when it cannot be opened.
    public init(path: String, maxFieldLength: Int = 1 << 20) throws(ConfigurationError) {
        guard let handle = fopen(path, "rb") else {
            throw ConfigurationError("cannot read the file (\(String(cString: strerror(errno)).lowercased())); check the path", at: SourceLocation(file: path))
        }
        file = handle
        self.path = path
        self.maxFieldLength = maxFieldLength
        chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        refill()
        if filled >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { position = 3 }
        if filled >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) {
            throw ConfigurationError("the file is UTF-16 text; save it as CSV UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        delimiter = guessDelimiter()
    }

    deinit {
        fclose(file)
        chunk.deallocate()
    }

    /// The number of fields in the current row.
    public var count: Int { ends.count }

    /// Field `index` of the current row as bytes (empty when the row is shorter).
    @inline(__always)
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        guard index < ends.count else { return [] }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// Field `index` as text, white space trimmed.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self).trimmingWhitespace()
    }

    /// Every field of the current row as text.
    public var strings: [String] { (0..<count).map(string) }

    /// Reads the next non-empty row; false at the end of the file.
    /// - Throws: ``ConfigurationError`` for an unclosed quote or an over-long field.
    public func next() throws(ConfigurationError) -> Bool {
        while true {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            line = nextLine
            guard try readRow() else { return false }
            // A row of one empty field is a blank line: skip it.
            if !(ends.count == 1 && ends[0] == 0) { return true }
        }
    }

    private func readRow() throws(ConfigurationError) -> Bool {
        // The row's state lives in locals while bytes are scanned (no per-byte access
        // checks on the object), and goes back to the object when the row is done.
        var bytes = self.bytes, ends = self.ends
        self.bytes = []
        self.ends = []
        defer {
            self.bytes = bytes
            self.ends = ends
        }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        let chunk = self.chunk
        var quoted = false
        var fieldStart = 0
        var sawAnything = false
        var quoteLine = line
        var position = self.position
        defer { self.position = position }
        while true {
            if position >= filled {
                self.position = position
                refill()
                position = self.position
                if filled == 0 {
                    if quoted {
                        throw ConfigurationError("a quoted field is never closed; add the closing \"", at: SourceLocation(file: path, line: quoteLine, column: 1))
                    }
                    guard sawAnything else { return false }
                    ends.append(bytes.count)
                    return true
                }
            }
            sawAnything = true
            // Fast path: copy a run of ordinary bytes at once.
            var index = position
            let limit = filled
            if !quoted {
                while index < limit {
                    let byte = chunk[index]
                    if byte == delimiter || byte == newline || byte == carriage || byte == quote { break }
                    index += 1
                }
            } else {
                while index < limit {
                    let byte = chunk[index]
                    if byte == quote || byte == newline { break }
                    index += 1
                }
            }
            if index > position {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[position..<index]))
                position = index
                if bytes.count - fieldStart > maxFieldLength {
                    throw ConfigurationError("a field is longer than \(maxFieldLength) bytes; check for a missing closing quote", at: SourceLocation(file: path, line: line))
                }
                continue
            }
            let byte = chunk[position]
            position += 1
            if quoted {
                if byte == quote {
                    if peek(&position) == quote { position += 1; bytes.append(quote) } else { quoted = false }
                } else {
                    if byte == newline { nextLine += 1 }
                    bytes.append(byte)
                }
            } else if byte == quote {
                if bytes.count == fieldStart { quoted = true; quoteLine = nextLine } else { bytes.append(byte) }
            } else if byte == delimiter {
                ends.append(bytes.count)
                fieldStart = bytes.count
            } else if byte == newline || byte == carriage {
                if byte == carriage, peek(&position) == newline { position += 1 }
                nextLine += 1
                ends.append(bytes.count)
                return true
            }
        }
    }

    /// The byte at `position`, reading the next chunk when needed.
    private func peek(_ position: inout Int) -> UInt8? {
        if position >= filled {
            self.position = position
            refill()
            position = self.position
            if filled == 0 { return nil }
        }
        return chunk[position]
    }

    private func refill() {
        if atEnd { filled = 0; position = 0; return }
        let count = fread(chunk.baseAddress, 1, chunk.count, file)
        if count < chunk.count { atEnd = true }
        filled = count
        position = 0
    }

    /// Semicolon when the first line has more semicolons than commas outside quotes.
    private func guessDelimiter() -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        var index = position
        while index < filled {
            let byte = chunk[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            else if !quoted && byte == UInt8(ascii: ",") { commas += 1 }
            else if !quoted && byte == UInt8(ascii: ";") { semicolons += 1 }
            index += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
