import AssessCore
import AssessDocuments

/// Counts the words of a written submission under the assessment's policy and checks
/// them against the word limit and its tolerance. Students lose marks over this, so
/// the report says exactly what was counted, what was not and why, and which penalty
/// the policy names.
struct WordCountProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "wordcount",
        name: "Word count",
        summary: "Counts words under the assessment's policy (body text by default; references, appendices, tables, captions, notes, text boxes, headers and footers excluded) and checks the word limit and tolerance.",
        passingExamples: [
            Example("One two three four.", configuration: ["limit": 5], metrics: ["words": 4]),
            Example("""
                # Introduction

                Patient-centred care costs 2,500 pounds, e.g. at https://example.org/x today.

                # References

                Smith, J. (2020) A very long reference that is not counted at all.
                """, wordLimit: 10, metrics: ["words": 10]),
            Example("""
                Five words in the body.

                | Table | cells | are | not | counted |
                |---|---|---|---|---|
                | one | two | three | four | five |
                """, configuration: ["limit": 5, "tolerance": 0], metrics: ["words": 5]),
        ],
        flaggedExamples: [
            Example("one two three four five six", configuration: ["limit": 5, "tolerance": 0], expect: ["wordcount.over_limit"]),
            Example("one two three four five six", configuration: ["limit": 5, "tolerance": "20%"], expect: ["wordcount.within_tolerance"]),
            Example("one two three four five six", configuration: ["limit": 5, "tolerance": 1], expect: ["wordcount.within_tolerance"]),
            Example("— • — & —", expect: ["wordcount.no_text"]),
            Example("Too short.", configuration: ["minimum": 5], expect: ["wordcount.under_minimum"]),
            Example("""
                Three body words.

                # Appendix A

                Four more appendix words.
                """, configuration: ["limit": 5, "tolerance": 0, "policy": ["sections": ["body", "appendix"]]],
                expect: ["wordcount.over_limit"], metrics: ["words": 9]),
        ]
    )

    let limit: Int?
    let minimum: Int?
    let tolerance: Tolerance
    let policy: WordCountPolicy
    let penalty: Penalty?

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["limit", "minimum", "tolerance", "policy", "penalty"])
        limit = try fields.int("limit", in: 1...1_000_000) ?? configuration.assessment.wordLimit
        minimum = try fields.int("minimum", in: 0...1_000_000)
        tolerance = try Tolerance(fields.raw("tolerance"), fields: fields)
        policy = try fields.raw("policy").map { (value) throws(ConfigurationError) in try WordCountPolicy.read(value) } ?? .standard
        penalty = try fields.fields("penalty").map { (value) throws(ConfigurationError) in try Penalty(value) }
        if penalty != nil && limit == nil {
            throw ConfigurationError("a penalty needs a word limit; set 'limit' here or 'word_limit' in assessment.yaml", at: fields.raw("penalty")?.location)
        }
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        var figures = WordCountFigures.zero
        var perFile: [JSONValue] = []
        for document in submission.documents {
            let measured = WordCountFigures(document.text, policy: policy)
            figures.add(measured)
            perFile.append(["file": .string(document.file), "words": .int(measured.counted)])
        }
        let words = figures.counted
        let word = WordCompatibleComparison(submission.documents, policy: policy)
        var findings: [Finding] = []
        var status = "no word limit set"
        var overLimit = false
        var withinTolerance = false
        let allowed = limit.map { tolerance.allowed(for: $0) }
        if words == 0 {
            findings.append(Finding("wordcount.no_text", .attention, "No countable words were found; check whether the file holds its text as images or is the wrong file."))
        }
        if let limit, let allowed {
            if words > allowed {
                overLimit = true
                let over = words - limit
                status = "over the limit"
                var message = "\(groupedDigits(words)) words counted: \(groupedDigits(over)) (\(percent(over, of: limit))) over the \(groupedDigits(limit))-word limit"
                message += allowed > limit ? " and beyond the tolerance (up to \(groupedDigits(allowed)))." : "."
                if let penalty { message += " Penalty: \(penalty.description)." }
                findings.append(Finding("wordcount.over_limit", .attention, message))
            } else if words > limit {
                withinTolerance = true
                status = "within the tolerance"
                findings.append(Finding("wordcount.within_tolerance", .info, "\(groupedDigits(words)) words counted: over the \(groupedDigits(limit))-word limit but within the tolerance (up to \(groupedDigits(allowed))); no penalty."))
            } else {
                status = "within the limit"
            }
        }
        if let minimum, words < minimum, words > 0 {
            findings.append(Finding("wordcount.under_minimum", .warning, "\(groupedDigits(words)) words counted, fewer than the minimum of \(groupedDigits(minimum))."))
        }

        // Where the limit falls, for a submission over it: where a marker stops reading.
        var positions: (limit: LimitPosition?, allowed: LimitPosition?) = (nil, nil)
        if let limit, let allowed, words > limit {
            positions = (LimitPosition.find(limit, in: submission.documents, policy: policy),
                         allowed > limit && words > allowed ? LimitPosition.find(allowed, in: submission.documents, policy: policy) : nil)
        }

        var sections: [String: JSONValue] = [:]
        for part in WordCountPart.reported { sections[part.rawValue] = .int(figures[part]) }
        var excluded: [String: JSONValue] = [:]
        for part in [WordCountPart.frontMatter, .comments, .deleted, .hidden] { excluded[part.rawValue] = .int(figures[part]) }
        let metrics: [String: JSONValue] = [
            "words": .int(words),
            "limit": limit.map(JSONValue.int) ?? .null,
            "allowed": allowed.map(JSONValue.int) ?? .null,
            "tolerance": tolerance.json,
            "over_limit": .bool(overLimit),
            "within_tolerance": .bool(withinTolerance),
            "penalty": overLimit ? penalty.map { .string($0.description) } ?? .null : .null,
            "policy": .string(policy.name),
            "sections": .object(sections),
            "not_counted": .object(excluded),
            "files": .array(perFile),
            "limit_reached_at": positions.limit?.json ?? .null,
            "tolerance_reached_at": positions.allowed?.json ?? .null,
            "word_compatible": .int(word.words),
            "saved_word_count": word.saved.map(JSONValue.int) ?? .null,
        ]
        let columns = [
            ProcessorResult.Column("words", String(words)),
            ProcessorResult.Column("word_limit", limit.map(String.init) ?? ""),
            ProcessorResult.Column("over_limit", overLimit ? "yes" : "no"),
            ProcessorResult.Column("word_penalty", overLimit ? penalty?.description ?? "" : ""),
        ]
        var feedback = report(figures: figures, words: words, allowed: allowed, status: status, overLimit: overLimit, files: submission.documents.count > 1 ? perFile : [], word: word)
        if let position = positions.limit {
            feedback.facts.append(.init("Limit reached", "word \(groupedDigits(limit ?? 0)), \(position.place): “\(position.excerpt)”"))
        }
        if let position = positions.allowed, let allowed {
            feedback.facts.append(.init("Tolerance reached", "word \(groupedDigits(allowed)), \(position.place): “\(position.excerpt)”; text after this point may not be read", emphasis: true))
        }
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings, feedback: [feedback])
    }
}

