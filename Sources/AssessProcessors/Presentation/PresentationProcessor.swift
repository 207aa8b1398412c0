import AssessCore
import AssessDocuments

/// Checks a group presentation's deck: how many slides, how crowded each is, and
/// whether the speaker notes fit the slot at a speaking rate the module sets. Group
/// presentations are marked for the group, so the feedback also names the group and
/// its members from the roster, and the cohort phase notices when members of one
/// group handed in different decks.
struct PresentationProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "presentation",
        name: "Presentation",
        summary: "Counts a deck's slides and the words on each (flagging slides over max_words_per_slide, 75 by default), the speaker notes' words and the speaking time they make at words_per_minute (130 by default) against slot_minutes, and names the candidate's group and its members from the roster.",
        passingExamples: passingExamples,
        flaggedExamples: flaggedExamples
    )

    let maximumWordsPerSlide: Int
    let wordsPerMinute: Int
    let slotMinutes: Double?
    let maximumSlides: Int?

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["max_words_per_slide", "words_per_minute", "slot_minutes", "max_slides"])
        maximumWordsPerSlide = try fields.int("max_words_per_slide", in: 1...10_000) ?? 75
        wordsPerMinute = try fields.int("words_per_minute", in: 40...400) ?? 130
        slotMinutes = try fields.number("slot_minutes")
        if let slotMinutes, !(slotMinutes > 0 && slotMinutes <= 600) {
            throw ConfigurationError("'slot_minutes' in \(fields.context) must be more than 0 and at most 600, not \(trim(slotMinutes))", at: fields.raw("slot_minutes")?.location ?? fields.location)
        }
        maximumSlides = try fields.int("max_slides", in: 1...1000)
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        var findings: [Finding] = []
        let decks = submission.documents.filter { $0.text.format == .pptx }
        let paged = submission.documents.filter { document in document.text.blocks.contains { $0.page != nil } }
        guard let deck = decks.first ?? paged.first else {
            findings.append(Finding("presentation.not_slides", .attention,
                "No slides were found in \(list(submission.documents.map(\.file))); submit the presentation as PPTX (or a PDF of the slides)."))
            findings += groupFindings(submission)
            return ProcessorResult(processor: Self.identifier, metrics: groupMetrics(submission, named: []), columns: columns(nil, submission), findings: findings,
                                   feedback: [groupReport(submission, named: [])].compactMap { $0 })
        }
        if decks.count + (decks.isEmpty ? paged.count : 0) > 1 {
            findings.append(Finding("presentation.several_decks", .info, "Several decks were submitted; \(deck.file) was checked.", file: deck.file))
        }
        let figures = Deck(deck.text, threshold: maximumWordsPerSlide)
        let minutes = figures.notesWords > 0 ? Double(figures.notesWords) / Double(wordsPerMinute) : nil

        if let maximumSlides, figures.slides.count > maximumSlides {
            findings.append(Finding("presentation.too_many_slides", .warning,
                "The deck has \(figures.slides.count) slides, more than the \(maximumSlides) allowed."))
        }
        if !figures.dense.isEmpty {
            findings.append(Finding("presentation.dense_slides", .warning,
                "\(count(figures.dense.count, "slide")) \(figures.dense.count == 1 ? "has" : "have") more than \(maximumWordsPerSlide) words: \(list(figures.dense.map { "slide \($0.number) (\($0.words))" }, limit: 5)); an audience reads or listens, rarely both."))
        }
        if figures.notesWords == 0 {
            let why = deck.text.format == .pptx ? "" : " (a \(deck.text.format.rawValue.uppercased()) keeps no speaker notes; submit the PPTX)"
            findings.append(Finding("presentation.no_notes", .warning, "No speaker notes were found\(why), so the speaking time cannot be estimated."))
        }
        if let minutes, let slotMinutes, minutes > slotMinutes {
            findings.append(Finding("presentation.over_time", .warning,
                "The speaker notes have \(groupedDigits(figures.notesWords)) words: about \(Self.minutes(minutes)) at \(wordsPerMinute) words a minute, over the \(trim(slotMinutes))-minute slot."))
        }
        findings += groupFindings(submission)

        let named = namedMembers(submission.groupMembers, in: figures)
        var metrics: [String: JSONValue] = [
            "deck": .string(deck.file),
            "slides": .int(figures.slides.count),
            "slide_words": .int(figures.slideWords),
            "words_per_slide": .array(figures.slides.map { .int($0.words) }),
            "mean_words_per_slide": figures.slides.isEmpty ? .null : .double(Self.oneDecimal(Double(figures.slideWords) / Double(figures.slides.count))),
            "densest_slides": .array(figures.densest.map { ["slide": .int($0.number), "words": .int($0.words), "title": .string($0.title)] }),
            "dense_slides": .array(figures.dense.map { .int($0.number) }),
            "max_words_per_slide": .int(maximumWordsPerSlide),
            "notes_words": .int(figures.notesWords),
            "slides_without_notes": .array(figures.slides.filter { $0.notesWords == 0 }.map { .int($0.number) }),
            "words_per_minute": .int(wordsPerMinute),
            "speaking_minutes": minutes.map { .double(Self.oneDecimal($0)) } ?? .null,
            "slot_minutes": slotMinutes.map(JSONValue.double) ?? .null,
        ]
        metrics["group"] = submission.candidate?.group.map(JSONValue.string) ?? .null
        metrics["group_size"] = .int(submission.groupMembers.count)
        metrics["members_named_on_slides_count"] = .int(named.count)
        let feedback = [deckReport(figures, minutes: minutes)] + [groupReport(submission, named: named)].compactMap { $0 }
        // Other members' ids and names are for staff only: a student's archive holds no one else's data.
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns((figures, minutes), submission), findings: findings,
                               feedback: feedback, restricted: groupMetrics(submission, named: named))
    }

    /// Finds members of one group who handed in different decks, and reports every
    /// group's deck for the module lead.
    func review(cohort: [String: ProcessorResult]) -> CohortReview {
        var groups: [String: [(id: String, result: ProcessorResult)]] = [:]
        for (id, result) in cohort {
            if case .string(let group)? = result.metrics["group"] { groups[group, default: []].append((id, result)) }
        }
        guard !groups.isEmpty else { return CohortReview() }
        var findings: [String: [Finding]] = [:]
        var rows: [[String]] = []
        for group in groups.keys.sorted() {
            let submitted = (groups[group] ?? []).sorted { $0.id < $1.id }
            let fingerprints = submitted.map { Self.fingerprint($0.result) }
            if Set(fingerprints).count > 1 {
                let described = zip(submitted, fingerprints).map { "\($0.id): \($1)" }
                for member in submitted {
                    findings[member.id, default: []].append(Finding("presentation.group_decks_differ", .warning,
                        "Members of group \(group) handed in different decks (\(described.joined(separator: "; "))); check which is the group's."))
                }
            }
            let members: [String] = {
                if case .array(let ids)? = submitted.first?.result.restricted?["group_members"] {
                    return ids.compactMap { if case .string(let id) = $0 { id } else { nil } }
                }
                return []
            }()
            rows.append([group, members.joined(separator: ", "), submitted.map(\.id).joined(separator: ", "),
                         fingerprints.first ?? "", Set(fingerprints).count > 1 ? "decks differ" : ""])
        }
        let report = FeedbackSection(title: "Group presentations", summary: "\(count(groups.count, "group")) handed in a deck.",
                                     table: .init(caption: "Decks by group", columns: ["Group", "Members", "Handed in by", "Deck", "Note"], rows: rows))
        return CohortReview(findings: findings, report: [report])
    }
}

