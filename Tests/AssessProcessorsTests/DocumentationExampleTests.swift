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
        #expect(kinds.isSuperset(of: ["docx", "markdown", "odt", "pptx", "pdf", "rtf", "wordcount", "dissertation", "journal", "presentation", "rubric-mark", "penalties", "webpa", "mcq", "similarity"]))
        let docx = DocumentationExample.all().filter { $0.kind == "docx" }
        #expect(!docx.isEmpty && docx.allSatisfy { $0.block("json")?.contains("\"word_compatible\"") == true })
    }

    /// Checks the default-policy count and the nine reported parts.
    @discardableResult
    func checkFigures(_ document: DocumentText, _ expected: [String: Any], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> WordCountFigures {
        let figures = WordCountFigures(document, policy: .standard)
        #expect(figures.counted == expected["words"] as? Int, sourceLocation: sourceLocation)
        let sections = Dictionary(uniqueKeysWithValues: WordCountPart.reported.map { ($0.rawValue, figures[$0]) })
        #expect(sections == expected["sections"] as? [String: Int], sourceLocation: sourceLocation)
        return figures
    }

    /// Runs a processor page's example: the ```yaml block is an excerpt of
    /// assessment.yaml (`deadline`, `processors: {KIND: options}`), an optional ```csv
    /// block the roster (the first row is the candidate), then the submission as
    /// ```markdown or, for slides, ```text (`--- Title`, lines of slide text, `notes: …`).
    /// Every key of the ```json block but `findings` is a metric.
    func runProcessorExample(_ example: DocumentationExample) throws {
        let expected = try JSONDecoder().decode([String: JSONValue].self, from: Data((example.block("json") ?? "").utf8))
        let fields = try ConfigFields(YAMLLoader.parse(try #require(example.block("yaml")), file: example.file), context: "assessment.yaml")
        let options = try #require(try fields.fields("processors")?.raw(example.kind))
        let assessment = Assessment(id: "docs", title: "Docs", module: "M", kind: .written, deadline: try fields.date("deadline"))
        let type = try #require(builtInRegistry.type(example.kind))
        let processor = try type.init(configuration: ProcessorConfiguration(options, processor: example.kind, assessment: assessment))

        var candidate: Candidate?
        var members: [Candidate] = []
        if let csv = example.block("csv") {
            let directory = try TemporaryDirectory()
            try csv.write(toFile: directory.path + "/roster.csv", atomically: true, encoding: .utf8)
            let roster = try CourseLoader.roster(path: directory.path + "/roster.csv")
            candidate = roster.first
            members = roster.filter { $0.group != nil && $0.group == roster.first?.group }
        }
        let document: DocumentText
        if let slides = example.block("text") {
            document = Self.slides(slides)
        } else {
            document = MarkdownReader.read(try #require(example.block("markdown")))
        }
        let content = SubmissionContent(candidateID: candidate?.id ?? "C1", assessment: assessment,
                                        documents: [.init(file: "submission.\(document.format.rawValue)", text: document)],
                                        candidate: candidate, groupMembers: members)
        let result = try processor.process(content)
        for (key, value) in expected where key != "findings" {
            #expect(result.metrics[key] == value, "\(key) in \(example.file)")
        }
        #expect(.array(result.findings.map { .string($0.code) }) == expected["findings"], "findings in \(example.file)")
    }

    /// Runs the similarity page's example: the ```yaml block's options, each ```markdown
    /// block a submission (S1, S2, …), the ```json block the pairs reported ("S1+S2") and
    /// the words of each passage, in report order.
    func runSimilarityExample(_ example: DocumentationExample, _ expected: [String: Any]) throws {
        let fields = try ConfigFields(YAMLLoader.parse(try #require(example.block("yaml")), file: example.file), context: "assessment.yaml")
        let options = try #require(try fields.fields("processors")?.raw("similarity"))
        let assessment = Assessment(id: "docs", title: "Docs", module: "M", kind: .written)
        let type = try #require(builtInRegistry.type("similarity"))
        let processor = try type.init(configuration: ProcessorConfiguration(options, processor: "similarity", assessment: assessment))
        var cohort: [String: ProcessorResult] = [:]
        var index = 0
        while let markdown = example.block("markdown", index) {
            index += 1
            let content = SubmissionContent(candidateID: "S\(index)", assessment: assessment, documents: [.init(file: "s.md", text: MarkdownReader.read(markdown))])
            cohort["S\(index)"] = try processor.process(content)
        }
        let review = processor.review(cohort: cohort)
        let rows = review.report.first?.table?.rows ?? []
        #expect(Set(rows.map { $0[0] + "+" + $0[1] }).sorted() == expected["pairs"] as? [String], "pairs in \(example.file)")
        #expect(rows.compactMap { Int($0[2]) } == expected["passage_words"] as? [Int], "passage words in \(example.file)")
    }

    /// A deck in the docs' notation, as the PPTX reader gives it.
    static func slides(_ text: String) -> DocumentText {
        var blocks: [Block] = []
        var notes: [Block] = []
        var slide = 0
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("--- ") {
                slide += 1
                blocks.append(Block(kind: .heading, text: String(line.dropFirst(4)), level: 1, page: slide))
            } else if line.hasPrefix("notes: ") {
                notes.append(Block(kind: .notes, text: String(line.dropFirst(7)), page: slide))
            } else if !line.isEmpty {
                blocks.append(Block(kind: .slide, text: line, page: slide))
            }
        }
        return DocumentText(format: .pptx, blocks: blocks + notes)
    }

    @Test(arguments: DocumentationExample.all())
    func workedExample(_ example: DocumentationExample) throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data((example.block("json") ?? "").utf8)) as? [String: Any])
        switch example.kind {
        case "docx":
            var builder = DocxBuilder(body: try #require(example.block("xml")))
            if let note = example.block("xml", 1) { builder.footnotes = [note] }
            let document = try builder.read()
            checkFigures(document, expected)
            if let wordCompatible = expected["word_compatible"] {
                #expect(WordCompatibleCount(document).words == wordCompatible as? Int)
            }
        case "markdown":
            checkFigures(MarkdownReader.read(try #require(example.block("markdown"))), expected)
        case "pdf":
            checkFigures(try PdfReader.read(bytes: PdfBuilder(layout: try #require(example.block("text"))).data()), expected)
        case "rtf":
            checkFigures(try RtfReader.read(bytes: Array(try #require(example.block("rtf")).utf8)), expected)
        case "odt":
            checkFigures(try OdtBuilder(body: try #require(example.block("xml"))).read(), expected)
        case "pptx":
            // Each xml block is a slide's shapes; "<!-- notes -->" starts its notes, "<!-- hidden -->" hides it.
            let slides = example.blocks.filter { $0.language == "xml" }.map { block in
                let parts = block.text.components(separatedBy: "<!-- notes -->")
                return PptxBuilder.Slide([parts[0]], notes: parts.count > 1 ? [parts[1]] : nil, hidden: block.text.contains("<!-- hidden -->"))
            }
            let document = try PptxBuilder(slides: slides).read()
            let figures = checkFigures(document, expected)
            #expect(Set(document.blocks.compactMap(\.page)).count == expected["slides"] as? Int)
            #expect(figures[.notes] == expected["notes"] as? Int)
            #expect(figures[.hidden] == expected["hidden"] as? Int)
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
        case "dissertation", "journal", "presentation":
            try runProcessorExample(example)
        case "rubric-mark":
            try rubricMark(example, expected)
        case "penalties":
            try penalties(example, expected)
        case "similarity":
            try runSimilarityExample(example, expected)
        case "webpa":
            try webpa(example, expected)
        case "mcq":
            try verifyMCQ(example, expected)
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

extension DocumentationExampleTests {
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
