internal import Foundation
public import AssessDocuments

/// The layouts of answer-sheet files that are recognised from their header.
public enum ResponsesFormat: String, Sendable, Codable {
    /// A candidate id column and one column per item (`Q1…Qn` or the key's item names).
    case generic
    /// Moodle's quiz "Responses" report, downloaded as CSV (`Response 1`… hold answer text).
    case moodleResponses = "moodle_responses"
    /// ZipGrade's "Full Data Format" export (`Key Version`, `Stu1`, `PriKey1`…).
    case zipGrade = "zipgrade"
}

/// Reads answer sheets one row at a time from a responses CSV, turning each cell into
/// the options chosen. Only the candidate id of a row becomes a `String`; answers are
/// read straight from the bytes. See `docs/processors/mcq.md` for the layouts.
///
/// ```swift
/// let reader = try AnswerSheetReader(path: "responses.csv", scheme: scheme)
/// while try reader.next() { … reader.candidateID, reader.responses … }
/// ```
public final class AnswerSheetReader {
    /// The layout found from the header.
    public let format: ResponsesFormat
    /// The current sheet's candidate id.
    public private(set) var candidateID = ""
    /// The current sheet's chosen options, one per key item (blank for items it lacks).
    public private(set) var responses: [ChosenOptions]
    /// The 1-based line of the current sheet.
    public var line: Int { stream.line }
    /// Notes about the file as a whole: ignored columns, rows skipped, assumptions.
    public private(set) var notes: [String] = []
    /// Rows that were not marked, with the reason.
    public private(set) var skipped: [(line: Int, reason: String)] = []

    private let stream: CSVStream
    private let path: String
    private let scheme: MarkingScheme
    private var idColumns: [Int] = []
    private var nameColumns: [Int] = []
    private var emailColumn: Int?
    /// For each key item, the column holding its answer.
    private var itemColumns: [Int?] = []
    private var stateColumn: Int?
    private var versionColumn: Int?
    private var sheetColumns: [Int] = []
    private var primaryKeyColumns: [Int] = []
    private var versionMaps: [String: [Int?]?] = [:]
    /// Moodle: each item's options by normalised text.
    private var optionTexts: [[String: Int]] = []

