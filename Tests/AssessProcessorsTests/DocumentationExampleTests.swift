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
        #expect(kinds.isSuperset(of: ["docx", "markdown", "wordcount", "mcq"]))
    }

    @Test(arguments: DocumentationExample.all())
    func workedExample(_ example: DocumentationExample) throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data((example.block("json") ?? "").utf8)) as? [String: Any])
        switch example.kind {
        case "docx", "markdown":
            let document: DocumentText
            if example.kind == "docx" {
                var builder = DocxBuilder(body: try #require(example.block("xml")))
                if let note = example.block("xml", 1) { builder.footnotes = [note] }
                document = try builder.read()
            } else {
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
        case "mcq":
            try verifyMCQ(example, expected)
        default:
            Issue.record("unknown example kind \(example.kind) in \(example.file)")
        }
    }

    /// An MCQ example: an optional test YAML (`yaml`), an optional key file (`xml`, or
    /// `csv key`), the answer sheets (`csv`), and the expected figures: `scores` (each
    /// candidate's total), and optionally `max_score`, `marks` (each item's marks),
    /// `outcomes` (cells that are not plain answers), `summary` (the --json figures) and
    /// `items` (item-analysis figures), compared to two decimals.
    func verifyMCQ(_ example: DocumentationExample, _ expected: [String: Any]) throws {
        let directory = try TemporaryDirectory()
        var keyPath: String?
        if let xml = example.block("xml") {
            keyPath = directory.path + "/key.xml"
            try xml.write(toFile: keyPath ?? "", atomically: true, encoding: .utf8)
        }
        if let csv = example.block("csv key") {
            keyPath = directory.path + "/key.csv"
            try csv.write(toFile: keyPath ?? "", atomically: true, encoding: .utf8)
        }
        if let yaml = example.block("yaml") {
            keyPath = directory.path + "/test.yaml"
            try yaml.write(toFile: keyPath ?? "", atomically: true, encoding: .utf8)
        }
        let test = try MCQTest.load(path: try #require(keyPath, "\(example.file): an mcq example needs a yaml, xml or csv key block"))
        let responses = directory.path + "/responses.csv"
        try (try #require(example.block("csv")) + "\n").write(toFile: responses, atomically: true, encoding: .utf8)
        var sheets: [MarkedSheet] = []
        let scheme = MarkingScheme(test)
        let summary = try MCQMarking.mark(responses: responses, scheme: scheme) { sheets.append($0) }
        func close(_ value: Double?, _ wanted: Any?, _ label: String) {
            guard let wanted = (wanted as? NSNumber)?.doubleValue else {
                #expect(value == nil || wanted is NSNull, "\(example.file) \(label): \(String(describing: value))")
                return
            }
            #expect(abs((value ?? .nan) - wanted) < 0.005, "\(example.file) \(label): \(String(describing: value)) ≠ \(wanted)")
        }
        if let scores = expected["scores"] as? [String: Any] {
            #expect(Set(scores.keys) == Set(sheets.map(\.candidateID)), "\(example.file): candidates")
            for sheet in sheets { close(sheet.total, scores[sheet.candidateID], "score of \(sheet.candidateID)") }
        }
        if let maximum = expected["max_score"] { close(scheme.maximum, maximum, "max_score") }
        if let marks = expected["marks"] as? [String: [Any]] {
            for sheet in sheets {
                guard let wanted = marks[sheet.candidateID] else { continue }
                #expect(wanted.count == sheet.points.count, "\(example.file): marks of \(sheet.candidateID)")
                for (index, value) in zip(sheet.points, wanted).enumerated() { close(value.0, value.1, "\(sheet.candidateID) item \(index + 1)") }
            }
        }
        if let outcomes = expected["outcomes"] as? [String: [String: String]] {
            for sheet in sheets {
                var found: [String: String] = [:]
                for (index, outcome) in sheet.outcomes.enumerated() where outcome != .answered && outcome != .blank {
                    found[scheme.items[index].id] = outcome.rawValue
                }
                #expect(found == (outcomes[sheet.candidateID] ?? [:]), "\(example.file): outcomes of \(sheet.candidateID)")
            }
        }
        if let figures = expected["summary"] as? [String: Any] {
            let actual = MCQReport.summary(summary.analysis)
            for (key, wanted) in figures {
                switch actual[key] {
                case .int(let value)?: close(Double(value), wanted, key)
                case .double(let value)?: close(value, wanted, key)
                default: close(nil, wanted, key)
                }
            }
        }
        if let items = expected["items"] as? [String: [String: Any]] {
            for (id, figures) in items {
                let item = try #require(summary.analysis.items.first { $0.id == id }, "\(example.file): no item \(id)")
                for (key, wanted) in figures {
                    switch key {
                    case "facility": close(item.facility, wanted, "\(id) facility")
                    case "sd": close(item.sd, wanted, "\(id) sd")
                    case "discrimination_index": close(item.discriminationIndex, wanted, "\(id) discrimination index")
                    case "discriminative_efficiency": close(item.discriminativeEfficiency, wanted, "\(id) discriminative efficiency")
                    case "flags": #expect(item.flags == (wanted as? [String]), "\(example.file): \(id) flags")
                    default: Issue.record("\(example.file): unknown item figure \(key)")
                    }
                }
            }
        }
    }
}
