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
        #expect(kinds.isSuperset(of: ["docx", "markdown", "wordcount", "rubric-mark", "penalties", "webpa"]))
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
        case "rubric-mark":
            try rubricMark(example, expected)
        case "penalties":
            try penalties(example, expected)
        case "webpa":
            try webpa(example, expected)
        default:
            Issue.record("unknown example kind \(example.kind) in \(example.file)")
        }
    }

    /// A rubric, the level or score chosen per criterion, the scoring and the rounding.
    func rubricMark(_ example: DocumentationExample, _ expected: [String: Any]) throws {
        let fields = try ConfigFields(YAMLLoader.parse(try #require(example.block("yaml")), file: example.file), context: "example")
        let (parsed, errors) = RubricLoader.read(try #require(fields.raw("rubric")), id: "example", file: example.file)
        #expect(errors.map(\.description) == [])
        let rubric = try #require(parsed)
        var points: [String: Double] = [:]
        let choices = try fields.fields("choices")
        for entry in try #require(choices).value.entries {
            let criterion = try #require(rubric.criterion(entry.key))
            points[entry.key] = try #require(entry.value.number ?? entry.value.text.flatMap { criterion.level(named: $0)?.points })
        }
        let scoring = try #require(RubricScoring(rawValue: try fields.string("scoring") ?? "weighted"))
        var rounding = MarkRounding.wholeMarks
        if let options = try fields.fields("rounding") {
            rounding = MarkRounding(decimals: try options.int("decimals") ?? 0, mode: try #require(MarkRounding.Mode(rawValue: try options.string("mode") ?? "half_up")))
        }
        let raw = try #require(rubric.mark(points: points, scoring: scoring))
        #expect(abs(raw - (try #require(expected["raw_mark"] as? Double))) < 1e-6)
        #expect(rounding.apply(raw) == expected["mark"] as? Double)
    }

    /// A policy, a mark and the facts of timing and length.
    func penalties(_ example: DocumentationExample, _ expected: [String: Any]) throws {
        let fields = try ConfigFields(YAMLLoader.parse(try #require(example.block("yaml")), file: example.file), context: "example")
        let policyFields = ConfigFields.subset(fields, ["late", "over_length", "when_both"])
        let policy = try PenaltyPolicy.read(policyFields, passMark: try fields.number("pass_mark") ?? 50)
        var timing: PenaltyPolicy.Timing?
        if let deadline = try fields.date("deadline"), let submitted = try fields.date("submitted") {
            timing = .init(deadline: deadline, extendedTo: try fields.date("extended_to"), submittedAt: submitted)
        }
        var length: PenaltyPolicy.Length?
        if let words = try fields.int("words"), let limit = try fields.int("limit"), let allowed = try fields.int("allowed") {
            length = .init(words: words, limit: limit, allowed: allowed)
        }
        let outcome = policy.apply(mark: try fields.number("mark"), timing: timing, length: length)
        #expect(outcome.daysLate == expected["days_late"] as? Int)
        #expect(outcome.penalties.map { $0.applied ? $0.deduction : 0 } == expected["deductions"] as? [Double])
        #expect(outcome.mark.map(MarkRounding.wholeMarks.apply) == expected["mark"] as? Double)
    }

    /// Ratings as CSV, the group and the marking parameters.
    func webpa(_ example: DocumentationExample, _ expected: [String: Any]) throws {
        let table = try CSVTable.parse(try #require(example.block("csv")), file: example.file)
        let ratings = table.rows.map { WebPA.Rating(rater: $0.fields[0], ratee: $0.fields[1], score: Double($0.fields[2]) ?? -1) }
        let fields = try ConfigFields(YAMLLoader.parse(try #require(example.block("yaml")), file: example.file), context: "example")
        let members = try #require(try fields.strings("group"))
        let scores = WebPA(groups: ["G": members], ratings: ratings).scores()
        let weighting = (Double(try #require(try fields.string("weighting")).dropLast()) ?? 0) / 100
        let penalty = try fields.fields("penalty")?.number("percent").map(WebPA.Penalty.percent)
        let groupMark = try #require(try fields.number("group_mark"))
        let expectedScores = try #require(expected["webpa_scores"] as? [String: Double])
        let expectedMarks = try #require(expected["marks"] as? [String: Double])
        #expect(Set(expectedScores.keys) == Set(members))
        for member in members {
            let score = try #require(scores[member])
            #expect(score.fudgeFactor == expected["fudge_factor"] as? Double)
            #expect(abs((score.webpaScore ?? 0) - (expectedScores[member] ?? 0)) < 5e-7, "\(member)")
            #expect(MarkRounding.wholeMarks.apply(WebPA.mark(groupMark: groupMark, score: score, weighting: weighting, penalty: penalty)) == expectedMarks[member], "\(member)")
        }
    }
}

extension ConfigFields {
    /// The entries of `fields` whose keys are listed, as a mapping of their own.
    static func subset(_ fields: ConfigFields, _ keys: [String]) -> ConfigFields {
        let entries = fields.value.entries.filter { keys.contains($0.key) }
        return (try? ConfigFields(ConfigValue(.map(entries), at: fields.location), context: fields.context)) ?? fields
    }
}
