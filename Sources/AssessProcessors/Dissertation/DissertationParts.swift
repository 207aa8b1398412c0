internal import AssessCore
internal import Foundation

/// A part a dissertation must have, and the headings that count as it.
struct DissertationPart: Sendable, Equatable {
    /// The id the YAML uses (`methods`), or the custom part's name.
    let id: String
    /// What people call it ("Methods").
    let label: String
    /// Folded heading wordings that count as the part ("methodology", "research design").
    let headings: [String]

    /// Whether a heading (already stripped of numbering and folded) names this part.
    ///
    /// The heading matches when it is one of the wordings, or starts with one ("Discussion
    /// of findings"), or one of its pieces does: "Results and discussion" is both the
    /// results and the discussion, "Chapter 4: Findings" is the results. Plurals match
    /// singulars ("Conclusions", "Method").
    func matches(folded heading: String) -> Bool {
        let pieces = [heading] + Self.pieces(of: heading)
        return pieces.contains { piece in
            let piece = Self.singular(piece)
            return headings.contains { wording in
                let wording = Self.singular(wording)
                return piece == wording || (!Self.exactOnly.contains(wording) && piece.hasPrefix(wording + " "))
            }
        }
    }

    /// Wordings too general to match as the start of a longer heading ("Design of the
    /// intervention" is not the methods chapter; "Summary of themes" is not the abstract).
    private static let exactOnly: Set<String> = ["summary", "design", "approach", "context", "literature", "outcome", "implication", "source", "rationale"]

    /// A folded heading split at "and" (``HeadingText/normalise(_:)`` has turned colons,
    /// dashes, commas and slashes into "and" already).
    static func pieces(of folded: String) -> [String] {
        folded.components(separatedBy: " and ").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func singular(_ text: String) -> String {
        text.split(separator: " ").map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("is") ? String(word.dropLast()) : String(word)
        }.joined(separator: " ")
    }

    /// The parts `assess` knows by id, with their usual headings.
    static let known: [DissertationPart] = [
        DissertationPart(id: "abstract", label: "Abstract", headings: ["abstract", "summary", "executive summary", "structured abstract", "lay summary"]),
        DissertationPart(id: "introduction", label: "Introduction", headings: [
            "introduction", "background", "background and context", "context", "rationale", "background and rationale",
        ]),
        DissertationPart(id: "literature_review", label: "Literature review", headings: [
            "literature review", "review of the literature", "review of literature", "literature", "background literature",
            "narrative review", "scoping review", "related work", "evidence review", "review of the evidence",
        ]),
        DissertationPart(id: "methods", label: "Methods", headings: [
            "methods", "method", "methodology", "materials and methods", "research design", "research methodology",
            "research methods", "study design", "design and methods", "methodological approach", "research approach",
            "approach", "methods and methodology", "project methodology", "evaluation methods", "design",
        ]),
        DissertationPart(id: "results", label: "Results or findings", headings: [
            "results", "findings", "research findings", "key findings", "presentation of findings", "presentation of results",
            "evaluation results", "outcomes",
        ]),
        DissertationPart(id: "discussion", label: "Discussion", headings: ["discussion", "general discussion"]),
        DissertationPart(id: "conclusion", label: "Conclusion", headings: [
            "conclusion", "conclusions", "concluding remarks", "concluding thoughts", "summary and conclusions",
        ]),
        DissertationPart(id: "recommendations", label: "Recommendations", headings: ["recommendations", "recommendations for practice", "implications for practice", "implications"]),
        DissertationPart(id: "limitations", label: "Limitations", headings: ["limitations", "strengths and limitations", "limitations of the study"]),
        DissertationPart(id: "ethics", label: "Ethics", headings: ["ethics", "ethical considerations", "ethical approval", "ethical issues"]),
        DissertationPart(id: "reflection", label: "Reflection", headings: ["reflection", "reflections", "personal reflection", "reflective account", "reflexivity"]),
        DissertationPart(id: "references", label: "References", headings: [
            "references", "reference list", "list of references", "bibliography", "works cited", "cited works",
            "literature cited", "references cited", "sources", "sources cited",
        ]),
        DissertationPart(id: "appendices", label: "Appendices", headings: ["appendix", "appendices", "annex", "annexes"]),
    ]

    /// The MSc default: abstract, introduction, methods, results or findings, discussion,
    /// conclusion, references.
    static let defaultIDs = ["abstract", "introduction", "methods", "results", "discussion", "conclusion", "references"]

