import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-processor NAME [--kind Text]`:
/// scaffolds `Sources/AssessProcessors/<Kind>/<Name>Processor.swift` (description with a
/// passing and a flagged example, options, `process`), its test
/// `Tests/AssessProcessorsTests/<Name>ProcessorTests.swift`, and registers it, in order,
/// in `builtInProcessors`. It refuses to overwrite a file.
@main
struct NewProcessor: CommandPlugin {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let kind = extractor.extractOption(named: "kind").last ?? "Text"
        let names = extractor.remainingArguments
        guard names.count == 1, let identifier = names.first,
              identifier.first?.isLetter == true, identifier.allSatisfy({ ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) }) else {
            throw Failure(description: "give one processor identifier in lower case letters and digits, e.g. 'new-processor readability'")
        }
        guard kind.first?.isUppercase == true, kind.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw Failure(description: "--kind names a folder under Sources/AssessProcessors in UpperCamelCase, e.g. Text")
        }
        let typeName = identifier.prefix(1).uppercased() + identifier.dropFirst() + "Processor"
        let root = context.package.directoryURL.path
        let source = "\(root)/Sources/AssessProcessors/\(kind)/\(typeName).swift"
        let test = "\(root)/Tests/AssessProcessorsTests/\(typeName)Tests.swift"
        let registry = "\(root)/Sources/AssessProcessors/BuiltInProcessors.swift"
        for path in [source, test] where FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) exists already; choose another name or remove it")
        }
        guard var list = try? String(contentsOfFile: registry, encoding: .utf8),
              let open = list.range(of: "public let builtInProcessors: [any Processor.Type] = [\n"),
              let close = list.range(of: "\n]", range: open.upperBound..<list.endIndex) else {
            throw Failure(description: "\(registry) has no 'builtInProcessors' list to register the processor in")
        }
        var entries = list[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
        entries.append("    \(typeName).self,")
        entries.sort { $0.lowercased() < $1.lowercased() }
        list.replaceSubrange(open.upperBound..<close.lowerBound, with: entries.joined(separator: "\n"))

        try FileManager.default.createDirectory(atPath: "\(root)/Sources/AssessProcessors/\(kind)", withIntermediateDirectories: true)
        try Self.source(identifier: identifier, typeName: typeName).write(toFile: source, atomically: true, encoding: .utf8)
        try Self.test(identifier: identifier, typeName: typeName).write(toFile: test, atomically: true, encoding: .utf8)
        try list.write(toFile: registry, atomically: true, encoding: .utf8)
        print("new-processor: wrote \(source)")
        print("new-processor: wrote \(test)")
        print("new-processor: registered \(typeName) in \(registry)")
        print("next: write its check in process(_:), its examples, and docs/processors/\(identifier).md; then swift test --filter \(typeName)")
    }

    static func source(identifier: String, typeName: String) -> String {
        """
        import AssessCore
        import AssessDocuments

        /// Why this check exists, in a sentence for maintainers (`summary` below is for users): replace this line.
        struct \(typeName): Processor {
            static let description = ProcessorDescription(
                identifier: "\(identifier)",
                name: "\(identifier.prefix(1).uppercased() + identifier.dropFirst())",
                summary: "Flags submissions with fewer body words than `min_words`.",
                passingExamples: [
                    Example("Enough words in this body.", configuration: ["min_words": 3]),
                ],
                flaggedExamples: [
                    Example("Two words.", configuration: ["min_words": 3], expect: ["\(identifier).too_short"]),
                ]
            )

            let minimumWords: Int

            init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
                let fields = configuration.fields
                try fields.allowOnly(["min_words"])
                minimumWords = try fields.int("min_words", in: 0...1_000_000) ?? 0
            }

            func process(_ submission: SubmissionContent) throws -> ProcessorResult {
                let words = submission.documents.reduce(0) { total, document in
                    total + document.text.blocks.filter { $0.section == .body }.reduce(0) { $0 + $1.words }
                }
                var findings: [Finding] = []
                if words < minimumWords {
                    findings.append(Finding("\(identifier).too_short", .warning, "The body has \\(words) words, fewer than \\(minimumWords)."))
                }
                return ProcessorResult(processor: Self.identifier, metrics: ["words": .int(words)], findings: findings)
            }
        }

        """
    }

    static func test(identifier: String, typeName: String) -> String {
        """
        import AssessCore
        @testable import AssessProcessors
        import Testing

        /// What the examples in \(typeName)'s description cannot say: configuration errors.
        /// (Every example there is run by ProcessorExampleTests.)
        @Suite struct \(typeName)Tests {
            @Test func rejectsUnknownOptions() {
                let assessment = Assessment(id: "a", title: "A", module: "M", kind: .written)
                #expect(throws: ConfigurationError.self) {
                    try \(typeName)(configuration: ProcessorConfiguration(["min_wrds": 3], processor: "\(identifier)", assessment: assessment))
                }
            }

            @Test func rejectsNegativeMinimum() {
                let assessment = Assessment(id: "a", title: "A", module: "M", kind: .written)
                #expect(throws: ConfigurationError.self) {
                    try \(typeName)(configuration: ProcessorConfiguration(["min_words": -1], processor: "\(identifier)", assessment: assessment))
                }
            }
        }

        """
    }
}
