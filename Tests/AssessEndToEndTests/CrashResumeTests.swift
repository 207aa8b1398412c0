import AssessCore
import AssessLedger
import AssessTestSupport
import Foundation
import Testing

/// A run killed at one point and started again at once finishes with outputs that are
/// byte-identical to an uninterrupted run, at every named point: before any output,
/// halfway through the feedback archives, before run.json, halfway through the
/// ledger's results, and just before the ledger commits.
@Suite(.serialized) struct CrashResumeTests {
    static let points = ["outputs.mid-archives", "outputs.before-run-json", "ledger.mid-results", "ledger.before-commit"]

    @Test func eachKillThenRerunGivesTheUninterruptedOutputs() throws {
        let directory = try TemporaryDirectory()
        let reference = directory.path + "/reference"
        #expect(try runAssess(["run", SamplesEndToEndTests.samples, "--out", reference, "--jobs", "2"]).status == 1)
        let expected = try snapshot(reference)
        #expect(expected.keys.contains { $0.hasPrefix("feedback/") })

        for (index, point) in Self.points.enumerated() {
            let out = directory.path + "/out\(index)"
            let killed = try runAssess(["run", SamplesEndToEndTests.samples, "--out", out], environment: ["ASSESS_FAULT": point])
            #expect(killed.signalled && killed.status == SIGKILL, "\(point)")
            #expect(try runAssess(["run", SamplesEndToEndTests.samples, "--out", out]).status == 1, "\(point)")
            let after = try snapshot(out)
            #expect(after.keys.sorted() == expected.keys.sorted(), "after a kill at \(point)")
            for (name, bytes) in expected where name != "run.json" {
                #expect(bytes == after[name], "\(name) differs from an uninterrupted run after a kill at \(point)")
            }
            #expect(try withoutTimings(after["run.json"]) == withoutTimings(expected["run.json"]), "\(point)")
            let ledger = try Ledger(path: out + "/ledger.sqlite")
            #expect(try ledger.consistencyProblems() == [], "\(point)")
            #expect(try ledger.runCount() == 1, "the run killed at \(point) left a row")
        }
    }
}
