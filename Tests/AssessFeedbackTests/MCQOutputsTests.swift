import AssessCore
import AssessDocuments
import AssessFeedback
import AssessTestSupport
import Foundation
import Testing

/// The streamed files of `assess mcq mark` hold exactly the rows the shared renderers
/// give, for every kind of cell (removed, given to all, negative, invalid, long ids).
@Suite struct MCQOutputsTests {
    @Test func streamedRowsEqualTheRenderedRows() throws {
        let directory = try TemporaryDirectory()
        try QuizBuilder.files([("test.yaml", """
            title: Streamed, "quoted"
            items: [B, AC, D, A, {item: Q5, fractions: {A: 100, B: -33.33333}}]
            negative_marking: 0.25
            changes:
              - {item: Q3, void: remove}
              - {item: Q4, void: give_all}
            """), ("responses.csv", "candidate_id,name,email,Q1,Q2,Q3,Q4,Q5\n=cmd,\"Doe, Jane\",j@x.org,A,ABC,D,X,B\nC2,,,B,AC,,,A\nC3,Lo,,BC,E,A,A,\n")], in: directory.path)
        let test = try MCQTest.load(path: directory.path + "/test.yaml")
        let scheme = MarkingScheme(test)
        let outputs = try MCQOutputs(directory: directory.path + "/out", scheme: scheme, title: test.title)
        var sheets: [MarkedSheet] = []
        let summary = try MCQMarking.mark(responses: directory.path + "/responses.csv", scheme: scheme) { sheet in
            sheets.append(sheet)
            try outputs.add(sheet)
        }
        try outputs.finish(MCQReport.Context(test: test, scheme: scheme, analysis: summary.analysis, responsesFile: "responses.csv", format: summary.format))
        func rows(_ name: String) throws -> [[String]] {
            let text = try String(contentsOfFile: directory.path + "/out/" + name, encoding: .utf8)
            return try CSVTable.parse(text, file: name).rows.map(\.fields)
        }
        let expected = sheets.map { MCQReport.resultsRow(candidateID: $0.candidateID, total: $0.total, points: $0.points, scheme: scheme) }
        #expect(try rows("results.csv") == expected.map { row in row.map { $0.first == "=" ? "'" + $0 : $0 } })
        // Q1 wrong: −0.25; Q2 A+C−B: 0.5; Q3 removed; Q4 given to all; Q5 B: its own −33.33333% is below the penalty.
        #expect(expected[0] == ["=cmd", "0.9167", "4", "22.92", "-0.25", "0.5", "", "1", "-0.3333"])
        let entries = sheets.map { GradebookExport.Entry(candidateID: $0.candidateID, name: $0.name, email: $0.email, points: $0.total, maximum: scheme.maximum) }
        #expect(try rows("lms/moodle-grading-worksheet.csv") == entries.map(GradebookExport.moodleRow).map { $0.map { $0.first == "=" ? "'" + $0 : $0 } })
        #expect(try rows("lms/canvas-gradebook.csv").dropFirst() == entries.map(GradebookExport.canvasRow).map { $0.map { $0.first == "=" ? "'" + $0 : $0 } }[...])
    }
}
