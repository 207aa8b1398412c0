import ArgumentParser
import AssessCore
import AssessFeedback
import AssessProcessors
import Foundation

extension Assess {
    /// `assess marksheets`: anonymised sheets for the markers of one assessment.
    struct Marksheets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write markers' sheets (CSV and YAML) for an assessment, pre-filled with word counts, penalties and flags.",
            discussion: """
                Runs the assessment's processors, then writes OUT/<assessment>/marksheets/<marker>.csv \
                and .yaml for each marker of assessments/<id>/allocation.csv (or one 'unallocated' \
                sheet). Markers fill them in and put them in assessments/<id>/marks/.
                """)

        @Argument(help: "The course folder (holding course.yaml).") var courseDirectory: String
        @Argument(help: "The assessment's id (its folder name).") var assessmentID: String
        @Option(help: "Where to write (default: COURSE_DIR/out).") var out: String?
        @Option(help: "Submissions processed at once (default: the number of cores).") var jobs: Int?

        func run() async throws {
            let course: Course
            do {
                course = try CourseLoader(registry: builtInRegistry).load(directory: courseDirectory)
            } catch {
                for problem in error.errors { printError(problem.description) }
                throw ExitStatus.invalid
            }
            guard let configured = course.assessments.first(where: { $0.assessment.id == assessmentID }) else {
                printError("error: no assessment '\(assessmentID)'; the course has: \(course.assessments.map(\.assessment.id).joined(separator: ", "))")
                throw ExitStatus.invalid
            }
            guard MarkSheetWriter.rubricMarking(configured) != nil else {
                printError("error: the assessment '\(assessmentID)' has no rubric processor; add 'rubric: {}' to its processors")
                throw ExitStatus.invalid
            }
            let results = await Runner(course: course, jobs: jobs).run(configured)
            let directory = (out ?? courseDirectory + "/out") + "/" + assessmentID + "/marksheets"
            let written = try MarkSheetWriter(course: course, configured: configured, results: results).write(to: directory)
            for path in written { print(path) }
        }
    }
}
