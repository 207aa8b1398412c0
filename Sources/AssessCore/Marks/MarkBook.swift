internal import Foundation
internal import AssessDocuments

/// Which markers mark which script: `allocation.csv` with `candidate_id` (or `group`),
/// `first_marker` and optional `second_marker` and `third_marker` columns.
public struct Allocation: Sendable, Equatable {
    /// One script's markers.
    public struct Entry: Sendable, Equatable {
        public var first: String
        public var second: String?
        public var third: String?

        /// Creates an entry.
        public init(first: String, second: String? = nil, third: String? = nil) {
            self.first = first
            self.second = second
            self.third = third
        }
    }

    /// Markers by script.
    public var entries: [String: Entry]

    /// Creates an allocation.
    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// Every marker named, in order of first appearance (scripts sorted).
    public var markers: [String] {
        var ordered: [String] = []
        for script in entries.keys.sorted() {
            guard let entry = entries[script] else { continue }
            for marker in [entry.first, entry.second, entry.third].compactMap({ $0 }) where !ordered.contains(marker) {
                ordered.append(marker)
            }
        }
        return ordered.sorted()
    }

    /// The scripts a marker has, with the role.
    public func scripts(of marker: String) -> [(script: String, role: MarkingRole)] {
        entries.keys.sorted().compactMap { script in
            guard let entry = entries[script] else { return nil }
            if entry.first == marker { return (script, .first) }
            if entry.second == marker { return (script, .second) }
            if entry.third == marker { return (script, .third) }
            return nil
        }
    }

