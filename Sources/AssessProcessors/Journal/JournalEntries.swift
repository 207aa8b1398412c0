import AssessDocuments

/// One dated entry of a reflective journal.
struct JournalEntry: Sendable, Equatable {
    /// The date as written.
    var written: WrittenDate
    /// The day, with the year worked out when it was not written.
    var date: CalendarDay
    /// Whether the year was known (written, or worked out from other dates or the deadline).
    var yearKnown: Bool
    /// Whether the year was worked out rather than written.
    var yearInferred: Bool
    /// The heading, or the first words after the date.
    var title: String
    /// Words of the entry's text (the date and headings not counted).
    var words: Int
    /// Position in the document, from 0.
    var position: Int

    /// `2026-10-12`, or `--10-12` (ISO 8601's month and day) when the year is unknown.
    var iso: String { yearKnown ? date.iso : "-" + date.iso.dropFirst(4) }
    /// `12 October 2026`, or `12 October` when the year is unknown.
    var label: String { yearKnown ? date.long : "\(date.day) \(UKDate.monthNames[date.month - 1])" }
}

/// Splits a journal into dated entries.
///
/// An entry starts at a heading that holds a date anywhere ("Entry 4 – 12 October
/// 2026"), or at a paragraph, list item or table cell that starts with one ("12/10/2026:
/// …", "Monday 12th October – …"). A leading date without a year or weekday must be
/// followed by a mark (":", "–", ",") or stand alone, so "12 October was the day…" in
/// running text starts nothing. An entry runs to the next entry, or to a heading without
/// a date at the entry headings' level or above; text outside entries is undated.
/// References and appendices are neither.
struct JournalEntries {
    private(set) var entries: [JournalEntry] = []
    /// Words of body text outside any dated entry.
    private(set) var undatedWords = 0
    /// Where the undated text is: its headings or first words.
    private(set) var undatedPlaces: [String] = []

    init(_ blocks: [Block], deadline: CalendarDay?) {
        var drafts: [(written: WrittenDate, title: String, words: Int)] = []
        var open = false
        var entryLevel: Int?
        var undatedHere = 0
        var place: String?
        func closeUndated() {
            if undatedHere > 0 { undatedPlaces.append(place ?? "the start") }
            undatedHere = 0
            place = nil
        }
        for block in blocks {
            // Main text only: footnotes, text boxes and comments follow it in reading order.
            guard [.heading, .paragraph, .listItem, .tableCell, .caption].contains(block.kind) else { continue }
            if block.section == .references || block.section == .appendix {
                open = false
                continue
            }
            if block.kind == .heading {
                guard (block.level ?? 1) > 0 else { continue }
                if let date = UKDate.first(in: block.text) {
                    closeUndated()
                    // A heading that is only the date leaves the entry to be named by its first words.
                    let onlyDate = UKDate.leading(block.text).map { String(block.text.dropFirst($0.length)).trimming(marks: " :–—-,.()|\t").isEmpty } ?? false
                    drafts.append((date, onlyDate ? "" : block.text.trimmingWhitespace(), 0))
                    open = true
                    entryLevel = entryLevel ?? block.level ?? 1
                } else if open, (block.level ?? 1) <= (entryLevel ?? .max) {
                    open = false
                    closeUndated()
                    place = "“\(block.text.trimmingWhitespace())”"
                } else if !open {
                    closeUndated()
                    place = "“\(block.text.trimmingWhitespace())”"
                }
                continue
            }
            if let date = UKDate.leading(block.text), Self.startsEntry(date, in: block.text) {
                closeUndated()
                let rest = String(block.text.dropFirst(date.length)).trimming(marks: " :–—-,.)|\t")
                let dateWords = WordCounter.count(String(block.text.prefix(date.length)))
                drafts.append((date, Self.opening(rest), max(0, block.words - dateWords)))
                open = true
                continue
            }
            if open, !drafts.isEmpty {
                drafts[drafts.count - 1].words += block.words
                if drafts[drafts.count - 1].title.isEmpty { drafts[drafts.count - 1].title = Self.opening(block.text) }
            } else if block.section == .body {
                if undatedHere == 0 && place == nil { place = "“" + block.text.split(separator: " ").prefix(6).joined(separator: " ") + "…”" }
                undatedHere += block.words
                undatedWords += block.words
            }
        }
        closeUndated()
        entries = Self.resolve(drafts, deadline: deadline)
    }

    /// The first eight words, to name an entry that has no heading.
    static func opening(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.prefix(8).joined(separator: " ") + (words.count > 8 ? "…" : "")
    }

    /// A leading date starts an entry when it has a year or a weekday, or a mark or
    /// nothing follows it.
    static func startsEntry(_ date: WrittenDate, in text: String) -> Bool {
        if date.year != nil || date.weekday != nil { return true }
        let rest = text.dropFirst(date.length).drop { $0 == " " }
        guard let next = rest.first else { return true }
        return ":–—-,.)|\t\n".contains(next)
    }

    /// Works out missing years: from the weekday when one was written ("Monday 12th
    /// October" is 2026), else moving forward from the entry before (an entry in January
    /// after one in December is in the next year), else the latest year that is not
    /// after the deadline. With no year written anywhere and no deadline, the year stays
    /// unknown and only day-and-month order is used.
    static func resolve(_ drafts: [(written: WrittenDate, title: String, words: Int)], deadline: CalendarDay?) -> [JournalEntry] {
        let anchor = drafts.lazy.compactMap(\.written.year).first ?? deadline?.year
        var previous: CalendarDay?
        var result: [JournalEntry] = []
        for (position, draft) in drafts.enumerated() {
            let written = draft.written
            var day: CalendarDay?
            var inferred = false
            if let year = written.year {
                day = CalendarDay(year: year, month: written.month, day: written.day)
            } else {
                inferred = true
                let base = previous?.year ?? anchor ?? 2001
                let candidates = [base, base + 1, base - 1].compactMap { CalendarDay(year: $0, month: written.month, day: written.day) }
                if let weekday = written.weekday, let match = candidates.first(where: { $0.weekday == weekday }) {
                    day = match
                } else if let previous {
                    day = candidates.sorted().first { $0.ordinal >= previous.ordinal - 31 } ?? candidates.first
                } else if let deadline {
                    day = candidates.sorted().last { $0 <= deadline } ?? candidates.first
                } else {
                    day = candidates.first
                }
            }
            guard let day else { continue }
            previous = day
            result.append(JournalEntry(written: written, date: day, yearKnown: written.year != nil || anchor != nil, yearInferred: inferred,
                                       title: draft.title, words: draft.words, position: position))
        }
        return result
    }
}