    /// Opens a responses file and reads its header.
    /// - Throws: ``ConfigurationError`` when the file cannot be read, has no candidate id
    ///   column, or lacks the column of an item that counts.
    public init(path: String, scheme: MarkingScheme) throws(ConfigurationError) {
        self.path = path
        self.scheme = scheme
        stream = try CSVStream(path: path)
        responses = Array(repeating: .blank, count: scheme.items.count)
        guard try stream.next() else {
            throw ConfigurationError("the responses file is empty; it needs a header row and one row per candidate", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let header = stream.strings
        let normal = header.map(Self.normalise)
        if normal.contains("keyversion") || (normal.contains("stu1") && normal.contains("prikey1")) {
            format = .zipGrade
        } else if normal.contains("response1") {
            format = .moodleResponses
        } else {
            format = .generic
        }
        try mapColumns(header, normal)
    }

    /// The current sheet's candidate name, when the file has one.
    public var name: String? {
        let parts = nameColumns.map(stream.string).filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The current sheet's email address, when the file has one.
    public var email: String? {
        guard let emailColumn else { return nil }
        let value = stream.string(emailColumn)
        return value.isEmpty ? nil : value
    }

    /// The current row's fields, by header name (for callers that keep whole rows).
    public var fields: [String] { stream.strings }

    /// Moves to the next sheet; false at the end of the file. Rows that cannot be a sheet
    /// (no candidate id, an unfinished Moodle attempt) are skipped and listed in ``skipped``.
    /// - Throws: ``ConfigurationError`` when the CSV itself is broken (an unclosed quote).
    public func next() throws(ConfigurationError) -> Bool {
        while try stream.next() {
            if let stateColumn {
                let state = stream.string(stateColumn)
                if !state.isEmpty && state.lowercased() != "finished" {
                    skipped.append((stream.line, "the attempt's state is '\(state)', not Finished"))
                    continue
                }
            }
            candidateID = idColumns.lazy.map(stream.string).first { !$0.isEmpty } ?? ""
            if candidateID.isEmpty {
                if format == .moodleResponses, let name = name { candidateID = name }
                else if format == .zipGrade, let name = name { candidateID = name }
            }
            guard !candidateID.isEmpty else {
                if (0..<stream.count).contains(where: { !stream.field($0).isEmpty }) {
                    skipped.append((stream.line, "the row has no candidate id"))
                }
                continue
            }
            if format == .moodleResponses && candidateID.lowercased().hasPrefix("overall average") { continue }
            switch format {
            case .generic:
                var responses = self.responses
                self.responses = []
                let columns = itemColumns
                stream.withRow { row, starts, ends in
                    for index in 0..<columns.count {
                        guard let column = columns[index], column < ends.count else { responses[index] = .blank; continue }
                        responses[index] = Self.letters(UnsafeBufferPointer(start: row + starts[column], count: ends[column] - starts[column]))
                    }
                }
                self.responses = responses
            case .moodleResponses:
                for index in 0..<itemColumns.count {
                    responses[index] = itemColumns[index].map { moodleAnswer(stream.string($0), item: index) } ?? .blank
                }
            case .zipGrade:
                guard let map = versionMap() else { continue }
                for index in 0..<responses.count { responses[index] = .blank }
                for (position, column) in sheetColumns.enumerated() where position < map.count {
                    if let item = map[position] { responses[item] = Self.letters(stream.field(column)) }
                }
            }
            return true
        }
        return false
    }

    /// A cell's options: letters A–O in either case, with spaces, commas, semicolons or
    /// `|` between them, or nothing; anything else is an invalid mark.
    @inline(__always)
    public static func letters(_ cell: ArraySlice<UInt8>) -> ChosenOptions {
        cell.withUnsafeBufferPointer(letters)
    }

    /// ``letters(_:)`` on raw bytes.
    @inline(__always)
    public static func letters(_ cell: UnsafeBufferPointer<UInt8>) -> ChosenOptions {
        var bits: UInt16 = 0
        for byte in cell {
            switch byte {
            case 65...79: bits |= 1 << UInt16(byte - 65)  // A–O
            case 97...111: bits |= 1 << UInt16(byte - 97)  // a–o
            case 32, 9, 44, 59, 124, 43: continue  // space, tab, comma, semicolon, |, +
            default: return .invalid
            }
        }
        return ChosenOptions(bits: bits)
    }

    // MARK: - Header

    /// Lower case, without spaces, underscores, hyphens or dots: `Candidate ID` → `candidateid`.
    public static func normalise(_ header: String) -> String {
        String(header.lowercased().filter { !" _-.\u{FEFF}".contains($0) })
    }

    private static let idNames = ["candidateid", "candidate", "id", "studentid", "student", "studentnumber", "idnumber",
                                  "username", "user", "email", "emailaddress", "customid"]

    private func mapColumns(_ header: [String], _ normal: [String]) throws(ConfigurationError) {
        let at = SourceLocation(file: path, line: 1, column: 1)
        func column(_ names: [String]) -> Int? {
            for name in names { if let found = normal.firstIndex(of: name) { return found } }
            return nil
        }
        emailColumn = column(["email", "emailaddress", "e-mail", "mail"])
        if let full = column(["name", "fullname", "candidatename", "studentname"]) {
            nameColumns = [full]
        } else {
            nameColumns = [column(["firstname", "givenname", "forename"]), column(["lastname", "surname", "familyname"])].compactMap { $0 }
        }
        switch format {
        case .generic:
            guard let id = column(Self.idNames) else {
                throw ConfigurationError("no column names the candidate; add a first column 'candidate_id' (found: \(header.prefix(8).joined(separator: ", "))\(header.count > 8 ? ", …" : ""))", at: at)
            }
            idColumns = [id]
            for (index, item) in scheme.items.enumerated() {
                let byID = normal.firstIndex(of: Self.normalise(item.id))
                let byNumber = normal.firstIndex { Self.questionNumber($0) == index + 1 }
                itemColumns.append(byID ?? byNumber)
            }
            let used = Set(itemColumns.compactMap { $0 } + idColumns + nameColumns + [emailColumn].compactMap { $0 })
            let ignored = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }.map { header[$0] }
            if !ignored.isEmpty {
                notes.append("Columns not read as answers: \(ignored.prefix(10).joined(separator: ", "))\(ignored.count > 10 ? " and \(ignored.count - 10) more" : "").")
            }
        case .moodleResponses:
            idColumns = [column(["idnumber"]), column(["username"]), column(["emailaddress", "email"])].compactMap { $0 }
            stateColumn = column(["state"])
            var responseColumns: [Int: Int] = [:]
            for (index, name) in normal.enumerated() where name.hasPrefix("response") {
                if let number = Int(name.dropFirst("response".count)) { responseColumns[number] = index }
            }
            let count = responseColumns.keys.max() ?? 0
            let positions = scheme.items.map(\.key.sourcePosition)
            if count == scheme.items.count {
                itemColumns = (1...max(count, 1)).prefix(scheme.items.count).map { responseColumns[$0] }
            } else if let last = positions.max(), count == last || (count > scheme.items.count && positions.allSatisfy { $0 <= count }) {
                itemColumns = positions.map { responseColumns[$0] }
                notes.append("The export has \(count) responses per attempt and the key \(scheme.items.count) items; Response n is matched to the key's question n, counting the questions the key skipped.")
            } else {
                throw ConfigurationError("the Moodle responses export has \(count) 'Response' columns but the key has \(scheme.items.count) items; export the responses of the quiz this key belongs to", at: at)
            }
            optionTexts = scheme.items.map { item in
                var texts: [String: Int] = [:]
                for (index, option) in item.key.options.enumerated() {
                    let text = Self.comparable(option.text)
                    if !text.isEmpty && texts[text] == nil { texts[text] = index }
                }
                return texts
            }
            if scheme.items.contains(where: { $0.key.options.allSatisfy { $0.text.isEmpty } }) {
                throw ConfigurationError("Moodle's responses export holds answer text, but the key has no option texts to match it to; use the Moodle XML export of the same questions as the key", at: at)
            }
        case .zipGrade:
            idColumns = [column(["studentid"]), column(["customid"])].compactMap { $0 }
            versionColumn = column(["keyversion"])
            var stu: [Int: Int] = [:], pri: [Int: Int] = [:]
            for (index, name) in normal.enumerated() {
                if name.hasPrefix("stu"), let number = Int(name.dropFirst(3)) { stu[number] = index }
                if name.hasPrefix("prikey"), let number = Int(name.dropFirst(6)) { pri[number] = index }
            }
            let count = stu.keys.max() ?? 0
            sheetColumns = (0..<count).compactMap { stu[$0 + 1] }
            primaryKeyColumns = (0..<count).compactMap { pri[$0 + 1] }
            guard sheetColumns.count == count, count > 0 else {
                throw ConfigurationError("the ZipGrade export has no Stu1…StuN answer columns", at: at)
            }
            if count != scheme.items.count {
                notes.append("The ZipGrade sheets have \(count) questions and the key \(scheme.items.count) items.")
            }
            itemColumns = Array(repeating: nil, count: scheme.items.count)
        }
        if idColumns.isEmpty && nameColumns.isEmpty {
            throw ConfigurationError("no column names the candidate (id number, username, email or name); include one in the export", at: at)
        }
        if format != .zipGrade {
            let missing = scheme.items.indices.filter { itemColumns[$0] == nil && scheme.items[$0].status != .removed }
            if missing.count == scheme.items.count {
                throw ConfigurationError("no column holds answers: name them Q1…Q\(scheme.items.count) or by the key's item names (\(scheme.items.prefix(3).map(\.id).joined(separator: ", "))…)", at: at)
            }
            if !missing.isEmpty {
                let names = missing.prefix(8).map { "Q\($0 + 1)" + (scheme.items[$0].id == "Q\($0 + 1)" ? "" : " (\(scheme.items[$0].id))") }
                throw ConfigurationError("no column holds the answers to \(names.joined(separator: ", "))\(missing.count > 8 ? " and \(missing.count - 8) more" : ""); add the column (blank cells for no answer) or void the item in the test's YAML", at: at)
            }
        }
    }

    /// `q7`, `q07`, `question7` as 7.
    public static func questionNumber(_ normal: String) -> Int? {
        if normal.hasPrefix("question"), let number = Int(normal.dropFirst(8)) { return number }
        if normal.hasPrefix("q"), let number = Int(normal.dropFirst()) { return number }
        return nil
    }

    // MARK: - Moodle answer text

    /// Text as compared with an option: HTML reduced, white space collapsed, lower case.
    static func comparable(_ text: String) -> String {
        HTMLText.plain(text).lowercased()
    }

    private func moodleAnswer(_ text: String, item: Int) -> ChosenOptions {
        if text.isEmpty || text == "-" { return .blank }
        let texts = optionTexts[item]
        let whole = Self.comparable(text)
        if let index = texts[whole] { return ChosenOptions([index]) }
        // Moodle joins a multiple-answer response's choices with "; ".
        var indices: [Int] = []
        for part in text.components(separatedBy: "; ") {
            guard let index = texts[Self.comparable(part)] else { return .invalid }
            indices.append(index)
        }
        return ChosenOptions(indices)
    }

    // MARK: - ZipGrade versions

    /// The key item for each sheet position of the current row's key version, or nil
    /// (row skipped) when the version's key is unknown.
    private func versionMap() -> [Int?]? {
        let version = versionColumn.map(stream.string) ?? ""
        if let known = versionMaps[version] {
            if known == nil { skipped.append((stream.line, "key version \(version) is not mapped to the key (key_versions in the test's YAML)")) }
            return known
        }
        var map: [Int?]?
        if let given = scheme.settings.keyVersions[version] {
            map = given.map { $0 >= 1 && $0 <= scheme.items.count ? $0 - 1 : nil }
        } else {
            // Without a mapping, a version is taken as the key's own order when its
            // printed key (PriKey) agrees with the key on every single-answer item.
            let agrees = primaryKeyColumns.enumerated().allSatisfy { position, column in
                guard position < scheme.items.count else { return false }
                let item = scheme.items[position]
                if item.key.multipleAnswer || item.status != .normal { return true }
                let printed = Self.letters(stream.field(column))
                return printed.isBlank || item.keyed.bits & printed.bits == printed.bits
            }
            map = agrees ? sheetColumns.indices.map { $0 < scheme.items.count ? $0 : nil } : nil
            if map == nil {
                notes.append("ZipGrade key version \(version.isEmpty ? "(none)" : version) prints a different key from this one; its sheets were not marked. Map its questions with 'key_versions' in the test's YAML.")
            }
        }
        versionMaps[version] = .some(map)
        if map == nil { skipped.append((stream.line, "key version \(version) is not mapped to the key (key_versions in the test's YAML)")) }
        return map
    }
}
