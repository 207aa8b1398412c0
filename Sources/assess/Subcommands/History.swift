import ArgumentParser
import AssessCore
import AssessLedger
import Foundation

extension Assess {
    /// `assess history`: a candidate's marks over time, from the ledger.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a candidate's marks over time, from the ledger of earlier runs.",
            discussion: "Reads OUT/ledger.sqlite and prints, per assessment, every run in which the candidate's mark, band, status or the marks behind it changed.")

        @Argument(help: "The course folder.") var courseDirectory: String
        @Argument(help: "The candidate's id.") var candidate: String
        @Option(help: "The output folder holding ledger.sqlite (default: COURSE_DIR/out).") var out: String?
        @Flag(help: "Show every run, changed or not.") var all = false

        func run() throws {
            let path = (out ?? courseDirectory + "/out") + "/ledger.sqlite"
            guard FileManager.default.fileExists(atPath: path) else {
                printError("error: no ledger at \(path); run 'assess run \(courseDirectory)' first")
                throw ExitStatus.invalid
            }
            let entries: [LedgerMark]
            do { entries = try Ledger(path: path).history(candidate: candidate, all: all) } catch {
                printError("error: \(error)")
                throw ExitStatus.invalid
            }
            guard !entries.isEmpty else {
                printError("error: the ledger has no result for '\(candidate)'")
                throw ExitStatus.invalid
            }
            var current = ""
            for entry in entries {
                if entry.assessment != current {
                    print(entry.assessment)
                    current = entry.assessment
                }
                let mark = entry.mark.map { "mark \(markText($0))\(entry.band.map { " (\($0))" } ?? "")" } ?? "no mark"
                print("  run \(entry.run)  \(entry.recordedAt)  \(entry.status)  \(mark)\(entry.marking.map { "  [\($0)]" } ?? "")")
                for detail in entry.details { print("      \(detail)") }
            }
        }
    }
}
