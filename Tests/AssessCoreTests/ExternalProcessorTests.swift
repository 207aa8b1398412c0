import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Writes small shell-script plugins that misbehave in one way each.
struct ScriptPlugins {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Writes `assess-processor-<name>` with `body` after a `#!/bin/sh` line and makes it executable.
    @discardableResult
    func write(_ name: String, _ body: String) throws -> String {
        let path = directory.path + "/assess-processor-" + name
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// A processor for the plugin `name` in this folder.
    func processor(_ name: String, timeout: Double = 5, maxOutput: Int? = nil) throws -> ExternalProcessor {
        let assessment = Assessment(id: "essay", title: "Essay", module: "Module", kind: .written, directory: directory.path + "/course/assessments/essay")
        let options: ConfigValue = maxOutput.map { ["timeout": ConfigValue(.double(timeout)), "max_output_bytes": ConfigValue(.int($0))] }
            ?? ["timeout": ConfigValue(.double(timeout))]
        let configuration = try ProcessorConfiguration(options, processor: "plugin:" + name, assessment: assessment,
                                                       course: CourseSettings(directory: directory.path + "/course", anonymous: true, bands: Band.ukPostgraduate, candidates: []))
        try FileManager.default.createDirectory(atPath: directory.path + "/course/plugins", withIntermediateDirectories: true)
        let link = directory.path + "/course/plugins/assess-processor-" + name
        if !FileManager.default.fileExists(atPath: link) {
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.path + "/assess-processor-" + name)
        }
        return try ExternalProcessor(name: name, configuration: configuration, at: nil)
    }

    static func submission(paragraphs: [String] = ["A short essay about health systems."]) -> SubmissionContent {
        let assessment = Assessment(id: "essay", title: "Essay", module: "Module", kind: .written)
        let text = DocumentText(format: .docx, blocks: paragraphs.map { Block(kind: .paragraph, text: $0) })
        return SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "Ada Lovelace essay.docx", text: text)],
                                 candidate: Candidate(id: "C1", name: "Ada Lovelace", group: "G1"))
    }
}

@Suite struct ExternalProcessorTests {
    static let valid = #"{"protocol_version": 1, "metrics": {"score": 3}, "findings": [{"code": "odd", "severity": "info", "message": "Odd."}]}"#

    @Test func validResponseBecomesTheResultWithCodesUnderThePluginsName() throws {
        let plugins = try ScriptPlugins()
        try plugins.write("ok", "cat > /dev/null\necho '\(Self.valid)'")
        let result = try plugins.processor("ok").process(ScriptPlugins.submission())
        #expect(result.processor == "plugin:ok")
        #expect(result.metrics["score"] == 3)
        #expect(result.findings.map(\.code) == ["ok.odd"])
    }

    /// Each way a plugin can fail is a finding for the submission, with its own code.
    @Test(arguments: [
        ("slow", "sleep 30", "plugin.timeout"),
        ("slowchild", "sleep 30 &\nsleep 30", "plugin.timeout"),
        ("segv", "cat > /dev/null\nkill -SEGV $$", "plugin.crashed"),
        ("exit3", "echo broken >&2\nexit 3", "plugin.crashed"),
        ("garbage", "cat > /dev/null\necho 'this is not json'", "plugin.invalid_json"),
        ("silent", "cat > /dev/null", "plugin.invalid_json"),
        ("huge", "cat > /dev/null\nhead -c 3000000 /dev/zero | tr '\\0' 'x'", "plugin.output_too_large"),
        ("version2", "cat > /dev/null\necho '{\"protocol_version\": 2}'", "plugin.protocol_mismatch"),
        ("noversion", "cat > /dev/null\necho '{\"metrics\": {}}'", "plugin.invalid_response"),
        ("badseverity", "cat > /dev/null\necho '{\"protocol_version\": 1, \"findings\": [{\"code\": \"x\", \"severity\": \"fatal\", \"message\": \"m\"}]}'", "plugin.invalid_response"),
        ("array", "cat > /dev/null\necho '[1, 2]'", "plugin.invalid_response"),
    ])
    func failureIsAFinding(name: String, script: String, code: String) throws {
        let plugins = try ScriptPlugins()
        try plugins.write(name, script)
        let start = Date()
        let result = try plugins.processor(name, timeout: 1).process(ScriptPlugins.submission())
        #expect(result.findings.map(\.code) == [code])
        #expect(result.findings.first?.severity == .attention)
        // The slow scripts sleep 30 s: well under that means they were killed at their timeout.
        #expect(Date().timeIntervalSince(start) < 25, "a failing plugin must not hold the run up past its timeout")
    }

    @Test func standardErrorIsKeptForStaffOnly() throws {
        let plugins = try ScriptPlugins()
        try plugins.write("noisy", "cat > /dev/null\necho 'trace: it broke' >&2\nexit 1")
        let result = try plugins.processor("noisy").process(ScriptPlugins.submission())
        #expect(result.restricted?["stderr"] == "trace: it broke\n", "\(result.findings)")
        #expect(!result.findings.contains { $0.message.contains("trace") })
    }

