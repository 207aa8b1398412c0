import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// `assess mcq mark` and an MCQ assessment in `assess run`, as a user runs them.
@Suite struct MCQCommandTests {
    static let responses = "candidate_id,Q1,Q2,Q3,Q4\nC1,B,C,A,D\nC2,B,C,A,B\nC3,B,A,A,D\nC4,A,C,B,B\nC5,b,C,,A\n"

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func markWritesTheContractFilesAndJSON() throws {
        let directory = try TemporaryDirectory()
        try QuizBuilder.files([("key.yaml", "title: Unit test\nitems: [B, C, A, D]\n"), ("responses.csv", Self.responses)], in: directory.path)
        let out = directory.path + "/out"
        let outcome = try CLI.run(["mcq", "mark", "--key", directory.path + "/key.yaml", "--responses", directory.path + "/responses.csv", "--out", out, "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(Set(summary.keys) == ["candidates", "questions", "mean", "sd", "cic", "error_ratio", "standard_error"])
        #expect(summary["candidates"] as? Int == 5)
        #expect(summary["questions"] as? Int == 4)
        #expect(summary["mean"] as? Double == 65)

        let results = try lines(out + "/results.csv")
        #expect(results[0] == "candidate_id,score,max_score,percent,Q1,Q2,Q3,Q4")
        #expect(results[1] == "C1,4,4,100.00,1,1,1,1")
        #expect(results[5] == "C5,2,4,50.00,1,1,0,0")
        let analysis = try lines(out + "/item-analysis.csv")
        #expect(analysis[0] == "item,facility,sd,discrimination_index,discriminative_efficiency,A,B,C,D,flags")
        #expect(analysis[1].hasPrefix("Q1,80.00,44.72,"))
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("<svg") && report.contains("Score distribution") && !report.contains("<script"))
        let worksheet = try lines(out + "/lms/moodle-grading-worksheet.csv")
        #expect(worksheet[0] == "Identifier,Full name,Email address,Status,Grade,Maximum Grade,Grade can be changed,Last modified (submission),Last modified (grade),Feedback comments")
        #expect(worksheet[1] == "Participant C1,C1,,Submitted for grading,4.00,4.00,Yes,,,")
        let canvas = try lines(out + "/lms/canvas-gradebook.csv")
        #expect(canvas[0] == "Student,ID,SIS User ID,SIS Login ID,Section,Unit test")
        #expect(canvas[1] == "    Points Possible,,,,,4.00")

        // The same inputs give the same bytes.
        _ = try CLI.run(["mcq", "mark", "--key", directory.path + "/key.yaml", "--responses", directory.path + "/responses.csv", "--out", out + "2", "--quiet"])
        #expect(try snapshot(out) == snapshot(out + "2"))
    }

    @Test func answersThatNeedAPersonExitOneAndBadInputTwo() throws {
        let directory = try TemporaryDirectory()
        try QuizBuilder.files([("key.csv", "item,answer\nQ1,B\n"), ("responses.csv", "candidate_id,Q1\nC1,X\nC2,B\n"),
                               ("bad.csv", "who,Q1\nC1,B\n"), ("broken.xml", "<quiz><question")], in: directory.path)
        let flagged = try CLI.run(["mcq", "mark", "--key", directory.path + "/key.csv", "--responses", directory.path + "/responses.csv", "--out", directory.path + "/o"])
        #expect(flagged.status == 1)
        #expect(flagged.stderr.contains("1 answer(s) scored 0"))
        let noID = try CLI.run(["mcq", "mark", "--key", directory.path + "/key.csv", "--responses", directory.path + "/bad.csv", "--out", directory.path + "/o2"])
        #expect(noID.status == 2)
        #expect(noID.stderr.contains("bad.csv:1:1: no column names the candidate"))
        let badKey = try CLI.run(["mcq", "mark", "--key", directory.path + "/broken.xml", "--responses", directory.path + "/responses.csv"])
        #expect(badKey.status == 2)
        #expect(badKey.stderr.contains("not well-formed XML"))
        #expect(try CLI.run(["mcq", "mark", "--key", directory.path + "/key.csv"]).status == 2)
        #expect(try CLI.run(["mcq", "--help"]).stdout.contains("mark"))
    }

    @Test func runWritesMCQOutputsBesideTheArchives() throws {
        let course = try CourseBuilder()
        try course.assessment("quiz", "title: Quiz 1\nmodule: HIS\nkind: mcq\nprocessors:\n  mcq:\n    key: key.xml\n")
        try course.write("assessments/quiz/key.xml", QuizBuilder.moodleQuiz([
            QuizBuilder.multichoice("Q1", answers: [(0, "a"), (100, "b")]),
            QuizBuilder.multichoice("Q2", answers: [(100, "a"), (0, "b")]),
        ]))
        try course.write("assessments/quiz/responses.csv", "candidate_id,Q1,Q2\nC1,B,A\nC2,A,A\n")
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try lines(out + "/quiz/results.csv").prefix(3) == ["candidate_id,score,max_score,percent,Q1,Q2", "C1,2,2,100.00,1,1", "C2,1,2,50.00,0,1"])
        #expect(try lines(out + "/quiz/item-analysis.csv")[0] == "item,facility,sd,discrimination_index,discriminative_efficiency,A,B,flags")
        #expect(try lines(out + "/quiz/submissions.csv")[0].hasPrefix("candidate_id,status,files,score,max_score,percent"))
        #expect(FileManager.default.fileExists(atPath: out + "/quiz/report.html"))
        // The course's LMS exports carry the MCQ's mark (its percent score).
        let moodle = try lines(out + "/lms/quiz-moodle-grades.csv")
        #expect(moodle.count >= 4)  // a header and a row per roster candidate
        #expect(moodle.contains { $0.contains("Ada Lovelace") && $0.contains("100") })
        #expect(try lines(out + "/lms/quiz-canvas-grades.csv").contains { $0.contains("Zoë Müller") && $0.contains("50") })
        let archive = try ZipArchive(path: out + "/feedback/C2.zip")
        let html = String(decoding: try archive.read("quiz/feedback.html"), as: UTF8.self)
        #expect(html.contains("Your answers") && html.contains("You scored 1 of 2 marks"))
    }
}
