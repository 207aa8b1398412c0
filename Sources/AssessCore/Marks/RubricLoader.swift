internal import Foundation
internal import AssessDocuments

/// Reads and checks rubrics (`rubrics/<id>.yaml`, see `docs/processors/rubric.md`).
/// Every problem is collected with its `file:line:column`, so one `assess validate`
/// lists them all: at least two levels per criterion, levels not all equal, a positive
/// maximum for a marking guide, weights that add up to 100, unique ids and names.
public enum RubricLoader {
    /// Loads every `*.yaml` in a folder, sorted by file name.
    /// - Returns: the valid rubrics by id, and the problems of the others.
    public static func loadAll(directory: String) -> (rubrics: [String: Rubric], errors: [ConfigurationError]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        var rubrics: [String: Rubric] = [:]
        var errors: [ConfigurationError] = []
        for name in names {
            let (rubric, problems) = load(path: directory + "/" + name)
            errors += problems
            if let rubric { rubrics[rubric.id] = rubric }
        }
        return (rubrics, errors)
    }

    /// Loads one rubric file; its id is the file name without `.yaml`.
    /// - Returns: the rubric when it has no problem, and every problem found.
    public static func load(path: String) -> (rubric: Rubric?, errors: [ConfigurationError]) {
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            let value = try YAMLLoader.load(path: path)
            return read(value, id: id, file: path)
        } catch {
            return (nil, [error])
        }
    }

    /// Reads a rubric from a YAML value (a file's, or one written inline in options).
    /// - Returns: the rubric when it has no problem, and every problem found.
    public static func read(_ value: ConfigValue, id: String, file: String) -> (rubric: Rubric?, errors: [ConfigurationError]) {
        var errors: [ConfigurationError] = []
        let fallback = value.location ?? SourceLocation(file: file)
        func attempt<T>(_ body: () throws(ConfigurationError) -> T) -> T? {
            do { return try body() } catch {
                errors.append(error)
                return nil
            }
        }
        guard let fields = attempt({ () throws(ConfigurationError) in try ConfigFields(value, context: "the rubric '\(id)'", fallback: fallback) }) else {
            return (nil, errors)
        }
        _ = attempt { () throws(ConfigurationError) in try fields.allowOnly(["title", "scoring", "grade_min", "grade_max", "out_of", "criteria"]) }
        if !isSafeIdentifier(id) {
            errors.append(ConfigurationError("the rubric's file name '\(id)' may hold only letters, digits, '.', '_' and '-'; rename it", at: fallback))
        }
        let title = attempt { () throws(ConfigurationError) in try fields.string("title", required: true) } ?? nil
        var scoring = RubricScoring.weighted
        if let raw = fields.raw("scoring") {
            if let text = raw.text, let parsed = RubricScoring(rawValue: text) { scoring = parsed } else {
                errors.append(ConfigurationError("'scoring' must be one of \(RubricScoring.allCases.map(\.rawValue).joined(separator: ", "))", at: raw.location))
            }
        }
        let gradeMinimum = (attempt { () throws(ConfigurationError) in try fields.number("grade_min") } ?? nil) ?? 0
        let gradeMaximum = (attempt { () throws(ConfigurationError) in try fields.number("grade_max") } ?? nil) ?? 100
        if gradeMaximum <= gradeMinimum {
            errors.append(ConfigurationError("'grade_max' (\(markText(gradeMaximum))) must be above 'grade_min' (\(markText(gradeMinimum)))", at: fields.raw("grade_max")?.location ?? fields.location))
        }
        let outOf = attempt { () throws(ConfigurationError) in try fields.number("out_of") } ?? nil
        if let outOf, outOf <= 0 {
            errors.append(ConfigurationError("'out_of' must be a positive number", at: fields.raw("out_of")?.location))
        }

        var criteria: [RubricCriterion] = []
        var weightLocations: [SourceLocation?] = []
        var explicitWeights: [Bool] = []
        if let list = fields.raw("criteria") {
            if case .list(let items) = list.kind, !items.isEmpty {
                var seen: [String: SourceLocation?] = [:]
                for item in items {
                    if let criterionID = item["id"]?.text {
                        if seen[criterionID] != nil {
                            errors.append(ConfigurationError("criterion id '\(criterionID)' is used twice; ids must be unique", at: item["id"]?.location))
                        }
                        seen[criterionID] = item["id"]?.location
                    }
                    guard let parsed = criterion(item, rubric: id, outOf: outOf, errors: &errors) else { continue }
                    criteria.append(parsed.criterion)
                    weightLocations.append(parsed.weightLocation)
                    explicitWeights.append(parsed.explicitWeight)
                }
            } else {
                errors.append(ConfigurationError("'criteria' must be a list of at least one criterion (- id: …, title: …, levels: […])", at: list.location))
            }
        } else {
            errors.append(fields.missing("criteria"))
        }

        // Weights: all given (adding up to 100) or none (equal shares).
        if !criteria.isEmpty {
            if explicitWeights.allSatisfy({ !$0 }) {
                for index in criteria.indices { criteria[index].weight = 100 / Double(criteria.count) }
            } else if let missing = explicitWeights.firstIndex(of: false) {
                errors.append(ConfigurationError("criterion '\(criteria[missing].id)' has no weight while others have; give every criterion a weight, or none for equal shares", at: fields.raw("criteria")?.location))
            } else {
                let total = criteria.reduce(0) { $0 + $1.weight }
                if abs(total - 100) > 1e-6 {
                    errors.append(ConfigurationError("the criteria's weights add up to \(markText(total)), not 100; adjust them", at: weightLocations.last ?? fields.location))
                }
            }
        }
        guard errors.isEmpty, let title else { return (nil, errors) }
        return (Rubric(id: id, title: title, criteria: criteria, scoring: scoring, gradeMinimum: gradeMinimum, gradeMaximum: gradeMaximum), [])
    }

    private struct ParsedCriterion {
        var criterion: RubricCriterion
        var weightLocation: SourceLocation?
        var explicitWeight: Bool
    }

    private static func criterion(_ value: ConfigValue, rubric: String, outOf: Double?, errors: inout [ConfigurationError]) -> ParsedCriterion? {
        let fields: ConfigFields
        do throws(ConfigurationError) {
            fields = try ConfigFields(value, context: "a criterion of '\(rubric)'")
            try fields.allowOnly(["id", "title", "description", "weight", "levels", "maximum", "comments", "out_of"])
        } catch {
            errors.append(error)
            return nil
        }
        let errorCount = errors.count
        func attempt<T>(_ body: () throws(ConfigurationError) -> T) -> T? {
            do { return try body() } catch {
                errors.append(error)
                return nil
            }
        }
        let id = (attempt { () throws(ConfigurationError) in try fields.string("id", required: true) } ?? nil) ?? ""
        if !id.isEmpty && !isSafeIdentifier(id) {
            errors.append(ConfigurationError("criterion id '\(id)' may hold only letters, digits, '.', '_' and '-' (it names sheet columns)", at: fields.raw("id")?.location))
        }
        let title = (attempt { () throws(ConfigurationError) in try fields.string("title", required: true) } ?? nil) ?? id
        let description = (attempt { () throws(ConfigurationError) in try fields.string("description") } ?? nil) ?? ""
        let weight = attempt { () throws(ConfigurationError) in try fields.number("weight") } ?? nil
        if let weight, weight <= 0 {
            errors.append(ConfigurationError("the weight of '\(id)' must be positive", at: fields.raw("weight")?.location))
        }
        let maximum = attempt { () throws(ConfigurationError) in try fields.number("maximum") } ?? nil
        // The rubric's out_of is for levels; a guide's score is out of its maximum.
        let criterionOutOf = (attempt { () throws(ConfigurationError) in try fields.number("out_of") } ?? nil) ?? (maximum == nil ? outOf : nil)
        var levels: [RubricLevel] = []
        let levelsValue = fields.raw("levels")
        if let maximum {
            if levelsValue != nil {
                errors.append(ConfigurationError("criterion '\(id)' has both 'levels' and 'maximum'; a criterion is either levels or a marking guide", at: fields.raw("maximum")?.location))
            }
            if !(maximum > 0) {
                errors.append(ConfigurationError("the maximum of '\(id)' must be a positive number, not \(markText(maximum))", at: fields.raw("maximum")?.location))
            }
        } else if let levelsValue {
            if case .list(let items) = levelsValue.kind {
                var names: Set<String> = []
                for item in items {
                    guard let level = level(item, criterion: id, errors: &errors) else { continue }
                    if !names.insert(level.name.lowercased()).inserted {
                        errors.append(ConfigurationError("level name '\(level.name)' is used twice in '\(id)'; markers pick levels by name", at: item["name"]?.location ?? item.location))
                    }
                    levels.append(level)
                }
                if items.count < 2 {
                    errors.append(ConfigurationError("criterion '\(id)' has \(items.count) level(s); give at least two", at: levelsValue.location))
                } else if levels.count == items.count, Set(levels.map(\.points)).count == 1 {
                    errors.append(ConfigurationError("every level of '\(id)' carries \(markText(levels[0].points)) points; levels must differ", at: levelsValue.location))
                }
            } else {
                errors.append(ConfigurationError("'levels' of '\(id)' must be a list of levels (- name: …, points: …)", at: levelsValue.location))
            }
        } else {
            errors.append(ConfigurationError("criterion '\(id)' needs 'levels' (a rubric) or 'maximum' (a marking guide)", at: fields.location))
        }
        if let criterionOutOf, let top = levels.map(\.points).max() ?? maximum, top > criterionOutOf + 1e-9 {
            errors.append(ConfigurationError("'\(id)' can give \(markText(top)) points, more than its out_of of \(markText(criterionOutOf))", at: fields.raw("out_of")?.location ?? levelsValue?.location ?? fields.location))
        }
        var comments: [BankComment] = []
        if let bank = fields.raw("comments") {
            if case .list(let items) = bank.kind {
                var ids: Set<String> = []
                for item in items {
                    do throws(ConfigurationError) {
                        let entry = try ConfigFields(item, context: "a bank comment of '\(id)'")
                        try entry.allowOnly(["id", "text"])
                        let commentID = try entry.string("id", required: true) ?? ""
                        let text = try entry.string("text", required: true) ?? ""
                        if !ids.insert(commentID.lowercased()).inserted {
                            errors.append(ConfigurationError("comment id '\(commentID)' is used twice in '\(id)'", at: entry.raw("id")?.location))
                        }
                        comments.append(BankComment(id: commentID, text: text))
                    } catch { errors.append(error) }
                }
            } else {
                errors.append(ConfigurationError("'comments' of '\(id)' must be a list of {id, text}", at: bank.location))
            }
        }
        guard errors.count == errorCount else { return nil }
        let criterion = RubricCriterion(id: id, title: title, description: description, weight: weight ?? 0, levels: levels,
                                        maximum: maximum, comments: comments, outOf: criterionOutOf)
        return ParsedCriterion(criterion: criterion, weightLocation: fields.raw("weight")?.location, explicitWeight: weight != nil)
    }

    private static func level(_ value: ConfigValue, criterion: String, errors: inout [ConfigurationError]) -> RubricLevel? {
        do throws(ConfigurationError) {
            let fields = try ConfigFields(value, context: "a level of '\(criterion)'")
            try fields.allowOnly(["name", "descriptor", "points"])
            let name = try fields.string("name", required: true) ?? ""
            let points = try fields.number("points", required: true) ?? 0
            guard points.isFinite else {
                throw ConfigurationError("points must be a finite number", at: fields.raw("points")?.location)
            }
            return RubricLevel(name: name.trimmingWhitespace(), descriptor: try fields.string("descriptor") ?? "", points: points)
        } catch {
            errors.append(error)
            return nil
        }
    }
}

/// A mark or number as people write it: 65, 62.5, 0.125 (at most six decimals).
public func markText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
