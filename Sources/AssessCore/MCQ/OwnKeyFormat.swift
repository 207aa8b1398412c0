internal import Foundation
public import AssessDocuments

/// Our own key format, in YAML (`items:`) or CSV (`item,answer,…`); see
/// `docs/formats/mcq-keys.md`. Items are scored by Moodle's rules unless they say
/// `scoring: all_or_nothing` (QTI's match_correct).
public enum OwnKeyFormat {
    /// Reads the `items:` of a test or key YAML.
    /// - Parameter options: how many options an item has when it does not say.
    /// - Throws: ``ConfigurationError`` at the offending value.
    public static func readYAML(_ value: ConfigValue, options: Int, file: String) throws(ConfigurationError) -> AnswerKey {
        var specs: [(id: String?, value: ConfigValue)] = []
        switch value.kind {
        case .list(let entries): specs = entries.map { (nil, $0) }
        case .map(let entries): specs = entries.map { ($0.key, $0.value) }
        default:
            throw ConfigurationError("'items' must be a list of answers (e.g. [B, C, AD]) or of items such as '- {item: Q1, answer: B}'", at: value.location)
        }
        guard specs.count <= AnswerKey.maximumItems else {
            throw ConfigurationError("the key has \(specs.count) items; at most \(AnswerKey.maximumItems) are allowed", at: value.location)
        }
        var items: [KeyItem] = []
        var seen: [String: SourceLocation?] = [:]
        for (index, spec) in specs.enumerated() {
            var item = try readItem(spec.value, id: spec.id, position: index + 1, options: options)
            if let id = spec.id { item.id = id }
            if seen[item.id] != nil {
                throw ConfigurationError("item '\(item.id)' appears twice in the key; give each item its own name", at: spec.value.location)
            }
            seen[item.id] = spec.value.location
            items.append(item)
        }
        return AnswerKey(format: .yaml, items: items)
    }