    /// A plugin that writes a lot to stdout and stderr before reading a large request:
    /// reading both while writing means no pipe deadlock.
    @Test func noDeadlockWhenThePluginWritesBeforeReading() throws {
        let plugins = try ScriptPlugins()
        try plugins.write("chatty", "head -c 200000 /dev/zero >&2\nhead -c 200000 /dev/zero | tr '\\0' ' '\ncat > /dev/null\necho '{\"protocol_version\": 1}'")
        let long = (0..<4000).map { "Paragraph \($0) about clinical systems and their adoption in care settings." }
        // A deadlock would end in plugin.timeout.
        let result = try plugins.processor("chatty", timeout: 60).process(ScriptPlugins.submission(paragraphs: long))
        #expect(result.findings.isEmpty)
    }

    @Test func aPluginThatExitsWithoutReadingDoesNotEndTheRun() throws {
        let plugins = try ScriptPlugins()
        try plugins.write("deaf", "echo '{\"protocol_version\": 1}'")
        let long = (0..<20000).map { "Paragraph \($0) about clinical systems and their adoption in care settings." }
        let result = try plugins.processor("deaf").process(ScriptPlugins.submission(paragraphs: long))
        #expect(result.findings.isEmpty)
    }

    /// Many plugins at once (as `--jobs` runs them): no pipe leaks into another child, so
    /// none waits for another's end of file, and every answer is its own.
    @Test func manyAtOnceEachGetsItsOwnAnswer() async throws {
        let plugins = try ScriptPlugins()
        try plugins.write("echoid", "id=$(cat | sed -n 's/.*\"candidate_id\":\"\\([^\"]*\\)\".*/\\1/p')\nsleep 0.2\necho \"{\\\"protocol_version\\\": 1, \\\"metrics\\\": {\\\"id\\\": \\\"$id\\\"}}\"")
        // Each answer must be the one its own request asked for (no crossed pipes).
        let processor = try plugins.processor("echoid", timeout: 60)
        let answers = await withTaskGroup(of: (String, JSONValue?).self) { group in
            for number in 0..<24 {
                group.addTask {
                    var submission = ScriptPlugins.submission()
                    submission.candidateID = "C\(number)"
                    return ("C\(number)", (try? processor.process(submission))?.metrics["id"])
                }
            }
            var collected: [String: JSONValue?] = [:]
            for await (id, answer) in group { collected[id] = answer }
            return collected
        }
        #expect(answers.count == 24)
        for (id, answer) in answers { #expect(answer == .string(id)) }
    }

    /// The request names the candidate by id only: no name, no submitted file name.
    @Test func requestHoldsNoNameAndMatchesTheSchema() throws {
        let request = PluginProtocol.request(plugin: "x", options: ["level": 2], submission: ScriptPlugins.submission())
        let text = String(decoding: PluginProtocol.encode(request), as: UTF8.self)
        #expect(!text.contains("Ada"))
        #expect(!text.contains("Lovelace"))
        #expect(text.contains("\"candidate_id\":\"C1\""))
        #expect(text.contains("\"file\":\"document-1.docx\""))
        #expect(JSONSchemaValidator(schema: PluginProtocol.schema).problems(of: request, against: "#/$defs/request") == [])
    }

    @Test func embeddedSchemaIsTheDocumentedOne() throws {
        let documented = try Data(contentsOf: URL(fileURLWithPath: Corpus.packageRoot + "/docs/plugin-protocol.schema.json"))
        let decoded = try JSONDecoder().decode(JSONValue.self, from: documented)
        #expect(decoded == PluginProtocol.schema)
        #expect(PluginProtocol.schema["$defs"]?["response"] != nil)
    }

    @Test func validatorRejectsWhatTheSchemaForbids() {
        let validator = JSONSchemaValidator(schema: PluginProtocol.schema)
        #expect(validator.problems(of: ["protocol_version": 1], against: "#/$defs/response") == [])
        #expect(!validator.problems(of: ["protocol_version": 1, "extra": true], against: "#/$defs/response").isEmpty)
        #expect(!validator.problems(of: ["protocol_version": 1, "marks": [["name": "a"]]], against: "#/$defs/response").isEmpty)
        #expect(!validator.problems(of: ["protocol_version": 1, "marks": [["name": "a", "value": "7"]]], against: "#/$defs/response").isEmpty)
        #expect(validator.problems(of: ["protocol_version": 1, "marks": [["name": "a", "value": 7.5, "out_of": 10]]], against: "#/$defs/response") == [])
    }

    @Test func missingExecutableIsAConfigurationErrorAtTheKey() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nprocessors:\n  plugin:no-such-plugin-here:\n    options: {a: 1}\n")
        #expect {
            _ = try CourseLoader(registry: ProcessorRegistry([])).load(directory: course.path)
        } throws: { error in
            let description = (error as? ConfigurationErrors)?.errors.map(\.description).joined() ?? ""
            return description.contains("assessment.yaml:5:3:") && description.contains("assess-processor-no-such-plugin-here")
        }
    }

    @Test func unknownPluginOptionIsAConfigurationError() throws {
        let plugins = try ScriptPlugins()
        try plugins.write("ok", "cat")
        let assessment = Assessment(id: "essay", title: "Essay", module: "Module", kind: .written, directory: plugins.directory.path + "/x/assessments/essay")
        let configuration = try ProcessorConfiguration(["timout": 3], processor: "plugin:ok", assessment: assessment)
        #expect(throws: ConfigurationError.self) { try ExternalProcessor(name: "ok", configuration: configuration, at: nil) }
    }
}
