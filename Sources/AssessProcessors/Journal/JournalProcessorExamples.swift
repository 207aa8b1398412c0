import AssessCore

extension JournalProcessor {
    static let passingExamples: [Example] = [
        // Dates in headings; the second has no year, and its weekday says 2026.
        Example("""
            # Reflective journal

            ## 12 October 2026

            Today I led my first team huddle on the ward.

            ## Monday 9th November

            The roll-out board asked hard questions about training.

            ## 14/12/2026

            Looking back, I listened more than I spoke this month.
            """, configuration: ["min_entries": 3, "min_words_per_entry": 5, "max_gap_days": 40, "spread": ["months": 3]],
            deadline: "2027-01-15", metrics: ["entries": 3, "first_entry": "2026-10-12", "last_entry": "2026-12-14", "longest_gap_days": 35]),
        // Dates starting paragraphs and table rows, ISO and short month names.
        Example("""
            12/10/2026: Met the digital lead about the roll-out plan.

            2026-10-20 – Shadowed the chief clinical information officer today.

            | Date | Reflection |
            |---|---|
            | 3 Nov 2026 | Chaired the project board for the first time. |
            """, configuration: ["min_entries": 3], metrics: ["entries": 3, "months": 2]),
        // "12 October was…" in running text is not a new entry.
        Example("""
            ## Entry 1 – 5 October 2026

            The go-live was set. 12 October was the day we agreed, after a long debate.
            """, metrics: ["entries": 1, "undated_words": 0]),
    ]

    static let flaggedExamples: [Example] = [
        Example("""
            ## Week 1

            I reflected on leadership styles and my own habits in meetings.
            """, configuration: ["min_entries": 3], expect: ["journal.no_entries"]),
        Example("""
            ## 1 October 2026

            First entry.

            ## 8 October 2026

            Second entry.
            """, configuration: ["min_entries": 3], expect: ["journal.too_few_entries"]),
        Example("""
            ## 1 October 2026

            A long enough reflection on the week.

            ## 8 October 2026

            Too short.
            """, configuration: ["min_words_per_entry": 5], expect: ["journal.short_entry"], metrics: ["short_entries": ["2026-10-08"]]),
        Example("""
            ## 1 October 2026

            Started the module.

            ## 20 December 2026

            Picked it up again.
            """, configuration: ["max_gap_days": 30], expect: ["journal.long_gap"], metrics: ["longest_gap_days": 80]),
        Example("""
            ## 1 October 2026

            One.

            ## 8 October 2026

            Two.

            ## 15 October 2026

            Three.
            """, configuration: ["spread": ["months": 3]], expect: ["journal.narrow_spread"], metrics: ["months": 1]),
        Example("""
            ## 10 January 2027

            Before the deadline.

            ## 20 January 2027

            After it.
            """, deadline: "2027-01-15", expect: ["journal.entry_after_deadline"], metrics: ["entries_by_deadline": 1, "after_deadline": ["2027-01-20"]]),
        Example("""
            This journal records my reflections on leading the electronic patient record roll-out across three community hospitals, written for the leadership module, with what I learnt about myself, my team and the organisation, and what I would do differently next time, with the feedback I received from colleagues and my mentor along the way.

            ## 12 October 2026

            First entry.
            """, expect: ["journal.undated_text"], metrics: ["undated_words": 53]),
        Example("""
            ## 12 November 2026

            One.

            ## 12 October 2026

            Two.
            """, expect: ["journal.out_of_order"]),
    ]
}