private extension PresentationProcessor {
    func groupFindings(_ submission: SubmissionContent) -> [Finding] {
        guard let candidate = submission.candidate, candidate.group == nil else { return [] }
        return [Finding("presentation.no_group", .warning,
            "The roster gives \(candidate.id) no group; add it to the group column of roster.csv so the presentation is credited to the whole group.")]
    }

    func groupMetrics(_ submission: SubmissionContent, named: [Candidate]) -> [String: JSONValue] {
        [
            "group": submission.candidate?.group.map(JSONValue.string) ?? .null,
            "group_members": .array(submission.groupMembers.map { .string($0.id) }),
            "members_named_on_slides": .array(named.map { .string($0.id) }),
        ]
    }

    func columns(_ figures: (deck: Deck, minutes: Double?)?, _ submission: SubmissionContent) -> [ProcessorResult.Column] {
        [
            ProcessorResult.Column("slides", figures.map { String($0.deck.slides.count) } ?? ""),
            ProcessorResult.Column("slide_words", figures.map { String($0.deck.slideWords) } ?? ""),
            ProcessorResult.Column("dense_slides", figures.map { String($0.deck.dense.count) } ?? ""),
            ProcessorResult.Column("notes_words", figures.map { String($0.deck.notesWords) } ?? ""),
            ProcessorResult.Column("speaking_minutes", figures?.minutes.map { trim(Self.oneDecimal($0)) } ?? ""),
            ProcessorResult.Column("slot_minutes", slotMinutes.map(trim) ?? ""),
            ProcessorResult.Column("group", submission.candidate?.group ?? ""),
            ProcessorResult.Column("group_members", submission.groupMembers.map(\.id).joined(separator: "; ")),
        ]
    }

