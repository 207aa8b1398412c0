import AssessCore
import AssessDocuments
import AssessProcessors
import AssessTestSupport
import Testing

@Suite struct WordCountProcessorTests {
    let assessment = Assessment(id: "a", title: "A", module: "M", kind: .written, wordLimit: 100)

    func make(_ yaml: String) throws -> any Processor {
        let type = try #require(builtInRegistry.type("wordcount"))
        let value = try YAMLLoader.parse(yaml, file: "assessment.yaml")
        return try type.init(configuration: ProcessorConfiguration(value, processor: "wordcount", assessment: assessment))
    }

    @Test(arguments: [
        ("tolerance: ten", "assessment.yaml:1:12: 'tolerance' must be a percent such as 10% or a number of words such as 250"),
        ("limit: -5", "assessment.yaml:1:8: 'limit' in the options of 'wordcount' must be between 1 and 1000000, not -5"),
        ("limt: 5", "assessment.yaml:1:1: unknown key 'limt' in the options of 'wordcount'; did you mean 'limit'?"),
        ("policy: strict", "assessment.yaml:1:9: unknown word-count policy 'strict'"),
        ("policy: {kinds: [paragraph, tables]}", "assessment.yaml:1:17: unknown block kind 'tables'"),
        ("penalty: {deduct_marks: 5, cap_at: 40}", "assessment.yaml:1:10: a penalty needs exactly one of deduct_marks, deduct_percent or cap_at"),
    ])
    func configurationErrorsPointAtTheValue(_ yaml: String, _ expected: String) {
        #expect {
            try make(yaml)
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test func reportExplainsEveryPartAndThePenalty() throws {
        let processor = try make("tolerance: 10%\npenalty: {deduct_marks: 10}")
        let words = (0..<120).map { "w\($0)" }.joined(separator: " ")
        let body = DocxBuilder.paragraph(words) + DocxBuilder.table(["table words here"]) + DocxBuilder.paragraph("Figure 1: caption", style: "Caption")
            + DocxBuilder.paragraph("References", style: "Heading1") + DocxBuilder.paragraph("Smith (2020) Book.")
        var docx = DocxBuilder(body: body)
        docx.footnotes = [DocxBuilder.paragraph("A footnote.")]
        docx.header = DocxBuilder.paragraph("Header text")
        let content = SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.docx", text: try docx.read())])
        let result = try processor.process(content)
        #expect(result.findings.map(\.code) == ["wordcount.over_limit"])
        #expect(result.findings.first?.message == "120 words counted: 20 (20%) over the 100-word limit and beyond the tolerance (up to 110). Penalty: 10 marks deducted.")
        #expect(result.metrics["sections"] == ["body": 120, "tables": 3, "captions": 3, "footnotes": 2, "endnotes": 0, "text_boxes": 0, "references": 4, "appendices": 0, "headers_footers": 2])
        #expect(result.metrics["allowed"] == 110)
        let table = try #require(result.feedback.first?.table)
        #expect(table.rows.map { $0[0] } == ["Main text", "Tables", "Captions", "Footnotes", "Reference list", "Headers and footers"])
        #expect(table.rows[4] == ["Reference list", "4", "0", "the reference list is not counted"])
        #expect(result.columns.map(\.value) == ["120", "100", "yes", "10 marks deducted"])
    }

    @Test func wordsOwnCountIsGivenAndTheDifferenceExplained() throws {
        let processor = try make("policy: {sections: [body], kinds: [heading, paragraph, list_item, footnote]}")
        let body = DocxBuilder.paragraph("Care – at home") + DocxBuilder.table(["two words"])
            + DocxBuilder.paragraph("References", style: "Heading1") + DocxBuilder.paragraph("Smith (2020) Book.")
        var docx = DocxBuilder(body: body)
        docx.footnotes = [DocxBuilder.paragraph("A footnote.")]
        docx.savedStatistics = (words: 9, application: "Microsoft Office Word")
        let content = SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.docx", text: try docx.read())])
        let result = try processor.process(content)
        #expect(result.metrics["words"] == 5)
        #expect(result.metrics["word_compatible"] == 10)
        #expect(result.metrics["saved_word_count"] == 9)
        let feedback = try #require(result.feedback.first)
        #expect(feedback.facts.contains { $0.label == "Word's own count" && $0.value == "10" })
        #expect(feedback.notes.contains("Word's status bar shows 10 words, not 5, because it includes the reference list (4 words) and tables (2 words), which this assessment does not count; it leaves out footnotes (2 words), which this assessment counts; it splits words its own way (a lone dash or symbol is a word, a no-break space separates words, each Chinese, Japanese or Korean character is a word), which gives 1 more word."))
    }

    @Test func noExplanationWhenWordAgrees() throws {
        let processor = try make("limit: 10")
        let content = SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.md", text: MarkdownReader.read("One two three."))])
        let result = try processor.process(content)
        #expect(result.metrics["word_compatible"] == 3)
        #expect(result.metrics["saved_word_count"] == .null)
        #expect(result.feedback.first?.notes.contains { $0.hasPrefix("Word") } == false)
    }

    @Test func policyFromFileAndAllPolicy() throws {
        let document = MarkdownReader.read("Body words.\n\n# References\n\nRef one.")
        #expect(WordCountFigures(document, policy: .standard).counted == 2)
        #expect(WordCountFigures(document, policy: .all).counted == 5)
        let custom = try WordCountPolicy.read(try YAMLLoader.parse("sections: [body, references]\nkinds: [paragraph]\n", file: "p.yaml"))
        #expect(WordCountFigures(document, policy: custom).counted == 4)
    }

    @Test func namesWhereTheLimitAndTheToleranceFall() throws {
        let processor = try make("limit: 5\ntolerance: 20%")
        let document = MarkdownReader.read("# Intro\n\none two three four\n\n# Findings\n\nfive six seven eight nine ten\n\n# References\n\nNot counted.")
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.md", text: document)]))
        #expect(result.metrics["limit_reached_at"] == ["heading": "Intro", "paragraph": 1, "file": nil, "word": "four", "excerpt": "one two three four"])
        #expect(result.metrics["tolerance_reached_at"] == ["heading": "Findings", "paragraph": 0, "file": nil, "word": "Findings", "excerpt": "Findings"])
        let facts = result.feedback.first?.facts.map(\.value) ?? []
        #expect(facts.contains("word 5, in paragraph 1 under 'Intro': “one two three four”"))
        let long = MarkdownReader.read("# A\n\n" + (1...30).map { "w\($0)" }.joined(separator: " "))
        let longResult = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.md", text: long)]))
        #expect(longResult.metrics["limit_reached_at"]?["excerpt"] == "w1 w2 w3 w4")
        let cut = try make("limit: 12\ntolerance: 0")
        let cutResult = try cut.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "e.md", text: long)]))
        #expect(cutResult.metrics["limit_reached_at"]?["excerpt"] == "…w4 w5 w6 w7 w8 w9 w10 w11")
    }

    @Test(arguments: ["", "one", "a — b", " lead and trail ", "x\u{00A0}y z", "é\u{301} ok", "\r\n\tmixed\u{3000}space"])
    func quotedWordsAgreeWithTheCount(_ text: String) {
        #expect(WordCounter.words(in: text).count == WordCounter.count(text))
    }
}
