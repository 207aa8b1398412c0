import AssessCore
import AssessLedger
import AssessTestSupport
import Foundation
import Testing

@Suite struct LedgerTests {
    let course = Course(programme: "P", cohort: "2026-27", anonymous: true, bands: Band.ukPostgraduate,
                        candidates: [Candidate(id: "C1", name: "A"), Candidate(id: "C2", name: "B")], assessments: [], directory: "/course")

    /// Results in which C1 has a first and second mark, an agreed mark and a late penalty.
    func results(agreed: Double) throws -> [AssessmentResults] {
        let first = MarkRecord(script: "C1", marker: "AB", role: .first, selections: [CriterionSelection(criterion: "a", level: "Merit", points: 65)],
                               mark: 65, source: SheetRow(file: "/course/assessments/e/marks/AB.csv", row: 2))
        let second = MarkRecord(script: "C1", marker: "CD", role: .second, selections: [CriterionSelection(criterion: "a", level: "Pass", points: 55)],
                                mark: 55, source: SheetRow(file: "/course/assessments/e/marks/CD.csv", row: 4))
        let marking = ScriptMarking(script: "C1", marks: [first, second], agreed: AgreedMark(script: "C1", mark: agreed, reason: "discussed", source: SheetRow(file: "agreed.csv", row: 2)),
                                    finalMark: agreed, resolution: .agreed, discrepancy: "different bands")
        let rubric = ProcessorResult(processor: "rubric", metrics: ["mark": .number(agreed), "band": "Merit"], restricted: ["marking": try JSONValue(encoding: marking)])
        let late = AppliedPenalty(kind: .late, rule: "5 marks per day", reason: "1 day late", deduction: 5)
        let penalties = ProcessorResult(processor: "penalties", metrics: ["mark": .number(agreed - 5), "penalties": try JSONValue(encoding: [late])])
        let assessment = Assessment(id: "e", title: "Essay", module: "M", kind: .written)
        return [AssessmentResults(assessment: assessment, submissions: [
            SubmissionResult(candidateID: "C1", status: .processed, processors: [rubric, penalties]),
            SubmissionResult(candidateID: "C2", status: .notSubmitted),
        ])]
    }

    @Test func marksThatChangeAreKeptAsHistory() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Ledger(path: directory.path + "/ledger.sqlite")
        for agreed in [62.0, 62, 64] {
            try ledger.record(LedgerRun(startedAt: Date(), finishedAt: Date(), course: course, results: try results(agreed: agreed),
                                        archives: ["C1": "abc", "C2": "def"], archiveDirectory: "/out/feedback"))
        }
        #expect(try ledger.runCount() == 3)
        #expect(try ledger.consistencyProblems() == [])
        let history = try ledger.history(candidate: "C1")
        #expect(history.map(\.run) == [1, 3])
        #expect(history.map(\.mark) == [57, 59])
        #expect(history.first?.marking == "agreed")
        #expect(history.first?.details == [
            "first mark 65 by AB (AB.csv row 2)", "second mark 55 by CD (CD.csv row 4)", "agreed 62: discussed", "late penalty −5: 1 day late",
        ])
        #expect(try ledger.history(candidate: "C1", all: true).count == 3)
        #expect(try ledger.history(candidate: "C2").map(\.status) == ["not_submitted"])
        // Reopening finds the same ledger: the schema is not created twice.
        #expect(try Ledger(path: directory.path + "/ledger.sqlite").runCount() == 3)
    }

    @Test func aFileThatIsNotALedgerIsAnError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/ledger.sqlite"
        try Data("not a database at all, just text that is long enough to look like a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.self) { try Ledger(path: path) }
    }
}
