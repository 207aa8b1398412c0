import Foundation
import PackagePlugin

/// `swift package validate-assessments [PATH...]`: checks every course, assessment and
/// rubric configuration in the package (or the paths given) with `assess validate`, and
/// prints each problem as `file:line:column: message`. It runs the tool and nothing
/// else: the `assess` product is built through the package manager (not declared as a
/// dependency, which would make every `swift build` compile a second copy of the tool).
@main
struct ValidateAssessments: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let assess = try assessExecutable(context)
        let targets = arguments.isEmpty ? Self.configurations(under: root) : arguments.map { $0.hasPrefix("/") ? $0 : root.path + "/" + $0 }
        guard !targets.isEmpty else {
            print("validate-assessments: no course.yaml, rubrics folder or assessment.yaml found under \(root.path)")
            return
        }
        var failed: [String] = []
        for target in targets {
            let process = Process()
            process.executableURL = assess
            process.arguments = ["validate", target]
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed.append(target) }
        }
        if !failed.isEmpty {
            Diagnostics.error("validate-assessments: \(failed.count) of \(targets.count) configuration(s) have errors (listed above as file:line:column)")
            throw ValidationFailed()
        }
        print("validate-assessments: \(targets.count) configuration(s) valid")
    }

    struct ValidationFailed: Error, CustomStringConvertible {
        var description: String { "configuration errors" }
    }

    /// Builds the `assess` product when this package has it; otherwise uses `assess` from PATH.
    func assessExecutable(_ context: PluginContext) throws -> URL {
        if context.package.products.contains(where: { $0.name == "assess" }) {
            let result = try packageManager.build(.product("assess"), parameters: .init(configuration: .debug, logging: .concise))
            guard result.succeeded, let artifact = result.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "assess" }) else {
                Diagnostics.error("could not build assess:\n\(result.logText)")
                throw ValidationFailed()
            }
            return artifact.url
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder) + "/assess")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        Diagnostics.error("no assess tool: this package has no 'assess' product and none is on PATH; install assess first")
        throw ValidationFailed()
    }

    /// Course folders, then rubric folders and assessment folders not inside a course,
    /// sorted; build folders, hidden folders and outputs are skipped.
    static func configurations(under root: URL) -> [String] {
        let manager = FileManager.default
        var courses: [String] = [], rubricFolders: [String] = [], assessments: [String] = []
        var pending = [root.path]
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            if names.contains("course.yaml") {
                courses.append(folder)
                continue  // validate checks the whole course
            }
            if URL(fileURLWithPath: folder).lastPathComponent == "rubrics" && names.contains(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
                rubricFolders.append(folder)
            }
            if names.contains("assessment.yaml") { assessments.append(folder) }
            for name in names where !name.hasPrefix(".") && !["out", "node_modules", "Tests"].contains(name) {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue { pending.append(folder + "/" + name) }
            }
        }
        return (courses + rubricFolders + assessments).sorted()
    }
}
