import ArgumentParser
import AssessCore
import AssessProcessors
import Foundation

extension Assess {
    /// `assess validate`: checks configuration without processing anything.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check course, assessment and roster files.",
            discussion: "Prints each problem as file:line:column: message, and exits with 2 when there is any.")

        @Argument(help: "A course folder, an assessment folder, an assessment.yaml or a roster.csv.") var path: String

        func run() throws {
            let loader = CourseLoader(registry: builtInRegistry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("\(path): no such file or folder")
                throw ExitStatus.invalid
            }
            var problems: [ConfigurationError] = []
            var what = ""
            if isDirectory.boolValue && FileManager.default.fileExists(atPath: path + "/course.yaml") {
                do {
                    let course = try loader.load(directory: path)
                    what = "course with \(course.candidates.count) candidates and \(course.assessments.count) assessments"
                } catch { problems = error.errors }
            } else if isDirectory.boolValue || path.hasSuffix("assessment.yaml") {
                let folder = isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
                do {
                    let configured = try loader.loadAssessment(directory: folder)
                    what = "assessment '\(configured.assessment.id)' with \(configured.processors.count) processor(s)"
                } catch { problems = [error] }
            } else if path.hasSuffix(".csv") {
                do { what = "roster of \(try CourseLoader.roster(path: path).count) candidates" } catch { problems = [error] }
            } else {
                printError("\(path): give a course folder, an assessment folder or assessment.yaml, or roster.csv")
                throw ExitStatus.invalid
            }
            guard problems.isEmpty else {
                for problem in problems { printError(problem.description) }
                throw ExitStatus.invalid
            }
            print("\(path): valid \(what)")
        }
    }

    /// `assess processors`: what each built-in processor does.
    struct Processors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in processors.")

        func run() {
            for type in builtInProcessors {
                print("\(type.description.identifier)\t\(type.description.summary)")
            }
        }
    }
}
