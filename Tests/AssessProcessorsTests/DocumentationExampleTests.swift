import AssessCore
import AssessDocuments
import AssessProcessors
import AssessTestSupport
import Foundation
import Testing

/// The worked examples in `docs/` are run here, so the documentation cannot drift from
/// what the code does. An example starts at `<!-- example: KIND -->` and ends at its
/// first ```json block, which holds the expected figures.
struct DocumentationExample: CustomTestStringConvertible, Sendable {
    var file: String
    var kind: String
    var blocks: [(language: String, text: String)]
    var testDescription: String { "\(kind) example in \(file)" }

    static func all() -> [DocumentationExample] {
        let root = Corpus.packageRoot + "/docs"
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var examples: [DocumentationExample] = []
        for file in files {
            guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) else { continue }
            for part in text.components(separatedBy: "<!-- example: ").dropFirst() {
                let kind = String(part.prefix { $0 != " " })
                var blocks: [(String, String)] = []
                var rest = Substring(part)
                while let open = rest.range(of: "```") {
                    let afterFence = rest[open.upperBound...]
                    let language = String(afterFence.prefix { $0 != "\n" })
                    let body = afterFence.drop { $0 != "\n" }.dropFirst()
                    guard let close = body.range(of: "\n```") else { break }
                    blocks.append((language, String(body[..<close.lowerBound])))
                    rest = body[close.upperBound...]
                    if language == "json" { break }
                }
                examples.append(DocumentationExample(file: file, kind: kind, blocks: blocks))
            }
        }
        return examples
    }

    func block(_ language: String, _ index: Int = 0) -> String? {
        let matching = blocks.filter { $0.language == language }
        return index < matching.count ? matching[index].text : nil
    }
}

@Suite struct DocumentationExampleTests {
    @Test func everyFormatAndProcessorPageHasAnExample() {
        let kinds = Set(DocumentationExample.all().map(\.kind))
        #expect(kinds.isSuperset(of: ["docx", "markdown", "pdf", "rtf", "wordcount"]))
    }

    @Test(arguments: DocumentationExample.all())
    func workedExample(_ example: DocumentationExample) throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data((example.block("json") ?? "").utf8)) as? [String: Any])
        switch example.kind {
        case "docx", "markdown", "pdf", "rtf":
            let document: DocumentText
            switch example.kind {
            case "docx":
                var builder = DocxBuilder(body: try #require(example.block("xml")))
                if let note = example.block("xml", 1) { builder.footnotes = [note] }
                document = try builder.read()
            case "pdf":
                document = try PdfReader.read(bytes: PdfBuilder(layout: try #require(example.block("text"))).data())
            case "rtf":
                document = try RtfReader.read(bytes: Array(try #require(example.block("rtf")).utf8))
            default:
                document = MarkdownReader.read(try #require(example.block("markdown")))
            }
            let figures = WordCountFigures(document, policy: .standard)
            #expect(figures.counted == expected["words"] as? Int)
            let sections = Dictionary(uniqueKeysWithValues: WordCountPart.reported.map { ($0.rawValue, figures[$0]) })
            #expect(sections == expected["sections"] as? [String: Int])
        case "wordcount":
            let type = try #require(builtInRegistry.type("wordcount"))
            let assessment = Assessment(id: "docs", title: "Docs", module: "M", kind: .written)
            let options = try YAMLLoader.parse(try #require(example.block("yaml")), file: example.file)
            let processor = try type.init(configuration: ProcessorConfiguration(options, processor: "wordcount", assessment: assessment))
            let document = MarkdownReader.read(try #require(example.block("markdown")))
            let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "essay.md", text: document)]))
            #expect(result.metrics["words"]?.intValue == expected["words"] as? Int)
            #expect(result.metrics["allowed"]?.intValue == expected["allowed"] as? Int)
            #expect(result.metrics["over_limit"] == (expected["over_limit"] as? Bool).map(JSONValue.bool))
            #expect(result.metrics["penalty"] == (expected["penalty"] as? String).map(JSONValue.string))
            #expect(result.findings.map(\.code) == expected["findings"] as? [String])
        default:
            Issue.record("unknown example kind \(example.kind) in \(example.file)")
        }
    }
}
