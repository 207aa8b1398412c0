internal import Foundation
internal import AssessDocuments

/// Reads filled mark sheets (CSV or YAML, as `assess marksheets` writes them) from an
/// assessment's `marks/` folder. A sheet with any problem is not applied at all: its
/// problems are returned, each at `file:row:column`, and none of its marks.
///
/// CSV columns: `candidate_id` (or `group`), `marker`, `role` (first, second, third),
/// one column per criterion id holding a level name or a score, an optional
/// `<criterion>_comment` for each, and `overall_comment`. `name`, `words`, `penalty`,
/// `flags` and `mark` are information and are not read. A row whose criteria and
/// comments are all empty is not marked yet and is skipped.
public struct MarkSheetReader: Sendable {
    /// Columns written for information, never read back.
    public static let informationColumns = ["name", "words", "penalty", "flags", "mark"]

    private let rubric: Rubric
    private let scripts: Set<String>

    /// Creates a reader for a rubric and the scripts (candidate ids or groups) that exist.
    public init(rubric: Rubric, scripts: Set<String>) {
        self.rubric = rubric
        self.scripts = scripts
    }

    /// Reads one sheet, choosing CSV or YAML by its extension.
    /// - Returns: the marks when the sheet has no problem; otherwise no marks and every problem.
    public func read(path: String) -> (records: [MarkRecord], errors: [ConfigurationError]) {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            do { return readYAML(try YAMLLoader.load(path: path), file: path) } catch { return ([], [error]) }
        }
        do { return readCSV(try Self.table(path: path), file: path) } catch { return ([], [error]) }
    }

    /// Reads a CSV file into a table.
    /// - Throws: ``ConfigurationError`` when the file is missing, not UTF-8 or malformed.
    static func table(path: String) throws(ConfigurationError) -> CSVTable {
        try CSVTable.checkSize(path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("cannot read the file; check that it exists and is readable", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("the file is not UTF-8 text; save it as CSV UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try CSVTable.parse(text, file: path)
    }

    /// Reads a parsed CSV sheet.
    public func readCSV(_ table: CSVTable, file: String) -> (records: [MarkRecord], errors: [ConfigurationError]) {
        var errors: [ConfigurationError] = []
        func header(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: 1, column: index + 1) }
        guard let key = table.column("candidate_id") ?? table.column("group") else {
            return ([], [ConfigurationError("the header must name a 'candidate_id' (or 'group') column; found: \(table.header.joined(separator: ", "))", at: header(0))])
        }
        let markerColumn = table.column("marker"), roleColumn = table.column("role")
        if markerColumn == nil { errors.append(ConfigurationError("the header has no 'marker' column; add it with the marker's id on every row", at: header(table.header.count))) }
        if roleColumn == nil { errors.append(ConfigurationError("the header has no 'role' column; add it (first, second or third)", at: header(table.header.count))) }
        var criterionColumns: [String: Int] = [:]
        var commentColumns: [String: Int] = [:]
        let overall = table.column("overall_comment")
        var seenHeaders: Set<String> = []
        for (index, name) in table.header.enumerated() {
            let lower = name.lowercased()
            if !seenHeaders.insert(lower).inserted {
                errors.append(ConfigurationError("column '\(name)' (column \(columnLetter(index))) appears twice in the header; keep one", at: header(index)))
                continue
            }
            if index == key || index == markerColumn || index == roleColumn || index == overall || Self.informationColumns.contains(lower) { continue }
            if let criterion = rubric.criteria.first(where: { $0.id.lowercased() == lower }) {
                criterionColumns[criterion.id] = index
            } else if lower.hasSuffix("_comment"), let criterion = rubric.criteria.first(where: { $0.id.lowercased() + "_comment" == lower }) {
                commentColumns[criterion.id] = index
            } else {
                errors.append(ConfigurationError("column '\(name)' (column \(columnLetter(index))) is not a criterion of the rubric '\(rubric.id)'; criteria: \(rubric.criteria.map(\.id).joined(separator: ", "))", at: header(index)))
            }
        }
        for criterion in rubric.criteria where criterionColumns[criterion.id] == nil {
            errors.append(ConfigurationError("the header has no column for criterion '\(criterion.id)'; add it", at: header(table.header.count)))
        }
        guard errors.isEmpty, let markerColumn, let roleColumn else { return ([], errors) }

        var records: [MarkRecord] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingWhitespace()
            }
            func at(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: row.line, column: index + 1) }
            func name(_ index: Int) -> String { "'\(table.header[index])' (column \(columnLetter(index)))" }
            let filled = rubric.criteria.contains { !cell(criterionColumns[$0.id]).isEmpty }
                || commentColumns.values.contains { !cell($0).isEmpty } || !cell(overall).isEmpty
            guard filled else { continue }
            let script = cell(key)
            guard !script.isEmpty else {
                errors.append(ConfigurationError("\(name(key)) is empty on a marked row; give the script's id", at: at(key)))
                continue
            }
            guard scripts.contains(script) else {
                errors.append(ConfigurationError("\(name(key)): '\(script)' is not a script of this assessment (unknown candidate or group); check the id", at: at(key)))
                continue
            }
            let marker = cell(markerColumn)
            if !isSafeIdentifier(marker) {
                errors.append(ConfigurationError("\(name(markerColumn)): give the marker's id (letters, digits, '.', '_', '-'), not '\(marker)'", at: at(markerColumn)))
            }
            guard let role = MarkingRole(rawValue: cell(roleColumn).lowercased()) else {
                errors.append(ConfigurationError("\(name(roleColumn)): '\(cell(roleColumn))' is not a role; use first, second or third", at: at(roleColumn)))
                continue
            }
            let identity = script + "\u{0}" + role.rawValue
            if let first = seen[identity] {
                errors.append(ConfigurationError("\(name(key)): the \(role.rawValue) mark of '\(script)' is already on line \(first); delete one of the rows", at: at(key)))
                continue
            }
            seen[identity] = row.line
            var selections: [CriterionSelection] = []
            var points: [String: Double] = [:]
            for criterion in rubric.criteria {
                guard let column = criterionColumns[criterion.id] else { continue }
                let comment: String?
                do throws(ConfigurationError) {
                    comment = try expand(cell(commentColumns[criterion.id]), criterion: criterion,
                                         at: commentColumns[criterion.id].map(at) ?? at(column))
                } catch {
                    errors.append(error)
                    continue
                }
                switch choose(cell(column), criterion: criterion) {
                case .success(let selection):
                    var selection = selection
                    selection.comment = comment
                    selections.append(selection)
                    points[criterion.id] = selection.points
                case .failure(let problem):
                    errors.append(ConfigurationError("\(name(column)): \(problem.message)", at: at(column)))
                }
            }
            guard selections.count == rubric.criteria.count, let mark = rubric.mark(points: points) else { continue }
            let overallText = cell(overall)
            records.append(MarkRecord(script: script, marker: marker, role: role, selections: selections,
                                      overallComment: overallText.isEmpty ? nil : overallText, mark: mark, source: SheetRow(file: file, row: row.line)))
        }
        return errors.isEmpty ? (records, []) : ([], errors)
    }

    /// Reads a YAML sheet (`marker`, then `scripts:` entries with `candidate_id` or
    /// `group`, `role`, `criteria: {id: level | score | {level|score, comment}}`,
    /// `overall_comment`).
    public func readYAML(_ value: ConfigValue, file: String) -> (records: [MarkRecord], errors: [ConfigurationError]) {
        var errors: [ConfigurationError] = []
        var records: [MarkRecord] = []
        do throws(ConfigurationError) {
            let fields = try ConfigFields(value, context: "the mark sheet", fallback: SourceLocation(file: file, line: 1, column: 1))
            try fields.allowOnly(["assessment", "rubric", "marker", "anonymous", "rubric_summary", "scripts"])
            let marker = try fields.string("marker", required: true) ?? ""
            if !isSafeIdentifier(marker) {
                throw ConfigurationError("'marker' must be the marker's id (letters, digits, '.', '_', '-'), not '\(marker)'", at: fields.raw("marker")?.location)
            }
            guard let list = fields.raw("scripts") else { return ([], []) }
            guard case .list(let items) = list.kind else {
                throw ConfigurationError("'scripts' must be a list of scripts (- candidate_id: …)", at: list.location)
            }
            var seen: [String: Int] = [:]
            for item in items {
                do throws(ConfigurationError) {
                    if let record = try entry(item, marker: marker, file: file, seen: &seen) { records.append(record) }
                } catch { errors.append(error) }
            }
        } catch { errors.append(error) }
        return errors.isEmpty ? (records, []) : ([], errors)
    }

    private func entry(_ item: ConfigValue, marker: String, file: String, seen: inout [String: Int]) throws(ConfigurationError) -> MarkRecord? {
        let fields = try ConfigFields(item, context: "a script of the mark sheet")
        try fields.allowOnly(["candidate_id", "group", "name", "role", "words", "penalty", "flags", "mark", "criteria", "overall_comment"])
        let line = item.location?.line ?? 0
        let criteriaFields = try fields.fields("criteria")
        let overallText = (try fields.string("overall_comment") ?? "").trimmingWhitespace()
        let filled = criteriaFields?.value.entries.contains { entry in
            if let text = entry.value.text { return !text.trimmingWhitespace().isEmpty }
            return entry.value.entries.contains { ($0.value.text.map { !$0.trimmingWhitespace().isEmpty }) ?? false }
        } ?? false
        guard filled || !overallText.isEmpty else { return nil }
        let keyName = fields.raw("candidate_id") != nil ? "candidate_id" : "group"
        let script = try fields.string(keyName, required: true) ?? ""
        guard scripts.contains(script) else {
            throw ConfigurationError("'\(script)' is not a script of this assessment (unknown candidate or group); check the id", at: fields.raw(keyName)?.location)
        }
        let roleText = try fields.string("role", required: true) ?? ""
        guard let role = MarkingRole(rawValue: roleText.lowercased()) else {
            throw ConfigurationError("'\(roleText)' is not a role; use first, second or third", at: fields.raw("role")?.location)
        }
        let identity = script + "\u{0}" + role.rawValue
        if let first = seen[identity] {
            throw ConfigurationError("the \(role.rawValue) mark of '\(script)' is already on line \(first); delete one of the entries", at: fields.raw(keyName)?.location)
        }
        seen[identity] = line
        guard let criteriaFields else { throw fields.missing("criteria") }
        try criteriaFields.allowOnly(rubric.criteria.map(\.id))
        var selections: [CriterionSelection] = []
        var points: [String: Double] = [:]
        for criterion in rubric.criteria {
            guard let value = criteriaFields.raw(criterion.id) else {
                throw ConfigurationError("criterion '\(criterion.id)' has no level or score; fill it in", at: criteriaFields.location)
            }
            var choice = value.text ?? ""
            var location = value.location
            var comment: String?
            if case .map = value.kind {
                let choiceFields = try ConfigFields(value, context: "criterion '\(criterion.id)'")
                try choiceFields.allowOnly(["level", "score", "comment"])
                let key = choiceFields.raw("score") != nil ? "score" : "level"
                choice = choiceFields.raw(key)?.text ?? ""
                location = choiceFields.raw(key)?.location ?? value.location
                comment = try expand(try choiceFields.string("comment") ?? "", criterion: criterion, at: choiceFields.raw("comment")?.location ?? value.location)
            }
            switch choose(choice.trimmingWhitespace(), criterion: criterion) {
            case .success(var selection):
                selection.comment = comment
                selections.append(selection)
                points[criterion.id] = selection.points
            case .failure(let problem):
                throw ConfigurationError("criterion '\(criterion.id)': \(problem.message)", at: location)
            }
        }
        guard let mark = rubric.mark(points: points) else { return nil }
        return MarkRecord(script: script, marker: marker, role: role, selections: selections,
                          overallComment: overallText.isEmpty ? nil : overallText, mark: mark, source: SheetRow(file: file, row: line))
    }

    private struct Problem: Error { var message: String }

    /// A level name or a score for a criterion.
    private func choose(_ text: String, criterion: RubricCriterion) -> Result<CriterionSelection, Problem> {
        if let maximum = criterion.maximum {
            guard !text.isEmpty else { return .failure(Problem(message: "no score; give a score from 0 to \(markText(maximum))")) }
            guard let score = Self.number(text), score.isFinite else {
                return .failure(Problem(message: "'\(text)' is not a score; give a number from 0 to \(markText(maximum))"))
            }
            guard score >= 0, score <= maximum else {
                return .failure(Problem(message: "the score \(markText(score)) is outside 0 to \(markText(maximum)), the maximum of '\(criterion.id)'"))
            }
            return .success(CriterionSelection(criterion: criterion.id, points: score))
        }
        let names = criterion.levels.map(\.name).joined(separator: ", ")
        guard !text.isEmpty else { return .failure(Problem(message: "no level chosen; use one of: \(names)")) }
        guard let level = criterion.level(named: text) else {
            return .failure(Problem(message: "'\(text)' is not a level of '\(criterion.id)'; use one of: \(names)"))
        }
        return .success(CriterionSelection(criterion: criterion.id, level: level.name, points: level.points))
    }

    /// Replaces `#id` references to the criterion's comment bank with their text.
    private func expand(_ text: String, criterion: RubricCriterion, at location: SourceLocation?) throws(ConfigurationError) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.contains("#") else { return trimmed }
        var parts: [String] = []
        for piece in trimmed.split(separator: ";", omittingEmptySubsequences: true) {
            let part = piece.trimmingWhitespace()
            if part.hasPrefix("#"), !part.contains(" ") {
                let id = String(part.dropFirst())
                guard let comment = criterion.comment(id: id) else {
                    let known = criterion.comments.map { "#" + $0.id }.joined(separator: ", ")
                    throw ConfigurationError("'\(part)' is not in the comment bank of '\(criterion.id)'\(known.isEmpty ? " (it has none)" : "; use one of: \(known)")", at: location)
                }
                parts.append(comment.text)
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: " ")
    }

    /// A number written with a point or, as some spreadsheets do, a decimal comma.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        if let value = Double(trimmed) { return value }
        if !trimmed.contains("."), trimmed.filter({ $0 == "," }).count == 1 { return Double(trimmed.replacing(",", with: ".")) }
        return nil
    }
}

/// A spreadsheet's letter for a 0-based column: 0 → A, 26 → AA.
public func columnLetter(_ index: Int) -> String {
    var index = index
    var letters = ""
    repeat {
        letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
        index = index / 26 - 1
    } while index >= 0
    return letters
}
