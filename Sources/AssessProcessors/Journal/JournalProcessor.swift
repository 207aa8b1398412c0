import AssessCore
import AssessDocuments

/// Checks a reflective journal kept across the year (the leadership module runs all
/// year): its entries are found by their dates, then counted, measured and spaced out
/// against the minimums the module sets. Markers otherwise page through the journal
/// with a calendar; students learn early that entries written in one weekend show.
struct JournalProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "journal",
        name: "Reflective journal",
        summary: "Finds a journal's dated entries (dates in headings or starting a paragraph, in UK formats such as 12 October 2026, 12/10/2026, Monday 12th October, 2026-10-12) and checks their number, words per entry, gaps between entries, spread across months and dates after the deadline.",
        passingExamples: passingExamples,
        flaggedExamples: flaggedExamples
    )

    /// How entries must be spread: over at least so many months or weeks.
    enum Spread: Sendable, Equatable {
        case months(Int), weeks(Int)
    }

    let minimumEntries: Int?
    let minimumWords: Int?
    let maximumGap: Int?
    let spread: Spread?

    /// Body words outside dated entries from which the journal is flagged.
    static let undatedAllowance = 50

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["min_entries", "min_words_per_entry", "max_gap_days", "spread"])
        minimumEntries = try fields.int("min_entries", in: 1...1000)
        minimumWords = try fields.int("min_words_per_entry", in: 1...100_000)
        maximumGap = try fields.int("max_gap_days", in: 1...3650)
        if let spreadFields = try fields.fields("spread") {
            try spreadFields.allowOnly(["months", "weeks"])
            let months = try spreadFields.int("months", in: 1...120)
            let weeks = try spreadFields.int("weeks", in: 1...520)
            switch (months, weeks) {
            case (let months?, nil): spread = .months(months)
            case (nil, let weeks?): spread = .weeks(weeks)
            default:
                throw ConfigurationError("'spread' needs exactly one of months or weeks, e.g. spread: {months: 6}", at: spreadFields.location)
            }
        } else {
            spread = nil
        }
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let deadline = submission.assessment.deadline.map(CalendarDay.init)
        let journal = JournalEntries(submission.documents.flatMap { $0.text.blocks }, deadline: deadline)
        let entries = journal.entries
        let sorted = entries.sorted { ($0.date, $0.position) < ($1.date, $1.position) }
        let late = deadline.map { deadline in sorted.filter { $0.date > deadline } } ?? []
        let onTime = deadline.map { deadline in sorted.filter { $0.date <= deadline } } ?? sorted
        let short = minimumWords.map { minimum in entries.filter { $0.words < minimum } } ?? []
        let gaps = zip(sorted, sorted.dropFirst()).map { (from: $0, to: $1, days: $1.date.ordinal - $0.date.ordinal) }
        let longGaps = maximumGap.map { maximum in gaps.filter { $0.days > maximum } } ?? []
        let months = Set(onTime.map(\.date.monthKey)).count
        let weeks = Set(onTime.map { Self.week(of: $0.date) }).count
        let outOfOrder = zip(entries, entries.dropFirst()).first { $1.date < $0.date }

        var findings: [Finding] = []
        if entries.isEmpty {
            var message = "No dated entries were found; start each entry with its date, as a heading or at the start of its first line (e.g. \"12 October 2026\" or \"12/10/2026\")."
            if let minimumEntries { message += " At least \(minimumEntries) are expected." }
            findings.append(Finding("journal.no_entries", .attention, message))
        } else {
            if let minimumEntries, onTime.count < minimumEntries {
                findings.append(Finding("journal.too_few_entries", .warning,
                    "\(count(onTime.count, "dated entry", plural: "dated entries"))\(deadline == nil ? "" : " by the deadline"), fewer than the \(minimumEntries) expected."))
            }
            if let minimumWords, !short.isEmpty {
                findings.append(Finding("journal.short_entry", .warning,
                    "\(count(short.count, "entry", plural: "entries")) \(short.count == 1 ? "has" : "have") fewer than \(groupedDigits(minimumWords)) words: \(list(short.map { "\($0.label) (\($0.words))" }, limit: 5))."))
            }
            if let maximumGap, !longGaps.isEmpty {
                findings.append(Finding("journal.long_gap", .warning,
                    "\(count(longGaps.count, "gap")) between entries \(longGaps.count == 1 ? "is" : "are") longer than \(maximumGap) days: \(list(longGaps.map { "\($0.from.label) to \($0.to.label) (\($0.days) days)" }, limit: 5))."))
            }
            switch spread {
            case .months(let minimum)? where months < minimum:
                findings.append(Finding("journal.narrow_spread", .warning, "Entries fall in \(count(months, "month")); they should be spread over at least \(minimum)."))
            case .weeks(let minimum)? where weeks < minimum:
                findings.append(Finding("journal.narrow_spread", .warning, "Entries fall in \(count(weeks, "week")); they should be spread over at least \(minimum)."))
            default:
                break
            }
            if let deadline, !late.isEmpty {
                findings.append(Finding("journal.entry_after_deadline", .warning,
                    "\(count(late.count, "entry", plural: "entries")) \(late.count == 1 ? "is" : "are") dated after the deadline (\(deadline.long)): \(list(late.map(\.label), limit: 5)); check for a mistyped date."))
            }
            if let (before, after) = outOfOrder {
                findings.append(Finding("journal.out_of_order", .info,
                    "The entry dated \(after.label) comes after the one dated \(before.label); check for a mistyped date."))
            }
        }
        if !entries.isEmpty && journal.undatedWords >= Self.undatedAllowance {
            findings.append(Finding("journal.undated_text", .info,
                "\(groupedDigits(journal.undatedWords)) words are outside any dated entry (at \(list(journal.undatedPlaces, limit: 3))); give each entry its date."))
        }

        let wordsPerEntry = entries.map(\.words).sorted()
        let metrics: [String: JSONValue] = [
            "entries": .int(entries.count),
            "entries_by_deadline": deadline == nil ? .null : .int(onTime.count),
            "entry_list": .array(sorted.map { ["date": .string($0.iso), "words": .int($0.words), "title": .string($0.title)] }),
            "first_entry": sorted.first.map { .string($0.iso) } ?? .null,
            "last_entry": sorted.last.map { .string($0.iso) } ?? .null,
            "shortest_entry": wordsPerEntry.first.map(JSONValue.int) ?? .null,
            "longest_entry": wordsPerEntry.last.map(JSONValue.int) ?? .null,
            "median_entry_words": wordsPerEntry.isEmpty ? .null : .int(wordsPerEntry[wordsPerEntry.count / 2]),
            "longest_gap_days": gaps.map(\.days).max().map(JSONValue.int) ?? .null,
            "months": .int(months),
            "weeks": .int(weeks),
            "short_entries": .array(short.map { .string($0.iso) }),
            "long_gaps": .array(longGaps.map { ["from": .string($0.from.iso), "to": .string($0.to.iso), "days": .int($0.days)] }),
            "after_deadline": .array(late.map { .string($0.iso) }),
            "undated_words": .int(journal.undatedWords),
        ]
        let columns = [
            ProcessorResult.Column("entries", String(entries.count)),
            ProcessorResult.Column("first_entry", sorted.first?.iso ?? ""),
            ProcessorResult.Column("last_entry", sorted.last?.iso ?? ""),
            ProcessorResult.Column("longest_gap_days", gaps.map(\.days).max().map(String.init) ?? ""),
            ProcessorResult.Column("short_entries", String(short.count)),
            ProcessorResult.Column("entry_months", String(months)),
            ProcessorResult.Column("undated_words", String(journal.undatedWords)),
        ]
        let feedback = report(journal, sorted: sorted, onTime: onTime.count, months: months, weeks: weeks, deadline: deadline, wordsPerEntry: wordsPerEntry)
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings, feedback: [feedback])
    }

    /// Weeks counted from Monday.
    static func week(of day: CalendarDay) -> Int {
        let shifted = day.ordinal + 3  // 1 January 1970 was a Thursday
        return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
    }
}

