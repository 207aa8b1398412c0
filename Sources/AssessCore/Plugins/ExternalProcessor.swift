internal import Foundation

/// Runs a department's own check, an executable `assess-processor-NAME`, on every
/// submission: named `plugin:NAME` under an assessment's `processors`, found in the
/// course's `plugins/` folder or on `PATH`. It exists so that a readability check or a
/// discipline's structure check needs no fork of `assess`; whatever the executable does
/// (hang, crash, write garbage), the run goes on and the submission gets a `plugin.*`
/// finding. See `docs/plugin-protocol.md`.
public struct ExternalProcessor: Processor {
    /// The YAML key prefix that names an external processor (`plugin:readability`).
    public static let keyPrefix = "plugin:"

    /// What `assess processors` says of external processors (they have no examples of
    /// their own: `assess plugin check` is their test).
    public static let description = ProcessorDescription(
        identifier: "plugin",
        name: "External processor",
        summary: "Runs an executable assess-processor-NAME (written `plugin:NAME: {options: {...}}` under processors) with the submission's text as JSON, and reads its metrics, marks, feedback and findings.")

    /// The plugin's name (the part after `assess-processor-`).
    public let name: String
    /// The executable's absolute path.
    public let executable: String
    /// Options passed to the plugin as they are.
    public let options: JSONValue
    /// Seconds before the plugin is killed, per submission.
    public let timeout: Double
    /// The most bytes of standard output read.
    public let maxOutputBytes: Int

    /// The default time a plugin may take on one submission.
    public static let defaultTimeout = 30.0
    /// The default cap on a plugin's output: 1 MiB.
    public static let defaultMaxOutput = 1_048_576

    /// Not used: an external processor needs its name. Use ``init(name:configuration:at:)``.
    /// - Throws: ``ConfigurationError`` always.
    public init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        throw ConfigurationError("name an external processor as 'plugin:NAME' under processors", at: configuration.fields.location)
    }

    /// Configures the plugin `name` from its YAML entry and finds its executable.
    /// - Parameter location: where the `plugin:NAME` key is written, for errors.
    /// - Throws: ``ConfigurationError`` at the key when the name is not safe or no
    ///   executable is found, at an option when it is wrong.
    public init(name: String, configuration: ProcessorConfiguration, at location: SourceLocation?) throws(ConfigurationError) {
        guard isSafeIdentifier(name), !name.contains(".") else {
            throw ConfigurationError("the plugin name '\(name)' may hold only letters, digits, '-' and '_'", at: location)
        }
        let fields = configuration.fields
        try fields.allowOnly(["options", "timeout", "max_output_bytes"])
        if let seconds = try fields.number("timeout") {
            guard seconds > 0 && seconds <= 3600 else {
                throw ConfigurationError("'timeout' of plugin:\(name) must be more than 0 and at most 3600 seconds", at: fields.raw("timeout")?.location ?? location)
            }
            timeout = seconds
        } else {
            timeout = Self.defaultTimeout
        }
        maxOutputBytes = try fields.int("max_output_bytes", in: 1_024...67_108_864) ?? Self.defaultMaxOutput
        let optionsValue = fields.raw("options")
        if let optionsValue, case .map = optionsValue.kind {} else if let optionsValue {
            throw fields.wrongType("options", optionsValue, expected: "a mapping of the plugin's own options")
        }
        options = optionsValue.map(Self.json) ?? .object([:])
        let courseDirectory = configuration.course?.directory
            ?? URL(fileURLWithPath: configuration.assessment.directory).deletingLastPathComponent().deletingLastPathComponent().path
        let searched = Self.searchDirectories(courseDirectory: courseDirectory)
        guard let found = Self.locate(name, in: searched) else {
            throw ConfigurationError("no executable '\(PluginProtocol.executablePrefix)\(name)' in the course's plugins folder or on PATH; install it there or make it executable (chmod +x)", at: location)
        }
        self.name = name
        executable = found
    }

    /// Sends the submission to the plugin and reads its answer. Never throws: a plugin
    /// that fails gives a `plugin.*` finding that needs a person.
    public func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let request = PluginProtocol.request(plugin: name, options: options, submission: submission)
        let outcome = ChildProcess.run(executable: executable, input: PluginProtocol.encode(request), timeout: timeout,
                                       maxOutput: maxOutputBytes, environment: Self.environment())
        return Self.interpret(outcome, plugin: name)
    }

    /// The result for a plugin run: its response, or the finding saying why there is none.
    /// The plugin's standard error (its end) is kept for staff in `restricted`.
    public static func interpret(_ outcome: ChildOutcome, plugin: String) -> ProcessorResult {
        let identifier = keyPrefix + plugin
        func failure(_ code: String, _ message: String) -> ProcessorResult {
            var result = ProcessorResult(processor: identifier, findings: [Finding(code, .attention, "The \(plugin) check gave no result: \(message)")])
            let stderr = String(decoding: outcome.stderr, as: UTF8.self)
            if !stderr.isEmpty { result.restricted = ["stderr": .string(stderr)] }
            return result
        }
        switch outcome.ending {
        case .couldNotStart(let reason):
            return failure("plugin.not_started", "it could not be started (\(reason)).")
        case .timedOut:
            return failure("plugin.timeout", "it took longer than its time limit and was stopped; raise 'timeout' or fix the plugin.")
        case .outputTooLarge:
            return failure("plugin.output_too_large", "it wrote more output than allowed and was stopped; raise 'max_output_bytes' or fix the plugin.")
        case .signalled(let signal):
            return failure("plugin.crashed", "it crashed (signal \(signal)).")
        case .exited(let status) where status != 0:
            return failure("plugin.crashed", "it exited with status \(status).")
        case .exited:
            switch PluginProtocol.read(response: outcome.stdout) {
            case .invalidJSON(let reason):
                return failure("plugin.invalid_json", "its output is not JSON (\(reason)).")
            case .versionMismatch(let reason):
                return failure("plugin.protocol_mismatch", "\(reason); update the plugin or assess.")
            case .invalid(let problems):
                return failure("plugin.invalid_response", "its response breaks the protocol (\(problems.prefix(3).joined(separator: "; "))).")
            case .valid(let response):
                return PluginProtocol.result(of: response, plugin: plugin, identifier: identifier)
            }
        }
    }

    /// Where plugins are looked for: the course's `plugins/` folder, then `PATH`.
    public static func searchDirectories(courseDirectory: String?) -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return (courseDirectory.map { [$0 + "/plugins"] } ?? []) + path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The first executable `assess-processor-NAME` in `directories`, as an absolute path.
    public static func locate(_ name: String, in directories: [String]) -> String? {
        for directory in directories {
            let candidate = URL(fileURLWithPath: directory + "/" + PluginProtocol.executablePrefix + name).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// The plugin's environment: only what a program needs to run, so nothing about the
    /// run leaks to it and it behaves the same on every machine.
    public static func environment() -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["ASSESS_PLUGIN_PROTOCOL": String(PluginProtocol.version), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"]
        for key in ["PATH", "HOME", "TMPDIR"] { if let value = inherited[key] { environment[key] = value } }
        return environment
    }

    /// A configuration value as JSON.
    static func json(_ value: ConfigValue) -> JSONValue {
        switch value.kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .list(let items): .array(items.map(json))
        case .map(let entries): .object(Dictionary(entries.map { ($0.key, json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