    /// Reads `allocation.csv`.
    /// - Throws: ``ConfigurationError`` at the row and column of the first problem.
    public static func load(path: String, scripts: Set<String>) throws(ConfigurationError) -> Allocation {
        let table = try MarkSheetReader.table(path: path)
        guard let key = table.column("candidate_id") ?? table.column("group"), let firstColumn = table.column("first_marker") else {
            throw ConfigurationError("the header must name 'candidate_id' (or 'group') and 'first_marker' columns (found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let secondColumn = table.column("second_marker"), thirdColumn = table.column("third_marker")
        var entries: [String: Entry] = [:]
        var lines: [String: Int] = [:]
        for row in table.rows {
            func cell(_ index: Int?) -> String? {
                guard let index, index < row.fields.count else { return nil }
                let text = row.fields[index].trimmingWhitespace()
                return text.isEmpty ? nil : text
            }
            func at(_ index: Int) -> SourceLocation { SourceLocation(file: path, line: row.line, column: index + 1) }
            let script = cell(key) ?? ""
            guard scripts.contains(script) else {
                throw ConfigurationError("'\(script)' (column \(columnLetter(key))) is not a script of this assessment; check the candidate or group id", at: at(key))
            }
            if let first = lines[script] {
                throw ConfigurationError("'\(script)' is allocated again (first on line \(first)); keep one row per script", at: at(key))
            }
            lines[script] = row.line
            var markers: [String?] = []
            for column in [firstColumn, secondColumn, thirdColumn] {
                let marker = column.flatMap(cell)
                if let marker, let column, !isSafeIdentifier(marker) {
                    throw ConfigurationError("marker id '\(marker)' (column \(columnLetter(column))) may hold only letters, digits, '.', '_' and '-' (it names the marker's sheet)", at: at(column))
                }
                markers.append(marker)
            }
            guard let first = markers[0] else {
                throw ConfigurationError("'\(script)' has no first marker; fill in first_marker", at: at(firstColumn))
            }
            if markers[1] == first, let secondColumn {
                throw ConfigurationError("'\(first)' is both first and second marker of '\(script)'; choose another second marker", at: at(secondColumn))
            }
            entries[script] = Entry(first: first, second: markers[1], third: markers[2])
        }
        return Allocation(entries: entries)
    }
}

/// Every mark of an assessment read from its `marks/` folder: the markers' sheets
/// (`*.csv`, `*.yaml`) and the agreed marks (`agreed.csv`: `candidate_id` or `group`,
/// `mark`, `reason`, optional `agreed_by`). A sheet with problems contributes nothing;
/// its problems are listed so that a person fixes it.
public struct MarkBook: Sendable, Equatable {
    public var records: [MarkRecord]
    public var agreed: [AgreedMark]
    /// Problems that kept a sheet (or the allocation) from being applied.
    public var problems: [ConfigurationError]
    /// The sheets applied, by path.
    public var sheets: [String]

    /// Creates a mark book.
    public init(records: [MarkRecord] = [], agreed: [AgreedMark] = [], problems: [ConfigurationError] = [], sheets: [String] = []) {
        self.records = records
        self.agreed = agreed
        self.problems = problems
        self.sheets = sheets
    }

    /// The name of the agreed-marks file in `marks/`.
    public static let agreedFile = "agreed.csv"

    /// Reads every sheet in `directory`, sorted by file name. When two sheets give the
    /// same script the same role, the later sheet is the one reported and not applied.
    public static func load(directory: String, rubric: Rubric, scripts: Set<String>) -> MarkBook {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { name in !name.hasPrefix(".") && !name.hasPrefix("~$") && [".csv", ".yaml", ".yml"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
        var book = MarkBook()
        let reader = MarkSheetReader(rubric: rubric, scripts: scripts)
        var given: [String: SheetRow] = [:]
        for name in names where name.lowercased() != agreedFile {
            let path = directory + "/" + name
            var (records, errors) = reader.read(path: path)
            for record in records {
                let identity = record.script + "\u{0}" + record.role.rawValue
                if let earlier = given[identity] {
                    errors.append(ConfigurationError("the \(record.role.rawValue) mark of '\(record.script)' is also given in \(earlier); remove it from one of the sheets", at: SourceLocation(file: path, line: record.source.row, column: 1)))
                }
            }
            if errors.isEmpty {
                for record in records { given[record.script + "\u{0}" + record.role.rawValue] = record.source }
                book.records += records
                book.sheets.append(path)
            } else {
                book.problems += errors
            }
        }
        let agreedPath = directory + "/" + agreedFile
        if FileManager.default.fileExists(atPath: agreedPath) {
            do {
                book.agreed = try agreedMarks(path: agreedPath, scripts: scripts, range: rubric.gradeMinimum...rubric.gradeMaximum)
                book.sheets.append(agreedPath)
            } catch { book.problems.append(error) }
        }
        return book
    }

    /// Reads `agreed.csv`.
    /// - Throws: ``ConfigurationError`` at the row and column of the first problem; none
    ///   of the file is applied then.
    public static func agreedMarks(path: String, scripts: Set<String>, range: ClosedRange<Double>) throws(ConfigurationError) -> [AgreedMark] {
        let table = try MarkSheetReader.table(path: path)
        guard let key = table.column("candidate_id") ?? table.column("group"), let markColumn = table.column("mark"), let reasonColumn = table.column("reason") else {
            throw ConfigurationError("the header must name 'candidate_id' (or 'group'), 'mark' and 'reason' columns (found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let byColumn = table.column("agreed_by")
        var result: [AgreedMark] = []
        var lines: [String: Int] = [:]
        for row in table.rows {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingWhitespace()
            }
            func at(_ index: Int) -> SourceLocation { SourceLocation(file: path, line: row.line, column: index + 1) }
            let script = cell(key)
            guard scripts.contains(script) else {
                throw ConfigurationError("'\(script)' (column \(columnLetter(key))) is not a script of this assessment; check the id", at: at(key))
            }
            if let first = lines[script] {
                throw ConfigurationError("'\(script)' has an agreed mark already on line \(first); keep one", at: at(key))
            }
            lines[script] = row.line
            guard let mark = MarkSheetReader.number(cell(markColumn)), range.contains(mark) else {
                throw ConfigurationError("'\(cell(markColumn))' (column \(columnLetter(markColumn))) is not a mark from \(markText(range.lowerBound)) to \(markText(range.upperBound))", at: at(markColumn))
            }
            let reason = cell(reasonColumn)
            guard !reason.isEmpty else {
                throw ConfigurationError("the agreed mark of '\(script)' has no reason (column \(columnLetter(reasonColumn))); the exam board needs one", at: at(reasonColumn))
            }
            let by = cell(byColumn)
            result.append(AgreedMark(script: script, mark: mark, reason: reason, agreedBy: by.isEmpty ? nil : by, source: SheetRow(file: path, row: row.line)))
        }
        return result
    }
}
