import AssessCore
import AssessDocuments

/// Checks an MSc dissertation of practice (a 10,000-word research report) for what
/// markers check first by hand: the required parts are there, the abstract keeps to its
/// own limit, and every author–date citation has its entry in the reference list and
/// every entry is cited. Missing entries and padding are the commonest referencing
/// faults markers write about, and finding them by eye in 10,000 words takes an hour.
struct DissertationProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "dissertation",
        name: "Dissertation",
        summary: "Checks a dissertation's required parts (abstract, introduction, methods, results or findings, discussion, conclusion, references by default) by their headings, the abstract's length, the number of references, and that in-text author–date citations and the reference list match both ways.",
        passingExamples: passingExamples,
        flaggedExamples: flaggedExamples
    )

    /// How the text cites its sources.
    enum CitationStyle: String, Sendable, CaseIterable {
        case auto
        case authorDate = "author_date"
        case numeric
    }

    let parts: [DissertationPart]
    let abstractLimit: Int
    let minimumReferences: Int?
    let style: CitationStyle

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["parts", "abstract_limit", "min_references", "citation_style"])
        parts = try fields.raw("parts").map { (value) throws(ConfigurationError) in try DissertationPart.read(value, fields: fields) }
            ?? DissertationPart.defaultIDs.compactMap { id in DissertationPart.known.first { $0.id == id } }
        abstractLimit = try fields.int("abstract_limit", in: 1...10_000) ?? 300
        minimumReferences = try fields.int("min_references", in: 0...10_000)
        let styleText = try fields.string("citation_style") ?? CitationStyle.auto.rawValue
        guard let style = CitationStyle(rawValue: styleText) else {
            throw ConfigurationError("'citation_style' must be one of \(CitationStyle.allCases.map(\.rawValue).joined(separator: ", ")), not '\(styleText)'", at: fields.raw("citation_style")?.location ?? fields.location)
        }
        self.style = style
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let outline = Outline(submission.documents.flatMap { $0.text.blocks }, parts: parts)
        let structure = outline.structure(parts: parts)
        let abstractWords = outline.abstractWords(structure)
        let references = outline.referenceEntries(structure)
        let citing = outline.citingText(structure)
        let check = ReferenceCheck(references: references, text: citing, style: style)

        var findings: [Finding] = []
        let missing = parts.filter { structure.found[$0.id] == nil }
        if !missing.isEmpty {
            findings.append(Finding("dissertation.missing_part", .warning,
                "No heading was found for \(list(missing.map(\.label))); check that each part has its own heading (e.g. \"\(missing[0].label)\") styled as a heading."))
        }
        if let abstractWords, abstractWords > abstractLimit {
            findings.append(Finding("dissertation.abstract_over_limit", .warning,
                "The abstract has \(groupedDigits(abstractWords)) words, \(groupedDigits(abstractWords - abstractLimit)) over its limit of \(groupedDigits(abstractLimit))."))
        }
        if references.isEmpty {
            findings.append(Finding("dissertation.no_references", .attention,
                "No reference list was found; it needs a heading such as \"References\" followed by one paragraph per entry."))
        } else {
            if let minimumReferences, references.count < minimumReferences {
                findings.append(Finding("dissertation.few_references", .warning,
                    "The reference list has \(references.count) entries, fewer than the \(minimumReferences) expected."))
            }
            if !check.citedNotListed.isEmpty {
                findings.append(Finding("dissertation.cited_not_listed", .warning,
                    "\(count(check.citedNotListed.count, "cited work")) \(check.citedNotListed.count == 1 ? "is" : "are") not in the reference list: \(list(check.citedNotListed.map(\.label), limit: 5))."))
            }
            if !check.listedNotCited.isEmpty {
                var message = "\(count(check.listedNotCited.count, "reference-list entry", plural: "reference-list entries")) \(check.listedNotCited.count == 1 ? "is" : "are") never cited in the text: \(list(check.listedNotCited.map(\.label), limit: 5))."
                if check.citations == 0 {
                    message += " No in-text citations were recognised at all; if the text cites by number, set citation_style: numeric."
                }
                findings.append(Finding("dissertation.listed_not_cited", .warning, message))
            }
        }

        var partMetrics: [String: JSONValue] = [:]
        for part in parts { partMetrics[part.id] = structure.found[part.id].map(JSONValue.string) ?? .null }
        let metrics: [String: JSONValue] = [
            "parts": .object(partMetrics),
            "missing_parts": .array(missing.map { .string($0.id) }),
            "abstract_words": abstractWords.map(JSONValue.int) ?? .null,
            "abstract_limit": .int(abstractLimit),
            "references": .int(references.count),
            "unread_references": .int(check.unread.count),
            "citations": .int(check.citations),
            "cited_works": .int(check.citedWorks),
            "citation_style": .string(check.style.rawValue),
            "cited_not_listed": .array(check.citedNotListed.map { .string($0.label) }),
            "listed_not_cited": .array(check.listedNotCited.map { .string($0.label) }),
        ]
        let columns = [
            ProcessorResult.Column("missing_parts", missing.map(\.id).joined(separator: "; ")),
            ProcessorResult.Column("abstract_words", abstractWords.map(String.init) ?? ""),
            ProcessorResult.Column("references", String(references.count)),
            ProcessorResult.Column("citations", String(check.citations)),
            ProcessorResult.Column("cited_not_listed", String(check.citedNotListed.count)),
            ProcessorResult.Column("listed_not_cited", String(check.listedNotCited.count)),
        ]
        let feedback = [
            structureReport(structure, missing: missing, abstractWords: abstractWords),
            referencesReport(check, references: references),
        ]
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings, feedback: feedback)
    }
}

