#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import AssessDocuments

/// Reads CSV row by row from a file without holding it: UTF-8 with or without a BOM,
/// comma or semicolon (guessed from the header line), LF or CRLF, quoted fields with
/// doubled quotes and line breaks inside quotes.
///
/// A row is parsed in place in one read buffer (a quoted field is unescaped where it
/// lies), and its fields are byte ranges into that buffer, valid until ``next()``: reading
/// 200,000 rows copies and allocates almost nothing. Not `Sendable`: one task reads a
/// stream. The `FILE*` and the buffer are owned here and released in `deinit`.
public final class CSVStream {
    /// The 1-based line the current row starts on.
    public private(set) var line = 0
    /// The delimiter, found on the first line.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes of the buffer that hold data.
    private var filled = 0
    /// Where the next row starts.
    private var position = 0
    private var atEnd = false
    private var nextLine = 1
    /// Where the current row starts in the buffer, and its fields relative to that.
    private var base = 0
    private var starts: [Int] = []
    private var ends: [Int] = []
    private let maxRowLength: Int

    /// Opens `path` for reading.
    /// - Throws: ``ConfigurationError`` when it cannot be opened or is UTF-16.
    public init(path: String, maxRowLength: Int = 64 << 20) throws(ConfigurationError) {
        guard let handle = fopen(path, "rb") else {
            throw ConfigurationError("cannot read the file (\(String(cString: strerror(errno)).lowercased())); check the path", at: SourceLocation(file: path))
        }
        file = handle
        self.path = path
        self.maxRowLength = maxRowLength
        capacity = 1 << 20
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        fill()
        if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
        if filled >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw ConfigurationError("the file is UTF-16 text; save it as CSV UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        delimiter = guessDelimiter()
    }

    deinit {
        fclose(file)
        buffer.deallocate()
    }

    /// The number of fields in the current row.
    public var count: Int { ends.count }

    /// Field `index` of the current row as bytes (empty when the row is shorter); valid
    /// until the next call to ``next()``.
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: buffer + base + starts[index], count: ends[index] - starts[index])
    }

    /// Field `index` as text, white space trimmed.
    public func string(_ index: Int) -> String {
        let bytes = field(index)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let first = bytes.first, let last = bytes.last else { return text }
        // Only text that starts or ends with white space needs trimming.
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F ? text : text.trimmingWhitespace()
    }

    /// Every field of the current row as text.
    public var strings: [String] { (0..<count).map(string) }

    /// Hands a hot loop the current row at once: the row's first byte and each field's
    /// start and end relative to it.
    public func withRow<Result>(_ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> Result) -> Result {
        let row = UnsafePointer(buffer + base)
        return starts.withUnsafeBufferPointer { starts in ends.withUnsafeBufferPointer { ends in body(row, starts, ends) } }
    }

    /// Reads the next non-empty row; false at the end of the file.
    /// - Throws: ``ConfigurationError`` for an unclosed quote or a row longer than the limit.
    public func next() throws(ConfigurationError) -> Bool {
        while true {
            line = nextLine
            guard try readRow() else { return false }
            // A row of one empty field is a blank line: skip it.
            if !(ends.count == 1 && ends[0] == starts[0]) { return true }
        }
    }

    private func readRow() throws(ConfigurationError) -> Bool {
        var starts = self.starts, ends = self.ends
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        defer {
            self.starts = starts
            self.ends = ends
        }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        base = position
        // Read and write cursors, relative to the row's start; writing lags reading only
        // after a quoted field, whose quotes are removed in place.
        var read = 0, write = 0, fieldStart = 0
        var quoted = false, sawAnything = false
        var quoteLine = line
        var row = buffer + base
        var available = filled - base
        while true {
            if read >= available {
                guard try more(&row, &available) else {
                    position = base + read
                    if quoted {
                        throw ConfigurationError("a quoted field is never closed; add the closing \"", at: SourceLocation(file: path, line: quoteLine, column: 1))
                    }
                    guard sawAnything else { return false }
                    starts.append(fieldStart)
                    ends.append(write)
                    return true
                }
            }
            sawAnything = true
            if !quoted {
                // The common case: plain bytes up to a delimiter or the end of the line.
                while read < available {
                    let byte = row[read]
                    if byte == delimiter || byte == newline || byte == carriage || byte == quote { break }
                    row[write] = byte
                    read += 1
                    write += 1
                }
                if read >= available { continue }
            }
            let byte = row[read]
            read += 1
            if quoted {
                if byte == quote {
                    if read >= available, try !more(&row, &available) {
                        quoted = false
                        continue
                    }
                    if row[read] == quote {
                        row[write] = quote
                        write += 1
                        read += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline { nextLine += 1 }
                    row[write] = byte
                    write += 1
                }
            } else if byte == quote {
                if write == fieldStart { quoted = true; quoteLine = nextLine } else { row[write] = byte; write += 1 }
            } else if byte == delimiter {
                starts.append(fieldStart)
                ends.append(write)
                fieldStart = write
            } else {  // end of line
                if byte == carriage {
                    if read >= available { _ = try more(&row, &available) }
                    if read < available && row[read] == newline { read += 1 }
                }
                nextLine += 1
                starts.append(fieldStart)
                ends.append(write)
                position = base + read
                return true
            }
        }
    }

    /// Makes more of the row available: moves the row to the front of the buffer (or
    /// grows the buffer when the row fills it) and reads on; false at the end of the file.
    private func more(_ row: inout UnsafeMutablePointer<UInt8>, _ available: inout Int) throws(ConfigurationError) -> Bool {
        if atEnd { return false }
        if base > 0 {
            memmove(buffer, buffer + base, filled - base)
            filled -= base
            position -= min(position, base)
            base = 0
        } else if filled == capacity {
            guard capacity * 2 <= maxRowLength else {
                throw ConfigurationError("a row is longer than \(maxRowLength >> 20) MB; check for a missing closing quote", at: SourceLocation(file: path, line: line))
            }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let before = filled
        fill()
        row = buffer + base
        available = filled - base
        return filled > before
    }

    /// Reads from the file into the free end of the buffer.
    private func fill() {
        guard !atEnd, filled < capacity else { return }
        let count = fread(buffer + filled, 1, capacity - filled, file)
        if count == 0 { atEnd = true }
        filled += count
    }

    /// Semicolon when the first line has more semicolons than commas outside quotes.
    private func guessDelimiter() -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        var index = position
        while index < filled {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            else if !quoted && byte == UInt8(ascii: ",") { commas += 1 }
            else if !quoted && byte == UInt8(ascii: ";") { semicolons += 1 }
            index += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
