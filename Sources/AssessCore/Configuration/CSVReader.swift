internal import AssessDocuments

/// Reads CSV as people's spreadsheets write it: UTF-8 with or without a BOM, comma or
/// semicolon (guessed from the header line), LF or CRLF, quoted fields with doubled
/// quotes and line breaks inside quotes.
public struct CSVTable: Sendable, Equatable {
    /// A data row with its 1-based line number in the file.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
        /// The 1-based column where each field starts.
        public var columns: [Int]

        /// Where field `index` starts, as a location in `file`.
        public func location(_ index: Int, file: String) -> SourceLocation {
            SourceLocation(file: file, line: line, column: index < columns.count ? columns[index] : 1)
        }
    }

    /// Header names, trimmed.
    public var header: [String]
    public var rows: [Row]

    /// The column index of a header name (case-insensitive).
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// A field for writing: quoted when it holds a delimiter, quote or line break, and
    /// prefixed with `'` when a spreadsheet would run it as a formula (`=`, `+`, `@`,
    /// tab, carriage return, or `-` not followed by a digit).
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+@\t\r".contains(first) || (first == "-" && !(value.dropFirst().first?.isNumber ?? false)) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }

    /// Parses CSV text.
    /// - Throws: ``ConfigurationError`` at the line of an unterminated quote, or when
    ///   a field or the row count passes a safety limit.
    public static func parse(_ text: String, file: String, maxRows: Int = 1_000_000, maxFieldLength: Int = 1 << 20) throws(ConfigurationError) -> CSVTable {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","

        var records: [Row] = []
        var fields: [String] = []
        var starts: [Int] = []
        var field = ""
        var column = 0
        var fieldStart = 1
        var quoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = text.makeIterator()
        var pending: Character?
        func endField() {
            fields.append(field)
            starts.append(fieldStart)
            field = ""
            fieldStart = column + 1
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields, columns: starts)) }
            fields = []
            starts = []
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            column += 1
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character.isNewline { line += 1; column = 0 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
                quoteLine = line
            } else if character == delimiter {
                endField()
            } else if character.isNewline {
                endRecord()
                column = 0
                fieldStart = 1
                line += 1
                recordLine = line
                if records.count > maxRows {
                    throw ConfigurationError("the file has more than \(maxRows) rows; split it", at: SourceLocation(file: file, line: line))
                }
            } else {
                field.append(character)
            }
            if field.utf8.count > maxFieldLength {
                throw ConfigurationError("a field is longer than \(maxFieldLength) bytes; check for a missing closing quote", at: SourceLocation(file: file, line: recordLine))
            }
        }
        if quoted {
            throw ConfigurationError("a quoted field is never closed; add the closing \"", at: SourceLocation(file: file, line: quoteLine))
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { return CSVTable(header: [], rows: []) }
        return CSVTable(header: first.fields.map { $0.trimmingWhitespace() }, rows: Array(records.dropFirst()))
    }
}
