import ArgumentParser
import AssessCore
import AssessFeedback
import AssessLedger
import AssessProcessors
import Foundation

extension Assess {
    /// `assess run`: the main job for a course directory.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process every assessment of a course and write feedback archives and reports.",
            discussion: """
                Reads COURSE_DIR/course.yaml, roster.csv and assessments/*/assessment.yaml, \
                processes each submission, and writes feedback/<candidate>.zip, \
                <assessment>/results.csv and run.json under the output folder.
                """)

        @Argument(help: "The course folder (holding course.yaml).") var courseDirectory: String
        @Option(help: "Where to write outputs (default: COURSE_DIR/out).") var out: String?
        @Option(help: "Submissions processed at once (default: the number of cores).") var jobs: Int?
        @Option(help: "Process only this assessment id; archives keep earlier results of the others.") var only: String?
        @Flag(help: "Print nothing but errors.") var quiet = false
        @Flag(help: "Write feedback whose marks are not yet complete and agreed too, watermarked DRAFT.") var draft = false
        @Flag(help: "Also print each feedback page to feedback.pdf with headless Chromium, when it is installed.") var pdf = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        }

        func run() async throws {
            let started = Date()
            let course: Course
            do {
                course = try CourseLoader(registry: builtInRegistry).load(directory: courseDirectory)
            } catch {
                for problem in error.errors { printError(problem.description) }
                throw ExitStatus.invalid
            }
            var selected = course.assessments
            if let only {
                selected = course.assessments.filter { $0.assessment.id == only }
                if selected.isEmpty {
                    printError("error: no assessment '\(only)'; the course has: \(course.assessments.map(\.assessment.id).joined(separator: ", "))")
                    throw ExitStatus.invalid
                }
            }
            let showProgress = !quiet && stderrIsTerminal
            let runner = Runner(course: course, jobs: jobs)
            var results: [AssessmentResults] = []
            let progress: Runner.Progress = { id, done, total in
                FileHandle.standardError.write(Data("\r\(id): \(done)/\(total) submissions".utf8))
            }
            for configured in selected {
                results.append(await runner.run(configured, progress: showProgress ? progress : nil))
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            }
            let outDirectory = out ?? (courseDirectory + "/out")
            var printer: PDFPrinter?
            if pdf {
                printer = PDFPrinter.find()
                if printer == nil {
                    printError("--pdf: Chromium is not installed (apt-get install chromium), so no feedback.pdf is written; everything else is.")
                }
            }
            let summary = try OutputWriter(course: course, directory: outDirectory, draft: draft, printer: printer)
                .write(results, elapsed: Date().timeIntervalSince(started))
            // The ledger is the audit trail, not an output: it records this run in one transaction.
            var ledgerFailed = false
            do {
                try Ledger(path: outDirectory + "/ledger.sqlite").record(LedgerRun(
                    startedAt: started, finishedAt: Date(), course: course, results: results,
                    archives: summary.feedbackArchives, archiveDirectory: outDirectory + "/feedback"))
            } catch {
                printError("error: \(error)")
                ledgerFailed = true
            }
            if !quiet {
                for result in results {
                    let counts = result.counts
                    print("\(result.assessment.id): \(counts.submitted) of \(counts.candidates) submitted, \(counts.processed) processed, \(counts.unreadable) unreadable, \(counts.needsAttention) need a person")
                }
                for assessment in summary.assessments where assessment.release != "released" {
                    let why = assessment.heldBecause.prefix(3).joined(separator: "; ") + (assessment.heldBecause.count > 3 ? "; …" : "")
                    print(assessment.release == "draft"
                          ? "\(assessment.id): feedback written as a DRAFT (\(why))."
                          : "\(assessment.id): feedback held back until the marks are complete and agreed (\(why)); --draft writes it watermarked.")
                }
                print("Wrote \(summary.feedbackArchives.count) feedback archives and reports to \(outDirectory) in \(String(format: "%.2f", summary.elapsedSeconds)) s.")
            }
            guard summary.needsAttention.isEmpty, !ledgerFailed else {
                if !quiet {
                    printError("\(summary.needsAttention.count) finding(s) need a person:")
                    for item in summary.needsAttention {
                        printError("  \(item.assessment) \(item.candidate ?? "-") \(item.code): \(item.message)")
                    }
                }
                throw ExitStatus.needsAttention
            }
        }
    }
}