    /// Reads a key in CSV: a header with `answer` and optionally `item`, `accept`,
    /// `options`, `marks`, `multiple`, `scoring`, `text`; one row per item.
    /// - Throws: ``ConfigurationError`` at the row and column of the problem.
    public static func readCSV(path: String, options: Int) throws(ConfigurationError) -> AnswerKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("the key file cannot be read; check that it exists", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("the key file is not UTF-8 text; save it as CSV UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let table = try CSVTable.parse(text, file: path, maxRows: AnswerKey.maximumItems)
        guard let answerColumn = table.column("answer") else {
            throw ConfigurationError("a CSV key needs an 'answer' column (and may have item, accept, options, marks, multiple, scoring, text; found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let known = ["item", "answer", "accept", "options", "marks", "multiple", "scoring", "text"]
        if let unknown = table.header.first(where: { !known.contains($0.lowercased()) && !$0.isEmpty }) {
            throw ConfigurationError("unknown column '\(unknown)' in the key (columns: \(known.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        var items: [KeyItem] = []
        var seen: Set<String> = []
        for (index, row) in table.rows.enumerated() {
            func cell(_ name: String) -> (String, SourceLocation)? {
                guard let column = table.column(name), column < row.fields.count else { return nil }
                let value = row.fields[column].trimmingWhitespace()
                return value.isEmpty ? nil : (value, row.location(column, file: path))
            }
            var entries: [ConfigValue.Entry] = []
            func add(_ key: String, _ kind: ConfigValue.Kind?) {
                guard let found = cell(key), let kind else { return }
                entries.append(ConfigValue.Entry(key: key, keyLocation: found.1, value: ConfigValue(kind, at: found.1)))
            }
            add("item", cell("item").map { .string($0.0) })
            add("answer", cell("answer").map { .string($0.0) })
            add("text", cell("text").map { .string($0.0) })
            add("scoring", cell("scoring").map { .string($0.0) })
            if let accept = cell("accept") {
                let alternatives = accept.0.split(separator: "|").map { ConfigValue(.string($0.trimmingWhitespace()), at: accept.1) }
                add("accept", .list(alternatives))
            }
            for numeric in ["options", "marks"] {
                if let found = cell(numeric) {
                    guard let number = Double(found.0) else {
                        throw ConfigurationError("'\(numeric)' must be a number, not '\(found.0)'", at: found.1)
                    }
                    add(numeric, number == number.rounded() && abs(number) < 1e9 ? .int(Int(number)) : .double(number))
                }
            }
            if let found = cell("multiple") {
                switch found.0.lowercased() {
                case "yes", "true", "1", "y": add("multiple", .bool(true))
                case "no", "false", "0", "n": add("multiple", .bool(false))
                default: throw ConfigurationError("'multiple' must be yes or no, not '\(found.0)'", at: found.1)
                }
            }
            guard cell("answer") != nil else {
                throw ConfigurationError("the answer of this item is empty; write the correct option(s), e.g. B or AC", at: row.location(answerColumn, file: path))
            }
            let item = try readItem(ConfigValue(.map(entries), at: SourceLocation(file: path, line: row.line, column: 1)), id: nil, position: index + 1, options: options)
            guard seen.insert(item.id).inserted else {
                throw ConfigurationError("item '\(item.id)' appears twice in the key; give each item its own name", at: SourceLocation(file: path, line: row.line, column: 1))
            }
            items.append(item)
        }
        return AnswerKey(format: .csv, items: items)
    }

    private static func readItem(_ value: ConfigValue, id: String?, position: Int, options defaultOptions: Int) throws(ConfigurationError) -> KeyItem {
        if value.text != nil || value.kind.isList {
            // Shorthand: `B`, `AC` or `[A, C]` is the answer of item Q<n> (or of the mapping's key).
            return try build(id: id ?? "Q\(position)", text: "", answer: value, accept: nil, options: nil, defaultOptions: defaultOptions,
                             marks: 1, multiple: nil, fractions: nil, allOrNothing: false, position: position, at: value.location)
        }
        let fields = try ConfigFields(value, context: "item \(position) of the key")
        try fields.allowOnly(["item", "answer", "accept", "options", "marks", "multiple", "fractions", "scoring", "text"])
        let itemID = try fields.string("item") ?? id ?? "Q\(position)"
        var optionCount: Int?
        var optionTexts: [String] = []
        if let raw = fields.raw("options") {
            switch raw.kind {
            case .int(let count):
                guard (2...KeyItem.maximumOptions).contains(count) else {
                    throw ConfigurationError("'options' must be from 2 to \(KeyItem.maximumOptions) (A–O), not \(count)", at: raw.location)
                }
                optionCount = count
            case .list(let texts):
                guard (2...KeyItem.maximumOptions).contains(texts.count) else {
                    throw ConfigurationError("an item has 2 to \(KeyItem.maximumOptions) options (A–O), not \(texts.count)", at: raw.location)
                }
                optionTexts = texts.map { $0.text ?? "" }
                optionCount = texts.count
            default:
                throw fields.wrongType("options", raw, expected: "the number of options or the list of their texts")
            }
        }
        let marks = try fields.number("marks") ?? 1
        guard marks >= 0 && marks.isFinite else {
            throw ConfigurationError("'marks' must be 0 or more, not \(marks)", at: fields.raw("marks")?.location)
        }
        var allOrNothing = false
        if let scoring = try fields.string("scoring") {
            switch scoring {
            case "moodle", "fractions": allOrNothing = false
            case "all_or_nothing", "match_correct": allOrNothing = true
            default:
                throw ConfigurationError("'scoring' must be 'moodle' (partial credit by fractions) or 'all_or_nothing' (QTI match_correct), not '\(scoring)'", at: fields.raw("scoring")?.location)
            }
        }
        var item = try build(id: itemID, text: try fields.string("text") ?? "", answer: fields.raw("answer"), accept: fields.raw("accept"),
                             options: optionCount, defaultOptions: defaultOptions, marks: marks, multiple: try fields.bool("multiple"),
                             fractions: try fields.fields("fractions"), allOrNothing: allOrNothing, position: position, at: value.location)
        for (index, text) in optionTexts.enumerated() where index < item.options.count { item.options[index].text = text }
        return item
    }

    private static func build(id: String, text: String, answer: ConfigValue?, accept: ConfigValue?, options: Int?, defaultOptions: Int,
                              marks: Double, multiple: Bool?, fractions: ConfigFields?, allOrNothing: Bool, position: Int,
                              at location: SourceLocation?) throws(ConfigurationError) -> KeyItem {
        var explicit: [Int: Double] = [:]
        if let fractions {
            guard answer == nil else {
                throw ConfigurationError("item '\(id)' gives both 'answer' and 'fractions'; keep one", at: fractions.location)
            }
            for entry in fractions.value.entries {
                let letters = try chosen(entry.key, at: entry.keyLocation)
                guard letters.count == 1, let index = letters.indices.first else {
                    throw ConfigurationError("a fraction belongs to one option letter, not '\(entry.key)'", at: entry.keyLocation)
                }
                guard let percent = entry.value.number, (-100...100).contains(percent) else {
                    throw ConfigurationError("the fraction of option \(entry.key) must be a percent from -100 to 100", at: entry.value.location ?? entry.keyLocation)
                }
                explicit[index] = percent / 100
            }
        }
        var alternatives: [ChosenOptions] = []
        if let answer {
            alternatives = try answers(answer, listIsOneAnswer: true)
        } else if explicit.isEmpty {
            throw ConfigurationError("item '\(id)' needs an 'answer' (e.g. answer: B, or AC for two correct options) or 'fractions'", at: location)
        }
        if let accept { alternatives += try answers(accept, listIsOneAnswer: false) }
        for alternative in alternatives where alternative.isBlank {
            throw ConfigurationError("item '\(id)' has an empty answer; write the correct option(s), e.g. B", at: answer?.location ?? location)
        }
        let highest = (alternatives.flatMap(\.indices) + explicit.keys).max() ?? 0
        let optionCount = options ?? max(defaultOptions, highest + 1)
        guard highest < optionCount else {
            throw ConfigurationError("item '\(id)' names option \(KeyOption.label(highest)) but has only \(optionCount) options (A–\(KeyOption.label(optionCount - 1)))", at: answer?.location ?? location)
        }
        let isMultiple: Bool
        if let multiple {
            isMultiple = multiple
        } else if !explicit.isEmpty {
            // Moodle: a single-answer item has an option worth 100%; several smaller shares mean several answers.
            isMultiple = !explicit.values.contains { $0 >= 0.9999 } && explicit.values.filter { $0 > 0 }.count > 1
        } else {
            isMultiple = (answer.map { (try? answers($0, listIsOneAnswer: true)) ?? [] } ?? []).contains { $0.count > 1 }
        }
        var accepted = alternatives
        if !isMultiple {
            // On a single-answer item, `AC` can only mean "A or C": several accepted keys.
            accepted = alternatives.flatMap { $0.indices.map { ChosenOptions([$0]) } }
        }
        let optionsList = (0..<optionCount).map { KeyOption(text: "", identifier: KeyOption.label($0)) }
        let scoring: KeyScoring
        if !explicit.isEmpty {
            scoring = .fractions([(0..<optionCount).map { explicit[$0] ?? 0 }])
        } else if allOrNothing {
            scoring = .matchCorrect(unique(accepted))
        } else {
            scoring = .fractions(unique(accepted).map { moodleFractions(for: $0, options: optionCount, multiple: isMultiple) })
        }
        return KeyItem(id: id, text: text, options: optionsList, multipleAnswer: isMultiple, marks: marks, scoring: scoring, sourcePosition: position)
    }

    /// The fractions our format gives a key: on a single-answer item the keyed option is
    /// worth 100%; on a multiple-answer item the keyed options share +100% and the others
    /// share −100%, so ticking every option earns nothing.
    public static func moodleFractions(for key: ChosenOptions, options: Int, multiple: Bool) -> [Double] {
        let right = key.count
        let wrong = options - right
        return (0..<options).map { index in
            if key.contains(index) { return multiple ? 1 / Double(max(right, 1)) : 1 }
            return multiple && wrong > 0 ? -1 / Double(wrong) : 0
        }
    }

    /// Reads answers: `B`, `AC` or `A C` is one answer; a list is several accepted
    /// answers, except that `listIsOneAnswer` reads a list of single letters (`[A, C]`,
    /// as `answer:` is written) as one answer of those options.
    static func answers(_ value: ConfigValue, listIsOneAnswer: Bool) throws(ConfigurationError) -> [ChosenOptions] {
        switch value.kind {
        case .list(let entries):
            // [A, C] is one answer of two options; [AC, AD] two accepted answers.
            let parsed = try entries.map { (entry) throws(ConfigurationError) -> ChosenOptions in
                guard let text = entry.text else { throw ConfigurationError("an answer must be option letters such as B or AC", at: entry.location) }
                return try chosen(text, at: entry.location ?? value.location)
            }
            if listIsOneAnswer && parsed.count > 1 && value.isLetterList {
                return [ChosenOptions(parsed.flatMap(\.indices))]
            }
            return parsed
        default:
            guard let text = value.text else { throw ConfigurationError("an answer must be option letters such as B or AC", at: value.location) }
            return [try chosen(text, at: value.location)]
        }
    }

    /// `AC`, `A C`, `a;c` as options A and C.
    static func chosen(_ text: String, at location: SourceLocation?) throws(ConfigurationError) -> ChosenOptions {
        var indices: [Int] = []
        for character in text.uppercased() {
            if character == " " || character == "," || character == ";" || character == "+" { continue }
            guard let ascii = character.asciiValue, ascii >= 65, Int(ascii) - 65 < KeyItem.maximumOptions else {
                throw ConfigurationError("'\(text)' is not an answer: use option letters A to \(KeyOption.label(KeyItem.maximumOptions - 1)), e.g. B or AC", at: location)
            }
            indices.append(Int(ascii) - 65)
        }
        return ChosenOptions(indices)
    }

    private static func unique(_ answers: [ChosenOptions]) -> [ChosenOptions] {
        var seen: Set<ChosenOptions> = []
        return answers.filter { seen.insert($0).inserted }
    }
}

private extension ConfigValue {
    /// A flow list of single letters written as such (`[A, C]`), read as one answer.
    var isLetterList: Bool {
        guard case .list(let entries) = kind else { return false }
        return entries.allSatisfy { ($0.text?.count ?? 0) == 1 }
    }
}

private extension ConfigValue.Kind {
    var isList: Bool { if case .list = self { return true } else { return false } }
}
