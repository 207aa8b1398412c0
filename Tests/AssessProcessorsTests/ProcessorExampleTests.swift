import AssessCore
import AssessDocuments
import AssessProcessors
import AssessTestSupport
import Foundation
import Testing

extension ProcessorExample: CustomTestStringConvertible {
    public var testDescription: String { description }
}

/// Runs every built-in processor's examples: they are its documentation and its tests.
@Suite("Every processor's examples") struct ProcessorExampleTests {
    @Test(arguments: builtInProcessors.flatMap { ProcessorDescription.examples(of: $0) })
    func example(_ example: ProcessorExample) throws {
        let location = SourceLocation(file: example.file, line: example.line)
        let sourceLocation = Testing.SourceLocation(fileID: "AssessProcessors/\(URL(fileURLWithPath: example.file).lastPathComponent)", filePath: example.file, line: example.line, column: 1)
        let type = try #require(builtInRegistry.type(example.processor))
        let assessment = Assessment(id: "example", title: "Example", module: "M", kind: .written, deadline: example.deadline, wordLimit: example.wordLimit)
        let configuration = try ProcessorConfiguration(example.configuration, processor: example.processor, assessment: assessment, fallback: location)
        let processor = try type.init(configuration: configuration)
        let document = example.document.map { SubmissionContent.Document(file: "example.\($0.format.rawValue)", text: $0) }
            ?? SubmissionContent.Document(file: "example.md", text: MarkdownReader.read(example.text))
        let content = SubmissionContent(candidateID: "C1", assessment: assessment, documents: [document])
        let result = try processor.process(content)
        #expect(result.findings.map(\.code).sorted() == example.expect.sorted(), sourceLocation: sourceLocation)
        for (key, value) in example.metrics {
            #expect(result.metrics[key] == value, "metric \(key)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyProcessorFileIsRegistered() throws {
        let root = Corpus.packageRoot + "/Sources/AssessProcessors"
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        let files = (enumerator.allObjects as? [String] ?? []).filter { $0.hasSuffix("Processor.swift") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }.sorted()
        let registered = builtInProcessors.map { String(describing: $0) }.sorted()
        #expect(files == registered)
        #expect(builtInProcessors.map { $0.identifier } == builtInProcessors.map { $0.identifier }.sorted())
    }

    @Test func everyProcessorHasExamplesOfBothKinds() {
        for type in builtInProcessors {
            #expect(!type.description.passingExamples.isEmpty, "\(type.identifier)")
            #expect(!type.description.flaggedExamples.isEmpty, "\(type.identifier)")
        }
    }
}