private extension WordCountProcessor {
    func report(figures: WordCountFigures, words: Int, allowed: Int?, status: String, overLimit: Bool, files: [JSONValue], word: WordCompatibleComparison) -> FeedbackSection {
        var facts = [FeedbackSection.Fact("Words counted", groupedDigits(words), emphasis: true)]
        var summary = "\(groupedDigits(words)) words counted"
        if let limit, let allowed {
            facts.append(.init("Word limit", groupedDigits(limit)))
            facts.append(.init("Tolerance", allowed > limit ? "\(tolerance.label), so up to \(groupedDigits(allowed)) words" : "none"))
            facts.append(.init("Result", status, emphasis: overLimit))
            summary += " against a limit of \(groupedDigits(limit)): \(status)."
        } else {
            summary += "."
        }
        if overLimit, let penalty { facts.append(.init("Penalty", penalty.description, emphasis: true)) }
        facts.append(.init("Counting policy", policy.name))
        facts.append(.init("Word's own count", groupedDigits(word.words)))

        let rows = WordCountPart.allCases.compactMap { part -> [String]? in
            let total = figures[part]
            guard total > 0 || part == .body else { return nil }
            let counted = figures.countedParts[part] ?? 0
            let note = counted == total ? "counted" : counted == 0 ? part.exclusionReason : "partly counted under this policy"
            return [part.label, groupedDigits(total), groupedDigits(counted), note]
        }
        var notes: [String] = []
        for file in files {
            if case .object(let members) = file, case .string(let name)? = members["file"], case .int(let count)? = members["words"] {
                notes.append("\(name): \(groupedDigits(count)) words counted.")
            }
        }
        if let explanation = word.explanation { notes.append(explanation) }
        notes.append("A word is anything between spaces that holds a letter or a digit: 'patient-centred', '2,500' and 'e.g.' are one word each.")
        return FeedbackSection(
            title: "Word count", summary: summary, facts: facts,
            table: .init(caption: "What was counted", columns: ["Part", "Words", "Counted", "Note"], rows: rows),
            notes: notes)
    }
}