private extension JournalProcessor {
    func report(_ journal: JournalEntries, sorted: [JournalEntry], onTime: Int, months: Int, weeks: Int, deadline: CalendarDay?, wordsPerEntry: [Int]) -> FeedbackSection {
        guard let first = sorted.first, let last = sorted.last else {
            return FeedbackSection(title: "Reflective journal", summary: "No dated entries were found.",
                                   notes: [Self.howDatesAreFound])
        }
        var summary = "\(count(sorted.count, "dated entry", plural: "dated entries"))"
        summary += sorted.count == 1 ? ", on \(first.label)" : " from \(first.label) to \(last.label), in \(count(months, "month"))"
        let longest = zip(sorted, sorted.dropFirst()).map { $1.date.ordinal - $0.date.ordinal }.max()
        summary += longest.map { "; the longest gap between entries is \(count($0, "day"))." } ?? "."

        var facts = [FeedbackSection.Fact("Dated entries", groupedDigits(sorted.count), emphasis: minimumEntries.map { onTime < $0 } ?? false)]
        if let minimumEntries { facts.append(.init("Entries expected", "at least \(minimumEntries)\(deadline == nil ? "" : " by the deadline")")) }
        if let deadline { facts.append(.init("Deadline", deadline.long)) }
        if let shortest = wordsPerEntry.first, let longestEntry = wordsPerEntry.last {
            var value = "\(groupedDigits(shortest)) to \(groupedDigits(longestEntry)), median \(groupedDigits(wordsPerEntry[wordsPerEntry.count / 2]))"
            if let minimumWords { value += " (at least \(groupedDigits(minimumWords)) expected)" }
            facts.append(.init("Words per entry", value))
        }
        if let longest { facts.append(.init("Longest gap", count(longest, "day") + (maximumGap.map { " (at most \($0) expected)" } ?? ""), emphasis: maximumGap.map { longest > $0 } ?? false)) }
        switch spread {
        case .months(let minimum)?: facts.append(.init("Months with entries", "\(months) (at least \(minimum) expected)", emphasis: months < minimum))
        case .weeks(let minimum)?: facts.append(.init("Weeks with entries", "\(weeks) (at least \(minimum) expected)", emphasis: weeks < minimum))
        case nil: facts.append(.init("Months with entries", String(months)))
        }

        var rows: [[String]] = []
        var previous: CalendarDay?
        for entry in sorted {
            var notes: [String] = []
            if let minimumWords, entry.words < minimumWords { notes.append("shorter than \(groupedDigits(minimumWords)) words") }
            if let previous, let maximumGap, entry.date.ordinal - previous.ordinal > maximumGap { notes.append("long gap before") }
            if let deadline, entry.date > deadline { notes.append("after the deadline") }
            if entry.yearInferred && entry.yearKnown { notes.append("year not written; taken as \(entry.date.year)") }
            rows.append([entry.label, entry.title, groupedDigits(entry.words), previous.map { String(entry.date.ordinal - $0.ordinal) } ?? "—", notes.joined(separator: "; ")])
            previous = entry.date
        }
        var notes = [Self.howDatesAreFound]
        if journal.undatedWords > 0 {
            notes.append("\(groupedDigits(journal.undatedWords)) words are outside any dated entry (at \(list(journal.undatedPlaces, limit: 3))).")
        }
        if sorted.contains(where: { !$0.yearKnown }) {
            notes.append("No year is written and the assessment has no deadline, so dates are shown without a year.")
        }
        return FeedbackSection(title: "Reflective journal", summary: summary, facts: facts,
                               table: .init(caption: "Entries by date", columns: ["Date", "Entry", "Words", "Days since previous", "Note"], rows: rows),
                               notes: notes)
    }

    static let howDatesAreFound = "Entries are found by their dates, in a heading or at the start of the entry's first line, written the UK way: 12 October 2026, 12/10/2026 (day first), Monday 12th October or 2026-10-12."
}