    /// Members whose full name, or first and last names, appear on the slides (not the notes).
    func namedMembers(_ members: [Candidate], in deck: Deck) -> [Candidate] {
        let words = Set(deck.slideKeyWords)
        let text = " " + deck.slideKey + " "
        return members.filter { member in
            let name = TextKey.words(member.name)
            guard let first = name.first, let last = name.last else { return false }
            return text.contains(" " + name.joined(separator: " ") + " ") || (name.count > 1 && words.contains(first) && words.contains(last))
        }
    }

    func deckReport(_ deck: Deck, minutes: Double?) -> FeedbackSection {
        var summary = "\(count(deck.slides.count, "slide"))"
        if let minutes {
            summary += "; \(groupedDigits(deck.notesWords)) words of speaker notes, about \(Self.minutes(minutes)) at \(wordsPerMinute) words a minute"
            if let slotMinutes { summary += minutes > slotMinutes ? ", over the \(trim(slotMinutes))-minute slot" : ", within the \(trim(slotMinutes))-minute slot" }
            summary += "."
        } else {
            summary += "; no speaker notes."
        }
        var facts = [FeedbackSection.Fact("Slides", String(deck.slides.count) + (maximumSlides.map { " (at most \($0))" } ?? ""), emphasis: maximumSlides.map { deck.slides.count > $0 } ?? false)]
        if !deck.slides.isEmpty {
            facts.append(.init("Words on slides", "\(groupedDigits(deck.slideWords)), \(trim(Self.oneDecimal(Double(deck.slideWords) / Double(deck.slides.count)))) a slide on average"))
        }
        if let densest = deck.densest.first {
            facts.append(.init("Densest slide", "slide \(densest.number), \(count(densest.words, "word"))", emphasis: densest.words > maximumWordsPerSlide && !densest.isReferences))
        }
        facts.append(.init("Speaker notes", count(deck.notesWords, "word")))
        if let minutes { facts.append(.init("Estimated speaking time", "\(Self.minutes(minutes)) at \(wordsPerMinute) words a minute", emphasis: slotMinutes.map { minutes > $0 } ?? false)) }
        if let slotMinutes { facts.append(.init("Slot", Self.minutes(slotMinutes))) }
        let rows = deck.slides.map { slide in
            var note: [String] = []
            if slide.words > maximumWordsPerSlide { note.append(slide.isReferences ? "references: not flagged" : "over \(maximumWordsPerSlide) words") }
            if slide.notesWords == 0 && deck.notesWords > 0 { note.append("no notes") }
            return [String(slide.number), slide.title, groupedDigits(slide.words), groupedDigits(slide.notesWords), note.joined(separator: "; ")]
        }
        let notes = [
            "Words on a slide include its title, text boxes and tables; speaker notes are counted apart. A references slide is not flagged as crowded.",
            "Speaking time is the notes' words at \(wordsPerMinute) words a minute: a guide to whether the script fits the slot, not a measure of delivery.",
        ]
        return FeedbackSection(title: "Presentation", summary: summary, facts: facts,
                               table: .init(caption: "Slides", columns: ["Slide", "Title", "Words on slide", "Words of notes", "Note"], rows: rows), notes: notes)
    }