private extension DissertationProcessor {
    func structureReport(_ structure: Outline.Structure, missing: [DissertationPart], abstractWords: Int?) -> FeedbackSection {
        let summary = missing.isEmpty
            ? "All \(parts.count) required parts were found."
            : "\(missing.count) of the \(parts.count) required parts \(missing.count == 1 ? "was" : "were") not found: \(list(missing.map(\.label)))."
        var facts = [FeedbackSection.Fact("Required parts found", "\(parts.count - missing.count) of \(parts.count)", emphasis: !missing.isEmpty)]
        if let abstractWords {
            facts.append(.init("Abstract", "\(groupedDigits(abstractWords)) words (limit \(groupedDigits(abstractLimit)))", emphasis: abstractWords > abstractLimit))
        }
        let rows = parts.map { part in
            [part.label, structure.found[part.id] ?? "—", structure.found[part.id] == nil ? "not found" : "found"]
        }
        var notes = ["Parts are found by their headings, ignoring numbering (\"Chapter 3: Methodology\" is the methods); common wordings count, e.g. \"Research design\" for methods and \"Findings\" for results."]
        if structure.usedPlainParagraphs {
            notes.append("The document has no headings styled as headings, so short lines such as \"Methods\" were taken as headings. Styled headings make the structure clear to readers and to screen readers.")
        }
        return FeedbackSection(title: "Dissertation structure", summary: summary, facts: facts,
                               table: .init(caption: "Required parts", columns: ["Part", "Heading found", "Result"], rows: rows), notes: notes)
    }