/// How far over the limit a submission may go without penalty.
struct Tolerance: Sendable, Equatable {
    enum Amount: Sendable, Equatable { case percent(Double), words(Int) }
    let amount: Amount

    init(_ value: ConfigValue?, fields: ConfigFields) throws(ConfigurationError) {
        guard let value else { amount = .words(0); return }
        switch value.kind {
        case .int(let words) where words >= 0:
            amount = .words(words)
        case .string(let text) where text.hasSuffix("%"):
            guard let percent = Double(text.dropLast().trimmingWhitespace()), percent >= 0, percent <= 100 else { fallthrough }
            amount = .percent(percent)
        default:
            throw ConfigurationError("'tolerance' must be a percent such as 10% or a number of words such as 250", at: value.location ?? fields.location)
        }
    }

    /// The most words allowed: the limit plus the tolerance, rounded down.
    func allowed(for limit: Int) -> Int {
        switch amount {
        case .words(let words): limit + words
        case .percent(let percent): limit + Int((Double(limit) * percent / 100).rounded(.down))
        }
    }

    var label: String {
        switch amount {
        case .words(let words): "\(groupedDigits(words)) words"
        case .percent(let percent): "\(trim(percent))%"
        }
    }

    var json: JSONValue {
        switch amount {
        case .words(let words): ["words": .int(words)]
        case .percent(let percent): ["percent": .double(percent)]
        }
    }
}

/// The penalty the policy names for going over the limit plus tolerance. Applying it
/// to a mark is the `penalties` processor's job; here it is named with its reason.
struct Penalty: Sendable, Equatable {
    enum Rule: Sendable, Equatable { case deductMarks(Double), deductPercent(Double), capAt(Double) }
    let rule: Rule
    let reason: String?

    init(_ fields: ConfigFields) throws(ConfigurationError) {
        try fields.allowOnly(["deduct_marks", "deduct_percent", "cap_at", "reason"])
        let rules: [Rule] = [
            try fields.number("deduct_marks").map(Rule.deductMarks),
            try fields.number("deduct_percent").map(Rule.deductPercent),
            try fields.number("cap_at").map(Rule.capAt),
        ].compactMap { $0 }
        guard rules.count == 1, let rule = rules.first else {
            throw ConfigurationError("a penalty needs exactly one of deduct_marks, deduct_percent or cap_at", at: fields.location)
        }
        self.rule = rule
        reason = try fields.string("reason")
    }

    var description: String {
        let what = switch rule {
        case .deductMarks(let marks): "\(trim(marks)) marks deducted"
        case .deductPercent(let percent): "the mark reduced by \(trim(percent))%"
        case .capAt(let cap): "the mark capped at \(trim(cap))"
        }
        return reason.map { "\(what) (\($0))" } ?? what
    }
}

func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "—" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
}

func trim(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}

typealias Example = ProcessorExample