    func groupReport(_ submission: SubmissionContent, named: [Candidate]) -> FeedbackSection? {
        guard let candidate = submission.candidate else { return nil }
        guard let group = candidate.group else {
            return FeedbackSection(title: "Group", summary: "The roster gives no group for \(candidate.id).")
        }
        let namedHere = named.contains { $0.id == candidate.id }
        return FeedbackSection(title: "Group", summary: "Group \(group): \(count(submission.groupMembers.count, "member")).",
                               facts: [
                                   .init("Group", group),
                                   .init("Members named on the slides", "\(named.count) of \(submission.groupMembers.count)"),
                                   .init("You are named on the slides", namedHere ? "yes" : "no", emphasis: !namedHere),
                               ])
    }

    static func fingerprint(_ result: ProcessorResult) -> String {
        let slides = result.metrics["slides"]?.intValue ?? 0
        let words = result.metrics["slide_words"]?.intValue ?? 0
        let notes = result.metrics["notes_words"]?.intValue ?? 0
        return "\(count(slides, "slide")), \(count(words, "word")) on slides, \(count(notes, "word")) of notes"
    }

    static func minutes(_ value: Double) -> String {
        "\(trim(oneDecimal(value))) minute\(oneDecimal(value) == 1 ? "" : "s")"
    }

    static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

/// A deck's slides, as the readers give them: blocks with `page` = slide number, the
/// title as a heading, text on the slide, and speaker notes kept apart.
struct Deck {
    struct Slide {
        var number: Int
        var title: String
        var words: Int
        var notesWords: Int
        var isReferences: Bool
    }

    /// More slides than any talk has: page numbers beyond it are ignored.
    static let maximumSlides = 5000

    let slides: [Slide]
    /// Slides over the threshold, references slides left out.
    let dense: [Slide]
    /// Up to three slides with the most words, most first.
    let densest: [Slide]
    let slideWords: Int
    let notesWords: Int
    /// Folded text of every slide, for finding names.
    let slideKey: String
    let slideKeyWords: [String]

    init(_ document: DocumentText, threshold: Int) {
        let onSlide: Set<BlockKind> = [.heading, .slide, .paragraph, .listItem, .tableCell, .textBox, .caption]
        // A slide number comes from the file; a bound keeps a corrupt one from sizing the table.
        let count = min(document.blocks.compactMap(\.page).max() ?? 0, Self.maximumSlides)
        var slides = (0..<count).map { Slide(number: $0 + 1, title: "", words: 0, notesWords: 0, isReferences: false) }
        var text: [String] = []
        let references = DissertationPart.known.first { $0.id == "references" }
        for block in document.blocks {
            guard let page = block.page, page >= 1, page <= count else { continue }
            if block.kind == .notes {
                slides[page - 1].notesWords += block.words
            } else if onSlide.contains(block.kind) {
                slides[page - 1].words += block.words
                text.append(block.text)
                if slides[page - 1].title.isEmpty && (block.kind == .heading || block.words > 0) {
                    let words = block.text.split(whereSeparator: { $0.isWhitespace })
                    slides[page - 1].title = words.prefix(10).joined(separator: " ") + (words.count > 10 ? "…" : "")
                    if block.kind == .heading, references?.matches(folded: HeadingText.normalise(block.text)) == true { slides[page - 1].isReferences = true }
                }
            }
        }
        self.slides = slides
        dense = slides.filter { $0.words > threshold && !$0.isReferences }
        densest = Array(slides.filter { $0.words > 0 }.sorted { ($0.words, -$0.number) > ($1.words, -$1.number) }.prefix(3))
        slideWords = slides.reduce(0) { $0 + $1.words }
        notesWords = slides.reduce(0) { $0 + $1.notesWords }
        slideKey = TextKey.fold(text.joined(separator: " "))
        slideKeyWords = slideKey.split(separator: " ").map(String.init)
    }
}
