import ArgumentParser
import AssessCore
import AssessFeedback
import Foundation

extension Assess {
    /// `assess mcq …`: multiple-choice tests outside a course.
    struct MCQ: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcq",
            abstract: "Mark multiple-choice tests and analyse their items.",
            subcommands: [Mark.self])
    }
}

extension Assess.MCQ {
    /// `assess mcq mark`: marks one test's answer sheets against its key.
    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark one MCQ test: results, item analysis and a report.",
            discussion: """
                KEY is our YAML or CSV key (a YAML test file may name another key with 'key:' and \
                set negative marking, a floor, voided and re-keyed items), a Moodle XML export, or \
                a QTI 2.1/3.0 item, test or content package (zip). RESPONSES is a CSV with a \
                candidate id column and one column per item (Q1…Qn or the key's item names), \
                Moodle's quiz responses report, or a ZipGrade export. Writes results.csv, \
                item-analysis.csv, report.html and lms/ gradebook files into --out; --json prints \
                {"candidates","questions","mean","sd","cic","error_ratio","standard_error"} \
                (percent, as Moodle's statistics report). Exit status 1 when answers or rows need \
                a look, 2 when the key or the responses cannot be read.
                """)

        @Option(help: "The answer key or test file (YAML, CSV, Moodle XML, QTI XML or zip).") var key: String
        @Option(help: "The answer sheets (CSV).") var responses: String
        @Option(help: "Where to write the outputs (default: mcq-results beside the responses).") var out: String?
        @Flag(help: "Print the summary as JSON on standard output.") var json = false
        @Flag(help: "Print nothing but errors.") var quiet = false

        func run() throws {
            let test: MCQTest
            do {
                test = try MCQTest.load(path: key)
            } catch {
                printError(error.description)
                throw ExitStatus.invalid
            }
            let scheme = MarkingScheme(test)
            let directory = out ?? (URL(fileURLWithPath: responses).deletingLastPathComponent().path + "/mcq-results")
            let outputs: MCQOutputs
            let summary: MCQCohortSummary
            do {
                outputs = try MCQOutputs(directory: directory, scheme: scheme, title: test.title)
                summary = try MCQMarking.mark(responses: responses, scheme: scheme) { try outputs.add($0) }
            } catch let error as ConfigurationError {
                printError(error.description)
                throw ExitStatus.invalid
            }
            let context = MCQReport.Context(
                test: test, scheme: scheme, analysis: summary.analysis, responsesFile: URL(fileURLWithPath: responses).lastPathComponent,
                format: summary.format, notes: summary.notes, skipped: summary.skipped, flagged: summary.flagged, flaggedCount: summary.flaggedCount)
            try outputs.finish(context)

            let analysis = summary.analysis
            if json {
                FileHandle.standardOutput.write(Data(try FeedbackJSON.encode(MCQReport.summary(analysis))))
            } else if !quiet {
                let mean = analysis.mean.map { MCQReport.percent($0) + "%" } ?? "—"
                let cic = analysis.cic.map { MCQReport.percent($0) + "%" } ?? "—"
                print("\(test.title): \(analysis.candidates) candidates, \(analysis.questions) items, mean \(mean), CIC \(cic)")
                let review = analysis.items.filter { $0.flags.contains { !$0.hasPrefix("voided") && $0 != "rekeyed" } }.count
                if review > 0 { print("\(review) item(s) to review: see item-analysis.csv and report.html") }
                print("Wrote results.csv, item-analysis.csv, report.html and lms/ to \(directory)")
            }
            for warning in test.key.warnings where !quiet { printError("note: \(warning.message)") }
            let needsPerson = summary.flaggedCount + summary.skipped.count
            if needsPerson > 0 {
                if !quiet {
                    if summary.flaggedCount > 0 {
                        printError("\(summary.flaggedCount) answer(s) scored 0 as invalid or several marks; listed in report.html (Answers to check)")
                    }
                    for row in summary.skipped.prefix(20) { printError("line \(row.line) not marked: \(row.reason)") }
                }
                throw ExitStatus.needsAttention
            }
        }
    }
}
