import AssessCore
import AssessDocuments
import AssessLedger
import AssessTestSupport
import Foundation
import Testing

/// Runs `assess` with an environment variable set and waits; a process killed by a
/// signal reports the signal number as its status.
func runAssess(_ arguments: [String], environment: [String: String] = [:], killAfter delay: Double? = nil) throws -> (status: Int32, signalled: Bool) {
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if let delay {
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
}

@Suite(.serialized) struct LedgerCrashTests {
    /// Killed at named points and at arbitrary moments, a run leaves no half-written run
    /// in the ledger, and the next run's outputs are those of an uninterrupted run.
    @Test func aKilledRunLeavesTheLedgerConsistentAndARerunGivesTheSameOutputs() throws {
        let directory = try TemporaryDirectory()
        let reference = directory.path + "/reference", out = directory.path + "/out"
        #expect(try runAssess(["run", SamplesEndToEndTests.samples, "--out", reference, "--jobs", "2"]).status == 1)
        let expected = try snapshot(reference)

        var completed = 0
        for point in ["outputs.before-run-json", "ledger.mid-results", "ledger.before-commit"] {
            let outcome = try runAssess(["run", SamplesEndToEndTests.samples, "--out", out], environment: ["ASSESS_FAULT": point])
            #expect(outcome.signalled && outcome.status == SIGKILL, "\(point)")
            if FileManager.default.fileExists(atPath: out + "/ledger.sqlite") {
                let ledger = try Ledger(path: out + "/ledger.sqlite")
                #expect(try ledger.consistencyProblems() == [], "\(point)")
                #expect(try ledger.runCount() == completed, "a run killed at \(point) was recorded")
            }
        }
        for delay in [0.05, 0.2, 0.5, 1.0] {
            let outcome = try runAssess(["run", SamplesEndToEndTests.samples, "--out", out], killAfter: delay)
            if FileManager.default.fileExists(atPath: out + "/ledger.sqlite") {
                let ledger = try Ledger(path: out + "/ledger.sqlite")
                #expect(try ledger.consistencyProblems() == [], "killed after \(delay) s")
                // Finished, or killed after its commit (while printing): recorded whole. Otherwise not at all.
                let runs = try ledger.runCount()
                #expect(runs == completed || runs == completed + 1, "killed after \(delay) s")
                if !outcome.signalled { #expect(runs == completed + 1) }
                completed = runs
            }
        }

        #expect(try runAssess(["run", SamplesEndToEndTests.samples, "--out", out]).status == 1)
        let after = try snapshot(out)
        #expect(after.keys.sorted() == expected.keys.sorted())
        for (name, bytes) in expected where name != "run.json" { #expect(bytes == after[name], "\(name) differs from an uninterrupted run") }
        #expect(try withoutTimings(after["run.json"]) == withoutTimings(expected["run.json"]))
        let ledger = try Ledger(path: out + "/ledger.sqlite")
        #expect(try ledger.consistencyProblems() == [])
        #expect(try ledger.runCount() == completed + 1)
    }
}

@Suite(.serialized) struct MarkingCommandTests {
    @Test func historyShowsACandidatesMarksAndTheirSources() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path])
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path])
        let history = try CLI.run(["history", SamplesEndToEndTests.samples, "C1005", "--out", directory.path])
        #expect(history.status == 0, "\(history.stderr)")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "hit-briefing-paper")
        // Unchanged in the second run: one line per assessment.
        let assessments = lines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }.count
        #expect(assessments >= 2)
        #expect(lines.filter { $0.hasPrefix("  run ") }.count == assessments)
        #expect(history.stdout.contains("mark 50 (Pass)  [agreed]"))
        #expect(history.stdout.contains("first mark 62 by AB (AB.csv row 6)"))
        #expect(history.stdout.contains("agreed 60: First and second markers met"))
        #expect(history.stdout.contains("over_length penalty −10"))
        #expect(try CLI.run(["history", SamplesEndToEndTests.samples, "C1005", "--out", directory.path, "--all"]).stdout.split(separator: "\n").filter { $0.hasPrefix("  run ") }.count == 2 * assessments)
        #expect(try CLI.run(["history", SamplesEndToEndTests.samples, "NOBODY", "--out", directory.path]).status == 2)
    }

    @Test func markersMarksStayOutOfStudentsArchives() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path, "--draft"])
        let archive = try ZipArchive(path: directory.path + "/feedback/C1005.zip")
        let feedback = String(decoding: try archive.read("hs-process-evaluation/feedback.json"), as: UTF8.self)
        #expect(!feedback.contains("restricted"))
        #expect(!feedback.contains("AB.csv"))
        #expect(feedback.contains("\"mark\" : 60"))
        let page = String(decoding: try archive.read("hs-process-evaluation/feedback.html"), as: UTF8.self)
        #expect(page.contains("Mark and rubric: Process evaluation of a digital health service"))
        #expect(page.contains("Over length"))
        let results = try String(contentsOfFile: directory.path + "/hs-process-evaluation/results.json", encoding: .utf8)
        #expect(results.contains("\"restricted\""))
        #expect(results.contains("marks/AB.csv"))
        #expect(results.contains("Moderator's sample"))
        #expect(results.contains("Agreement between markers"))
    }

    @Test func marksheetsAreAnonymousAndPrefilled() throws {
        let directory = try TemporaryDirectory()
        let outcome = try CLI.run(["marksheets", SamplesEndToEndTests.samples, "hs-process-evaluation", "--out", directory.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = directory.path + "/hs-process-evaluation/marksheets"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["AB.csv", "AB.yaml", "CD.csv", "CD.yaml"])
        let csv = try String(contentsOfFile: folder + "/AB.csv", encoding: .utf8)
        #expect(csv.hasPrefix("candidate_id,marker,role,words,penalty,flags,context,context_comment,framework,"))
        #expect(csv.contains("C1004,AB,first,2469,late: −10,penalties.late,"))
        #expect(csv.contains("C1005,AB,first,3104,over length: −10,wordcount.over_limit; penalties.over_length,"))
        #expect(csv.contains("C1010,AB,second,2311,"))
        #expect(!csv.contains("Mei-Ling"))  // anonymous course: no names
        #expect(try CLI.run(["marksheets", SamplesEndToEndTests.samples, "nope"]).status == 2)
    }

    @Test func aBadSheetFailsValidationAndIsLeftOutOfARun() throws {
        let course = try CourseBuilder()
        try course.write("rubrics/essay.yaml", """
            title: Essay
            out_of: 100
            criteria:
              - {id: analysis, title: Analysis, levels: [{name: Pass, points: 55}, {name: Merit, points: 65}]}
            """)
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nrubric: essay\nprocessors:\n  rubric: {}\n")
        try course.submit("essay", "C1", CourseBuilder.essay(words: 50))
        try course.submit("essay", "C2", CourseBuilder.essay(words: 50))
        try course.write("assessments/essay/marks/AB.csv", "candidate_id,marker,role,analysis\nC1,AB,first,Merit\n")
        try course.write("assessments/essay/marks/CD.csv", "candidate_id,marker,role,analysis\nC2,CD,first,Merrit\n")
        let validate = try CLI.run(["validate", course.path])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("assessments/essay/marks/CD.csv:2:4: 'analysis' (column D): 'Merrit' is not a level of 'analysis'; use one of: Pass, Merit"))
        let run = try CLI.run(["run", course.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("rubric.invalid_input"))
        let csv = try String(contentsOfFile: course.path + "/out/essay/results.csv", encoding: .utf8)
        #expect(csv.contains("C1,processed,essay.docx,65,Merit,65,"))
        #expect(csv.contains("C2,processed,essay.docx,,,,"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: course.path + "/out/run.json"))) as? [String: Any]
        let attention = summary?["needs_attention"] as? [[String: Any]]
        #expect(attention?.contains { ($0["message"] as? String)?.contains("CD.csv:2:4") == true } == true)
        // A rubric with a problem is reported by validate, on its own or in its folder.
        try course.write("rubrics/broken.yaml", "title: Broken\ncriteria:\n  - {id: a, title: A, maximum: -1}\n")
        let rubric = try CLI.run(["validate", course.path + "/rubrics/broken.yaml"])
        #expect(rubric.status == 2)
        #expect(rubric.stderr.contains("broken.yaml:3:32: the maximum of 'a' must be a positive number, not -1"))
        #expect(try CLI.run(["validate", course.path + "/rubrics"]).status == 2)
        #expect(try CLI.run(["validate", course.path + "/rubrics/essay.yaml"]).stdout.contains("valid rubric 'essay' with 1 criteria"))
    }
}