    /// A known part by id ("methods", "literature review"), or a heading of its own.
    private static func resolve(_ text: String, location: SourceLocation?) throws(ConfigurationError) -> DissertationPart {
        let id = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "_")
        if let part = known.first(where: { $0.id == id }) { return part }
        if let near = known.first(where: { editDistance($0.id, id) <= 2 }) {
            throw ConfigurationError("unknown part '\(text)' in 'parts'; did you mean '\(near.id)'? (known: \(known.map(\.id).joined(separator: ", ")); any other text is matched as a heading)", at: location)
        }
        let folded = HeadingText.normalise(text)
        guard !folded.isEmpty else {
            throw ConfigurationError("a part in 'parts' is empty; name a part or a heading", at: location)
        }
        // A known wording names its part ("findings", "methodology").
        if let part = known.first(where: { $0.headings.contains(folded) }) { return part }
        if folded.count >= 6, let near = known.flatMap(\.headings).first(where: { editDistance($0, folded) == 1 }) {
            throw ConfigurationError("unknown part '\(text)' in 'parts'; did you mean '\(near)'? (to match the heading as written, give {name: \(text), headings: [\(text)]})", at: location)
        }
        return DissertationPart(id: text, label: text, headings: [folded])
    }

    /// Reads the `parts` option: known ids (`methods`, or "literature review"), any other
    /// heading text, alternatives ("results or findings", "conclusion / recommendations"),
    /// or `{name: …, headings: [...]}`.
    /// - Throws: ``ConfigurationError`` at a value that is neither, or at an id that looks
    ///   like a misspelt known one.
    static func read(_ value: ConfigValue, fields: ConfigFields) throws(ConfigurationError) -> [DissertationPart] {
        guard case .list(let items) = value.kind else {
            throw fields.wrongType("parts", value, expected: "a list such as [abstract, introduction, methods, results, discussion, conclusion, references]")
        }
        var parts: [DissertationPart] = []
        for item in items {
            if let text = item.text {
                // "results or findings": any of the alternatives will do.
                let split = text.split(separator: /(?i) or |_or_|\s*\/\s*/).map(String.init)
                let alternatives = split.isEmpty ? [text] : split
                var headings: [String] = []
                var single: DissertationPart?
                for alternative in alternatives {
                    let part = try resolve(alternative, location: item.location ?? fields.location)
                    single = part
                    headings += part.headings.filter { !headings.contains($0) }
                }
                if alternatives.count == 1, let single {
                    parts.append(single)
                } else {
                    parts.append(DissertationPart(id: text, label: text, headings: headings))
                }
            } else {
                let part = try ConfigFields(item, context: "a part in 'parts'", fallback: item.location ?? fields.location)
                try part.allowOnly(["name", "headings"])
                guard let name = try part.string("name", required: true) else { throw part.missing("name") }
                let headings = try part.strings("headings") ?? [name]
                let folded = headings.map(HeadingText.normalise).filter { !$0.isEmpty }
                guard !folded.isEmpty else {
                    throw ConfigurationError("'headings' of part '\(name)' lists no heading text", at: part.raw("headings")?.location ?? part.location)
                }
                parts.append(DissertationPart(id: name, label: name, headings: folded))
            }
        }
        guard !parts.isEmpty else {
            throw ConfigurationError("'parts' lists none; leave it out for the default, or name at least one", at: value.location ?? fields.location)
        }
        return parts
    }
}

/// Heading text made comparable: numbering, "Chapter 3:" and punctuation removed, folded.
enum HeadingText {
    /// "4.2 Results and Discussion" → "results and discussion"; "Chapter 3: Methodology"
    /// → "methodology"; "IV. Findings" → "findings".
    static func normalise(_ heading: String) -> String {
        var words = heading.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let first = words.first, ["chapter", "section", "part"].contains(first.lowercased().trimming(marks: ":.")) {
            words.removeFirst()
            if let next = words.first, isNumbering(next) { words.removeFirst() }
        }
        while let first = words.first, isNumbering(first) { words.removeFirst() }
        // Marks between pieces ("Introduction: context", "Methods – design") split like "and".
        let joined = words.joined(separator: " ").replacing(pieceMarks, with: " and ")
        return TextKey.fold(joined)
    }

    // Compiled once; see Citations.swift on sharing a Regex.
    nonisolated(unsafe) private static let pieceMarks = /\s*[:;,\/–—]\s*|\s+-\s+/

    /// "3", "3.", "2.1", "4)", "iv.", "A." (a lone letter with a mark), "–".
    private static func isNumbering(_ token: String) -> Bool {
        let trimmed = token.trimming(marks: ".):–—-")
        if trimmed.isEmpty { return true }
        if trimmed.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        let marked = trimmed.count < token.count
        if marked && trimmed.lowercased().allSatisfy({ "ivxlc".contains($0) }) { return true }
        return marked && trimmed.count == 1 && trimmed.first?.isLetter == true
    }
}