    func referencesReport(_ check: ReferenceCheck, references: [ReferenceEntry]) -> FeedbackSection {
        var summary = "\(count(references.count, "reference")) listed; \(count(check.citations, "citation")) in the text."
        if references.isEmpty {
            summary = "No reference list was found."
        } else if check.citedNotListed.isEmpty && check.listedNotCited.isEmpty {
            summary += " Every citation has its entry and every entry is cited."
        } else {
            summary += " \(count(check.citedNotListed.count, "cited work")) missing from the list; \(count(check.listedNotCited.count, "entry", plural: "entries")) never cited."
        }
        var facts = [
            FeedbackSection.Fact("References listed", groupedDigits(references.count), emphasis: references.isEmpty),
            FeedbackSection.Fact("Citations in the text", groupedDigits(check.citations)),
            FeedbackSection.Fact("Citation style", check.style == .numeric ? "numbered" : "author–date"),
        ]
        if let minimumReferences { facts.append(.init("References expected", "at least \(minimumReferences)", emphasis: references.count < minimumReferences)) }
        var rows: [[String]] = []
        for item in check.citedNotListed { rows.append(["Cited, not in the list", item.label, item.note]) }
        for item in check.listedNotCited { rows.append(["Listed, never cited", item.label, item.note]) }
        var notes: [String] = []
        if check.style == .authorDate {
            notes.append("Citations are matched to the list by the first author's surname (or the organisation) and the year, including its letter: (Patel et al., 2021a) needs an entry \"Patel, … (2021a)\".")
        } else {
            notes.append("Numbered citations such as [3] or (3–5) are matched to the numbered entries of the list.")
        }
        if !check.unread.isEmpty {
            notes.append("\(count(check.unread.count, "entry", plural: "entries")) of the list could not be read as author and year and \(check.unread.count == 1 ? "was" : "were") not matched: \(list(check.unread.map { String($0.text.prefix(50)) }, limit: 3)).")
        }
        return FeedbackSection(title: "Citations and references", summary: summary, facts: facts,
                               table: rows.isEmpty ? nil : .init(caption: "Citations and entries that do not match", columns: ["Problem", "Citation or entry", "Note"], rows: rows),
                               notes: notes)
    }
}

/// The headings of a dissertation and where its parts, abstract and references are.
struct Outline {
    /// A heading (or, in a document without styled headings, a short line naming a part).
    struct Heading {
        var index: Int
        var level: Int
        var text: String
        var normalised: String
        var inAppendix: Bool
    }

    /// Which heading each part was found under, and where the abstract and reference list are.
    struct Structure {
        var found: [String: String] = [:]
        var abstract: Heading?
        var references: [Heading] = []
        var usedPlainParagraphs = false
    }

    let blocks: [Block]
    let headings: [Heading]
    let usedPlainParagraphs: Bool

    init(_ allBlocks: [Block], parts: [DissertationPart]) {
        blocks = allBlocks.filter { ![.comment, .deleted, .hidden, .header, .footer].contains($0.kind) }
        var headings: [Heading] = []
        for (index, block) in blocks.enumerated() where block.kind == .heading && (block.level ?? 1) > 0 {
            headings.append(Heading(index: index, level: block.level ?? 1, text: block.text, normalised: HeadingText.normalise(block.text), inAppendix: block.section == .appendix))
        }
        // Without styled headings (a PDF, or bold lines), short lines that name a part are the headings.
        if headings.count < 2 {
            let catalogue = parts + DissertationPart.known
            var lines: [Heading] = []
            for (index, block) in blocks.enumerated() where block.kind == .heading || (block.kind == .paragraph && block.words <= 6 && !block.text.hasSuffix(".")) {
                let normalised = HeadingText.normalise(block.text)
                if block.kind == .heading || catalogue.contains(where: { $0.matches(folded: normalised) }) {
                    lines.append(Heading(index: index, level: 1, text: block.text, normalised: normalised, inAppendix: block.section == .appendix))
                }
            }
            usedPlainParagraphs = lines.count > headings.count
            self.headings = usedPlainParagraphs ? lines : headings
        } else {
            usedPlainParagraphs = false
            self.headings = headings
        }
    }

