import ArgumentParser
import AssessCore
import AssessProcessors
import Foundation

extension Assess {
    /// `assess validate`: checks configuration without processing anything.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check course, assessment, roster, rubric and mark-sheet files.",
            discussion: "Prints each problem as file:line:column: message, and exits with 2 when there is any.")

        @Argument(help: "A course folder, an assessment folder or assessment.yaml, a roster.csv, a rubrics folder or a rubric's .yaml.") var path: String

        func run() throws {
            let loader = CourseLoader(registry: builtInRegistry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("\(path): no such file or folder")
                throw ExitStatus.invalid
            }
            var problems: [ConfigurationError] = []
            var what = ""
            let name = URL(fileURLWithPath: path).lastPathComponent
            let courseAbove = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path
            if isDirectory.boolValue && FileManager.default.fileExists(atPath: path + "/course.yaml") {
                do {
                    let course = try loader.load(directory: path)
                    problems = Self.inputProblems(course.assessments)
                    what = "course with \(course.candidates.count) candidates, \(course.assessments.count) assessments and \(course.settings.rubrics.count) rubrics"
                } catch { problems = error.errors }
            } else if isDirectory.boolValue && name == "rubrics" {
                let (rubrics, errors) = RubricLoader.loadAll(directory: path)
                problems = errors
                what = "rubrics folder with \(rubrics.count) rubric(s)"
            } else if isDirectory.boolValue && FileManager.default.fileExists(atPath: courseAbove + "/course.yaml") {
                // An assessment inside a course: its rubric and roster are the course's.
                do {
                    let course = try loader.load(directory: courseAbove)
                    let assessments = course.assessments.filter { $0.assessment.id == name }
                    problems = Self.inputProblems(assessments)
                    what = "assessment '\(name)' with \(assessments.first?.processors.count ?? 0) processor(s), in its course"
                } catch { problems = error.errors }
            } else if isDirectory.boolValue || name == "assessment.yaml" {
                let folder = isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
                do {
                    let configured = try loader.loadAssessment(directory: folder)
                    what = "assessment '\(configured.assessment.id)' with \(configured.processors.count) processor(s)"
                } catch { problems = [error] }
            } else if (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != "course.yaml" {
                let (rubric, errors) = RubricLoader.load(path: path)
                problems = errors
                what = "rubric '\(rubric?.id ?? "")' with \(rubric?.criteria.count ?? 0) criteria"
            } else if path.hasSuffix(".csv") {
                do { what = "roster of \(try CourseLoader.roster(path: path).count) candidates" } catch { problems = [error] }
            } else {
                printError("\(path): give a course folder, an assessment folder or assessment.yaml, roster.csv, a rubrics folder or a rubric's .yaml")
                throw ExitStatus.invalid
            }
            guard problems.isEmpty else {
                for problem in problems { printError(problem.description) }
                throw ExitStatus.invalid
            }
            print("\(path): valid \(what)")
        }

        /// Problems of the files processors read beside the submissions (mark sheets,
        /// allocation, extensions, submission times, peer ratings).
        static func inputProblems(_ assessments: [ConfiguredAssessment]) -> [ConfigurationError] {
            assessments.flatMap { configured in
                configured.processors.flatMap { ($0 as? any InputChecking)?.inputProblems ?? [] }
            }
        }
    }

    /// `assess processors`: what each built-in processor does.
    struct Processors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in processors.")

        func run() {
            for type in builtInProcessors {
                print("\(type.description.identifier)\t\(type.description.summary)")
            }
            print("plugin:NAME\t\(ExternalProcessor.description.summary)")
        }
    }
}
