import ArgumentParser
import AssessCore
import Foundation

extension Assess {
    /// `assess plugin`: tools for external processors.
    struct Plugin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check external processors (assess-processor-NAME executables).",
            discussion: "See docs/plugin-protocol.md for the protocol.",
            subcommands: [Check.self, Schema.self])
    }
}

extension Assess.Plugin {
    /// `assess plugin check NAME`: runs a plugin on a sample request and checks its answer.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a plugin on a sample submission and check its response against the protocol's schema.",
            discussion: """
                Looks for assess-processor-NAME in COURSE_DIR/plugins (with --course) and on PATH; NAME may \
                also be a path to the executable. Exit status: 0 the response is valid; 1 it is not (each \
                problem is printed); 2 the plugin was not found or the options are not JSON.
                """)

        @Argument(help: "The plugin's name (readability for assess-processor-readability), or a path to it.") var name: String
        @Option(help: "A course folder whose plugins/ folder is searched first.") var course: String?
        @Option(help: "The plugin's options as a JSON object, as the YAML's options: would give them.") var options = "{}"
        @Option(help: "Seconds before the plugin is stopped.") var timeout = ExternalProcessor.defaultTimeout
        @Flag(help: "Print the sample request sent, then the response.") var verbose = false

        func run() throws {
            guard let optionsValue = try? JSONDecoder().decode(JSONValue.self, from: Data(options.utf8)), case .object = optionsValue else {
                printError("error: --options must be a JSON object such as '{\"max_grade\": 14}'")
                throw ExitStatus.invalid
            }
            let executable: String
            let pluginName: String
            if name.contains("/") {
                let path = URL(fileURLWithPath: name).standardizedFileURL.path
                guard FileManager.default.isExecutableFile(atPath: path) else {
                    printError("error: \(name) is not an executable file")
                    throw ExitStatus.invalid
                }
                executable = path
                let file = URL(fileURLWithPath: path).lastPathComponent
                pluginName = file.hasPrefix(PluginProtocol.executablePrefix) ? String(file.dropFirst(PluginProtocol.executablePrefix.count)) : file
            } else {
                let directories = ExternalProcessor.searchDirectories(courseDirectory: course)
                guard let found = ExternalProcessor.locate(name, in: directories) else {
                    printError("error: no executable \(PluginProtocol.executablePrefix)\(name) in \(course.map { $0 + "/plugins or " } ?? "")PATH")
                    throw ExitStatus.invalid
                }
                executable = found
                pluginName = name
            }
            let request = PluginProtocol.sampleRequest(plugin: pluginName, options: optionsValue)
            let requestProblems = JSONSchemaValidator(schema: PluginProtocol.schema).problems(of: request, against: "#/$defs/request")
            for problem in requestProblems { printError("internal: the sample request breaks the schema: \(problem)") }
            let bytes = PluginProtocol.encode(request)
            if verbose { print("request: " + String(decoding: bytes, as: UTF8.self)) }
            let outcome = ChildProcess.run(executable: executable, input: bytes, timeout: timeout,
                                           maxOutput: ExternalProcessor.defaultMaxOutput, environment: ExternalProcessor.environment())
            if verbose { print("response: " + String(decoding: outcome.stdout, as: UTF8.self)) }
            let stderr = String(decoding: outcome.stderr, as: UTF8.self)
            if !stderr.isEmpty { printError("plugin stderr:\n" + stderr) }
            print("\(executable): ran in \(String(format: "%.2f", outcome.seconds)) s")
            var problems: [String] = []
            if case .exited(0) = outcome.ending {
                switch PluginProtocol.read(response: outcome.stdout) {
                case .valid: break
                case .invalidJSON(let reason): problems = ["plugin.invalid_json: the output is not JSON (\(reason))"]
                case .versionMismatch(let reason): problems = ["plugin.protocol_mismatch: \(reason)"]
                case .invalid(let found): problems = found.map { "plugin.invalid_response: \($0)" }
                }
            } else {
                let result = ExternalProcessor.interpret(outcome, plugin: pluginName)
                problems = result.findings.map { "\($0.code): \($0.message)" }
            }
            guard problems.isEmpty else {
                for problem in problems { print(problem) }
                throw ExitCode(1)
            }
            let result = ExternalProcessor.interpret(outcome, plugin: pluginName)
            print("valid response (protocol version \(PluginProtocol.version)): \(result.metrics.count) metric(s), \(result.feedback.count) feedback section(s), \(result.findings.count) finding(s)")
            for finding in result.findings { print("  \(finding.code) [\(finding.severity.rawValue)]: \(finding.message)") }
        }
    }

    /// `assess plugin schema`: prints the protocol's JSON Schema.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the protocol's JSON Schema (request and response).")

        func run() {
            print(PluginProtocol.schemaText)
        }
    }
}