    /// Finds each part's heading. The abstract counts only before any other part (so a
    /// closing "Summary" is not taken for it), and headings under the abstract (a
    /// structured abstract's "Methods") or in appendices name no part.
    func structure(parts: [DissertationPart]) -> Structure {
        var structure = Structure(usedPlainParagraphs: usedPlainParagraphs)
        var abstractLevel: Int?
        var sawOtherPart = false
        let referencesPart = DissertationPart.known.first { $0.id == "references" }
        for heading in headings {
            if let level = abstractLevel {
                if heading.level > level { continue }
                abstractLevel = nil
            }
            if referencesPart?.matches(folded: heading.normalised) == true && !heading.inAppendix {
                structure.references.append(heading)
            }
            for part in parts where structure.found[part.id] == nil && part.matches(folded: heading.normalised) {
                if heading.inAppendix && part.id != "appendices" { continue }
                if part.id == "abstract" {
                    if sawOtherPart { continue }
                    structure.abstract = heading
                    abstractLevel = heading.level
                }
                structure.found[part.id] = heading.text
            }
            if part(of: heading, in: DissertationPart.known, excluding: "abstract") { sawOtherPart = true }
        }
        if structure.abstract == nil, let abstract = DissertationPart.known.first(where: { $0.id == "abstract" }) {
            // Not a required part here, but its length is still checked when it is there.
            structure.abstract = headings.prefix { !part(of: $0, in: DissertationPart.known, excluding: "abstract") }
                .first { abstract.matches(folded: $0.normalised) }
        }
        return structure
    }

    private func part(of heading: Heading, in catalogue: [DissertationPart], excluding id: String) -> Bool {
        catalogue.contains { $0.id != id && $0.matches(folded: heading.normalised) }
    }

    /// Words of the abstract's paragraphs, up to the next heading at its level or above.
    func abstractWords(_ structure: Structure) -> Int? {
        guard let abstract = structure.abstract else { return nil }
        return range(after: abstract).reduce(0) { total, index in
            [.paragraph, .listItem].contains(blocks[index].kind) ? total + blocks[index].words : total
        }
    }

    /// The reference list: paragraphs and list items under each references heading (a
    /// line that only continues an entry, "Available at: …", joins it); when no heading
    /// was recognised, the blocks the reader placed in the references section.
    func referenceEntries(_ structure: Structure) -> [ReferenceEntry] {
        var indices: [Int] = structure.references.flatMap { range(after: $0) }
        if structure.references.isEmpty {
            indices = blocks.indices.filter { blocks[$0].section == .references }
        }
        var entries: [(text: String, listItem: Bool)] = []
        for index in indices where [.paragraph, .listItem].contains(blocks[index].kind) {
            let text = blocks[index].text.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            if ReferenceParser.isContinuation(text), let last = entries.popLast() {
                entries.append((last.text + " " + text, last.listItem))
            } else {
                entries.append((text, blocks[index].kind == .listItem))
            }
        }
        return entries.map { entry in
            var parsed = ReferenceParser.parse(entry.text)
            // A list's numbers are list formatting, not text: "1." is gone from the entry.
            if entry.listItem { parsed.numbered = true }
            return parsed
        }
    }

    /// The text that may cite: everything but headings, front matter and the reference list.
    func citingText(_ structure: Structure) -> [String] {
        let excluded = Set(structure.references.flatMap { range(after: $0) })
        return blocks.indices.compactMap { index in
            let block = blocks[index]
            guard block.kind != .heading, !excluded.contains(index) else { return nil }
            if structure.references.isEmpty && block.section == .references { return nil }
            if block.section == .frontMatter && !usedPlainParagraphs { return nil }
            return block.text
        }
    }

    /// Main-text block indices from after `heading` to before the next heading at its
    /// level or above. Footnotes, endnotes, text boxes and notes come after the main text
    /// in reading order and belong to no heading.
    private func range(after heading: Heading) -> [Int] {
        let next = headings.first { $0.index > heading.index && $0.level <= heading.level }?.index ?? blocks.count
        return Array((heading.index + 1)..<max(heading.index + 1, next)).filter { !Self.outsideTheFlow.contains(blocks[$0].kind) && blocks[$0].kind != .heading }
    }

    static let outsideTheFlow: Set<BlockKind> = [.footnote, .endnote, .textBox, .notes]
}

