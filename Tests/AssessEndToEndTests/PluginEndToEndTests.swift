import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// The example plugins in samples/plugins, run through `assess run` on generated courses:
/// the protocol's round trip from YAML to feedback archive.
@Suite struct PluginEndToEndTests {
    static let plugins = Corpus.packageRoot + "/samples/plugins"

    static let hedged = "It may perhaps be argued that the system could possibly improve care, and it seems likely that it might reduce errors. Perhaps staff could arguably adopt it, although it appears that results may vary to some extent."
    static let plain = "The trust adopted electronic prescribing in 2021. Errors fell by a third in two years. Pharmacists checked every order and wrote the audit."

    /// A course whose essay assessment runs `processorsYAML`, with C1 hedged, C2 plain.
    static func course(_ processorsYAML: String) throws -> CourseBuilder {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Briefing paper\nmodule: HIT\nkind: written\nprocessors:\n  wordcount: {}\n" + processorsYAML)
        let hedgedBody = (0..<4).map { _ in DocxBuilder.paragraph(hedged) }.joined()
        let plainBody = (0..<4).map { _ in DocxBuilder.paragraph(plain) }.joined()
        try course.submit("essay", "C1", DocxBuilder(body: DocxBuilder.paragraph("Introduction", style: "Heading1") + hedgedBody), name: "Ada Lovelace essay.docx")
        try course.submit("essay", "C2", DocxBuilder(body: DocxBuilder.paragraph("Introduction", style: "Heading1") + plainBody))
        return course
    }

    static func install(_ executable: String, in course: CourseBuilder, as name: String) throws {
        try FileManager.default.createDirectory(atPath: course.path + "/plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: executable, toPath: course.path + "/plugins/assess-processor-" + name)
    }

    static func results(_ out: String) throws -> AssessmentResults {
        try JSONDecoder().decode(AssessmentResults.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/essay/results.json")))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed"))
    func pythonHedgingPluginRoundTrip() throws {
        let course = try Self.course("  plugin:hedging:\n    timeout: 20\n    options: {max_per_1000: 20, show_examples: 1}\n")
        try Self.install(Self.plugins + "/assess-processor-hedging", in: course, as: "hedging")
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let results = try Self.results(out)
        let c1 = try #require(results.result(for: "C1")), c2 = try #require(results.result(for: "C2"))
        #expect(c1.findings.map(\.code).contains("hedging.frequent"))
        #expect(!c2.findings.map(\.code).contains("hedging.frequent"))
        #expect(!(c1.findings + c2.findings).contains { $0.code.hasPrefix("plugin.") })
        let hedging = try #require(c1.processors.first { $0.processor == "plugin:hedging" })
        #expect((hedging.metrics["hedges"]?.intValue ?? 0) >= 40)
        #expect(c2.processors.first { $0.processor == "plugin:hedging" }?.metrics["hedges"] == 0)
        let csv = try String(contentsOfFile: out + "/essay/results.csv", encoding: .utf8)
        #expect(csv.contains("hedges per 1000"))
        let html = String(decoding: try ZipArchive(path: out + "/feedback/C1.zip").read("essay/feedback.html"), as: UTF8.self)
        #expect(html.contains("Hedging and passive voice"))
    }

    /// Builds samples/plugins/swift-readability with its own package (the main package
    /// never builds it), then runs it.
    @Test func swiftReadabilityPluginRoundTrip() throws {
        let package = Self.plugins + "/swift-readability"
        let build = try ChildProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--package-path", package, "--product", "assess-processor-readability"])
        try #require(build.status == 0, "\(String(decoding: build.stdout + build.stderr, as: UTF8.self))")
        let course = try Self.course("  plugin:readability:\n    options: {max_grade: 9}\n")
        try Self.install(package + "/.build/debug/assess-processor-readability", in: course, as: "readability")
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let results = try Self.results(out)
        let c1 = try #require(results.result(for: "C1")), c2 = try #require(results.result(for: "C2"))
        let readability = try #require(c1.processors.first { $0.processor == "plugin:readability" })
        #expect(readability.metrics["flesch_kincaid_grade"] != nil)
        #expect(readability.metrics["sentences"] == 8)
        #expect(c1.findings.map(\.code).contains("readability.hard"))
        #expect(!c2.findings.map(\.code).contains("readability.hard"))
        #expect(!(c1.findings + c2.findings).contains { $0.code.hasPrefix("plugin.") })
        let check = try CLI.run(["plugin", "check", "readability", "--course", course.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A plugin that hangs costs its timeout per submission and a finding each: the run
    /// finishes, exits 1, and the other processors' results stand.
    @Test func hangingPluginIsAFindingNotAFailedRun() throws {
        let course = try Self.course("  plugin:stuck:\n    timeout: 0.5\n")
        let script = course.path + "/stuck.sh"
        try "#!/bin/sh\nsleep 60\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try Self.install(script, in: course, as: "stuck")
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 1)
        let results = try Self.results(out)
        for id in ["C1", "C2"] {
            let result = try #require(results.result(for: id))
            #expect(result.findings.map(\.code).contains("plugin.timeout"))
            #expect(result.processors.first { $0.processor == "wordcount" }?.metrics["words"] != nil)
        }
    }

    @Test func missingPluginIsAConfigurationErrorWithItsLocation() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nprocessors:\n  wordcount: {}\n  plugin:nowhere-to-be-found: {}\n")
        let validate = try CLI.run(["validate", course.path])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("essay/assessment.yaml:6:3: no executable 'assess-processor-nowhere-to-be-found'"))
        let run = try CLI.run(["run", course.path, "--out", course.path + "/out"])
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: course.path + "/out"))
    }

    @Test func pluginCheckReportsAnInvalidResponse() throws {
        let directory = try TemporaryDirectory()
        let script = directory.path + "/assess-processor-bad"
        try "#!/bin/sh\ncat > /dev/null\necho '{\"protocol_version\": 1, \"marks\": [{\"name\": \"x\"}]}'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let check = try CLI.run(["plugin", "check", script])
        #expect(check.status == 1)
        #expect(check.stdout.contains("plugin.invalid_response: $.marks[0]: needs \"value\""))
        let missing = try CLI.run(["plugin", "check", "no-such-plugin-anywhere"])
        #expect(missing.status == 2)
    }
}
