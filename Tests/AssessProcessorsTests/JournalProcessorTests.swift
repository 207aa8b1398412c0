import AssessCore
import AssessDocuments
@testable import AssessProcessors
import AssessTestSupport
import Testing

@Suite struct JournalProcessorTests {
    /// Dates at the start of a line, as day-month-year (nil year when not written).
    @Test(arguments: [
        ("12 October 2026", "12-10-2026"),
        ("12th October 2026", "12-10-2026"),
        ("12th of October 2026", "12-10-2026"),
        ("12 Oct 2026", "12-10-2026"),
        ("12 Oct. 2026", "12-10-2026"),
        ("12-Oct-26", "12-10-2026"),
        ("Monday 12th October", "12-10-nil"),
        ("Mon, 12 Oct 2026", "12-10-2026"),
        ("Thurs 15 Oct", "15-10-nil"),
        ("12/10/2026", "12-10-2026"),
        ("12/10/26", "12-10-2026"),
        ("12.10.2026", "12-10-2026"),
        ("1/2/2027", "1-2-2027"),
        ("10/13/2026", "13-10-2026"),
        ("2026-10-12", "12-10-2026"),
        ("October 12, 2026", "12-10-2026"),
        ("October 12th", "12-10-nil"),
        ("Date: 12 October 2026", "12-10-2026"),
        ("Entry 4 – 12/10/2026", "12-10-2026"),
        ("29/02/2028", "29-2-2028"),
        // Not dates.
        ("29/02/2027", "none"),
        ("31/09/2026", "none"),
        ("October 2026", "none"),
        ("32 October 2026", "none"),
        ("12/10", "none"),
        ("Monday: a hard day", "none"),
        ("Version 1.2.24", "none"),
    ])
    func readsUKDates(_ text: String, _ expected: String) {
        let found = UKDate.leading(text).map { "\($0.day)-\($0.month)-\($0.year.map(String.init) ?? "nil")" } ?? "none"
        #expect(found == expected, "\(text)")
    }

    @Test func monthFirstOnlyWhenDayFirstIsImpossible() throws {
        #expect(try #require(UKDate.leading("10/13/2026")).monthFirst)
        #expect(try #require(UKDate.leading("05/06/2026")).monthFirst == false)
    }

    @Test func calendarArithmetic() throws {
        let day = try #require(CalendarDay(year: 2026, month: 10, day: 12))
        #expect(day.weekday == 1)  // a Monday
        #expect(CalendarDay(ordinal: day.ordinal) == day)
        #expect(try #require(CalendarDay(year: 2027, month: 1, day: 1)).ordinal - day.ordinal == 81)
        #expect(CalendarDay(ordinal: 0).iso == "1970-01-01")
        #expect(try #require(CalendarDay(year: 2000, month: 2, day: 29)).iso == "2000-02-29")
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
    }

    func entries(_ markdown: String, deadline: CalendarDay? = nil) -> [String] {
        JournalEntries(MarkdownReader.read(markdown).blocks, deadline: deadline).entries.map(\.iso)
    }

    @Test func missingYearsAreWorkedOut() {
        // Moving forward across the new year.
        #expect(entries("## 14 December 2026\n\nA.\n\n## 5 January\n\nB.") == ["2026-12-14", "2027-01-05"])
        // From the weekday: 12 October was a Monday in 2026, not in 2025 or 2027.
        #expect(entries("## Monday 12th October\n\nA.", deadline: CalendarDay(year: 2027, month: 6, day: 30)) == ["2026-10-12"])
        // The latest year not after the deadline.
        #expect(entries("## 12 October\n\nA.", deadline: CalendarDay(year: 2027, month: 1, day: 15)) == ["2026-10-12"])
        #expect(entries("## 12 January\n\nA.", deadline: CalendarDay(year: 2027, month: 1, day: 15)) == ["2027-01-12"])
        // No year anywhere and no deadline: month and day only.
        #expect(entries("## 12 October\n\nA.") == ["--10-12"])
    }

    @Test func entriesEndAtUndatedHeadingsOfTheirLevel() throws {
        let type = try #require(builtInRegistry.type("journal"))
        let assessment = Assessment(id: "j", title: "J", module: "M", kind: .journal)
        let processor = try type.init(configuration: ProcessorConfiguration(["min_words_per_entry": 1], processor: "journal", assessment: assessment))
        let words = (1...60).map { "w\($0)" }.joined(separator: " ")
        let document = MarkdownReader.read("## 1 October 2026\n\nOne two three.\n\n### What I learnt\n\nFour five.\n\n## Final reflection\n\n\(words)\n\n# References\n\nSmith, J. (2020) Not journal text.")
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "j.md", text: document)]))
        #expect(result.findings.map(\.code) == ["journal.undated_text"])
        #expect(result.metrics["entry_list"] == [["date": "2026-10-01", "words": 5, "title": "One two three."]])
        #expect(result.metrics["undated_words"] == 60)
    }

    /// Through the DOCX reader: a journal kept in a table of dates and reflections, with
    /// a footnote that must not join the last entry.
    @Test func readsAJournalTableInDocx() throws {
        let rows = [("Date", "Reflection"), ("12/10/2026", "Chaired my first project board meeting."), ("Mon 19 Oct", "Met the pharmacists about training.")]
        var docx = DocxBuilder(body: DocxBuilder.paragraph("Reflective journal", style: "Title") + rows.map { DocxBuilder.table([$0.0, $0.1]) }.joined())
        docx.footnotes = [DocxBuilder.paragraph("A footnote of several words that is not an entry.")]
        let type = try #require(builtInRegistry.type("journal"))
        let assessment = Assessment(id: "j", title: "J", module: "M", kind: .journal)
        let processor = try type.init(configuration: ProcessorConfiguration([:], processor: "journal", assessment: assessment))
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "j.docx", text: try docx.read())]))
        #expect(result.metrics["entry_list"] == [
            ["date": "2026-10-12", "words": 6, "title": "Chaired my first project board meeting."],
            ["date": "2026-10-19", "words": 5, "title": "Met the pharmacists about training."],
        ])
        #expect(result.findings.isEmpty)
    }

    func make(_ yaml: String) throws -> any Processor {
        let type = try #require(builtInRegistry.type("journal"))
        let value = try YAMLLoader.parse(yaml, file: "assessment.yaml")
        return try type.init(configuration: ProcessorConfiguration(value, processor: "journal", assessment: Assessment(id: "j", title: "J", module: "M", kind: .journal)))
    }

    @Test(arguments: [
        ("min_entries: 0", "assessment.yaml:1:14: 'min_entries' in the options of 'journal' must be between 1 and 1000, not 0"),
        ("min_entries: ten", "assessment.yaml:1:14: 'min_entries' in the options of 'journal' must be a whole number, not text"),
        ("max_gap_days: 2.5", "assessment.yaml:1:15: 'max_gap_days' in the options of 'journal' must be a whole number, not a number"),
        ("spread: 6", "assessment.yaml:1:9: 'spread' in the options of 'journal' must be a mapping"),
        ("spread: {months: 6, weeks: 20}", "assessment.yaml:1:9: 'spread' needs exactly one of months or weeks"),
        ("spread: {days: 6}", "assessment.yaml:1:10: unknown key 'days' in 'spread' in the options of 'journal'"),
        ("min_words: 200", "assessment.yaml:1:1: unknown key 'min_words' in the options of 'journal'"),
    ])
    func configurationErrorsPointAtTheValue(_ yaml: String, _ expected: String) {
        #expect {
            try make(yaml)
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }
}