/// In-text citations against the reference list, both ways.
struct ReferenceCheck {
    /// A citation without an entry, or an entry without a citation.
    struct Mismatch {
        var label: String
        var note: String
    }

    var style: DissertationProcessor.CitationStyle
    var citations = 0
    var citedWorks = 0
    var citedNotListed: [Mismatch] = []
    var listedNotCited: [Mismatch] = []
    var unread: [ReferenceEntry] = []

    init(references: [ReferenceEntry], text: [String], style requested: DissertationProcessor.CitationStyle) {
        let authorDate = text.flatMap(CitationParser.citations(in:))
        var resolved = requested
        if requested == .auto {
            let numbered = references.filter(\.numbered).count
            let numericCount = numbered * 10 >= references.count * 6 && numbered >= 2 ? text.flatMap(NumericCitations.numbers(in:)).count : 0
            resolved = numericCount > authorDate.count ? .numeric : .authorDate
        }
        style = resolved
        if resolved == .numeric {
            checkNumbers(references: references, text: text)
        } else {
            check(references: references, citations: authorDate)
        }
    }

    private mutating func check(references: [ReferenceEntry], citations found: [Citation]) {
        citations = found.count
        unread = references.filter { $0.year == nil }
        var entriesByKey: [String: [Int]] = [:]
        for (index, entry) in references.enumerated() where entry.year != nil {
            for key in entry.keys { entriesByKey[key, default: []].append(index) }
        }
        func entries(sharing keys: [String]) -> [Int] {
            var result: [Int] = []
            for key in keys { for index in entriesByKey[key] ?? [] where !result.contains(index) { result.append(index) } }
            return result.sorted()
        }
        var cited = Set<Int>()
        var firstCitation: [String: Citation] = [:]
        var missing: [String: (citation: Citation, times: Int)] = [:]
        var order: [String] = []
        var works = Set<String>()
        for citation in found {
            for key in citation.keys where firstCitation[key] == nil { firstCitation[key] = citation }
            let matches = entries(sharing: citation.keys).filter { references[$0].year == citation.year }
            if let first = matches.first {
                cited.formUnion(matches)
                works.insert("#\(first)")
                continue
            }
            let work = (citation.keys.first ?? citation.authors) + "|" + citation.year
            works.insert(work)
            if missing[work] == nil { order.append(work) }
            missing[work, default: (citation, 0)].times += 1
        }
        citedWorks = works.count
        citedNotListed = order.compactMap { work in
            guard let (citation, times) = missing[work] else { return nil }
            var note = times > 1 ? "cited \(times) times" : "cited once"
            if let near = entries(sharing: citation.keys).first, let year = references[near].year {
                note += "; the list has \(references[near].authors) (\(year))"
            }
            return Mismatch(label: citation.label, note: note)
        }
        listedNotCited = references.indices.filter { references[$0].year != nil && !cited.contains($0) }.map { index in
            let entry = references[index]
            let sameAuthor = entry.keys.lazy.compactMap { firstCitation[$0] }.first
            return Mismatch(label: entry.label, note: sameAuthor.map { "the text cites \($0.label)" } ?? "")
        }
    }

    private mutating func checkNumbers(references: [ReferenceEntry], text: [String]) {
        let numbers = text.flatMap(NumericCitations.numbers(in:))
        citations = numbers.count
        let listed = references.enumerated().map { $0.element.number ?? $0.offset + 1 }
        let listedSet = Set(listed)
        let citedSet = Set(numbers)
        citedWorks = citedSet.intersection(listedSet).count
        citedNotListed = citedSet.subtracting(listedSet).sorted().map { Mismatch(label: "[\($0)]", note: "the list has \(references.count) entries") }
        listedNotCited = zip(listed, references).filter { !citedSet.contains($0.0) }.map { number, entry in
            Mismatch(label: "\(number). \(entry.text.prefix(60))", note: "")
        }
    }
}
