import AssessCore
import AssessDocuments
@testable import AssessProcessors
import Foundation
import Testing

/// Generated cohorts with known shared passages: found where they are, not found where
/// the texts are independent, quoted, or references.
@Suite struct SimilarityProcessorTests {
    static let vocabulary = """
        health system care patient service digital record clinical data staff ward trust board nurse doctor pharmacy \
        adoption change leadership evaluation process outcome cost budget risk safety quality audit training policy \
        national local regional primary secondary community hospital clinic practice team manager project programme \
        design user citizen informatics decision support knowledge analytics dashboard report evidence review study \
        pilot phase rollout vendor contract interface standard interoperability privacy consent governance ethics \
        measure indicator target benefit barrier enabler culture workflow prescribing medication error alert \
        the a of to and in for with on by from that this which was were is are be has have had not but also
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// `count` words drawn from the vocabulary by a seeded generator (the same every run).
    static func words(_ count: Int, seed: UInt64) -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return vocabulary[Int((state >> 33) % UInt64(vocabulary.count))]
        }.joined(separator: " ")
    }

    static func paragraphs(_ texts: [String], references: [String] = []) -> DocumentText {
        DocumentText(format: .docx, blocks: texts.map { Block(kind: .paragraph, text: $0) }
            + [Block(kind: .heading, section: .references, text: "References", level: 1)]
            + references.map { Block(kind: .paragraph, section: .references, text: $0) })
    }

    static func review(_ documents: [String: DocumentText], options: ConfigValue = [:]) throws -> CohortReview {
        let assessment = Assessment(id: "essay", title: "Essay", module: "M", kind: .written)
        let processor = try SimilarityProcessor(configuration: ProcessorConfiguration(options, processor: "similarity", assessment: assessment))
        var cohort: [String: ProcessorResult] = [:]
        for (id, document) in documents {
            let result = try processor.process(SubmissionContent(candidateID: id, assessment: assessment, documents: [.init(file: "essay.docx", text: document)]))
            #expect(result.metrics.isEmpty && result.feedback.isEmpty && result.findings.allSatisfy { $0.code == "similarity.too_short" }, "nothing about others for the student")
            cohort[id] = result
        }
        return processor.review(cohort: cohort)
    }

    static func pairs(_ review: CohortReview) -> Set<String> {
        Set(review.problems.filter { $0.code == "similarity.shared_passages" }.map { problem in
            let ids = problem.message.split(separator: " ").filter { $0.hasPrefix("S") }.prefix(2).map(String.init)
            return ids.joined(separator: "+")
        })
    }

    @Test func sharedPassageIsFoundAndShownWhereItIs() throws {
        let shared = Self.words(40, seed: 999)
        let review = try Self.review([
            "S1": Self.paragraphs([Self.words(300, seed: 1), Self.words(120, seed: 2) + " " + shared + " " + Self.words(100, seed: 3)]),
            "S2": Self.paragraphs([Self.words(80, seed: 4) + " " + shared + " " + Self.words(250, seed: 5)]),
            "S3": Self.paragraphs([Self.words(500, seed: 6)]),
        ])
        #expect(Self.pairs(review) == ["S1+S2"])
        let matches = try #require(review.restricted["S1"]?["similarity"])
        guard case .array(let list) = matches, case .array(let passages)? = list.first?["passages"] else { Issue.record("no passages"); return }
        #expect(list.first?["with"] == "S2")
        #expect(passages.count == 1)
        let words = passages.first?["words"]?.intValue ?? 0
        #expect((40...42).contains(words))
        if case .string(let text)? = passages.first?["text"] { #expect(text.contains(shared)) }
        #expect(review.restricted["S3"] == nil)
        let table = try #require(review.report.first?.table)
        #expect(table.rows.count == 1 && table.rows[0][0] == "S1" && table.rows[0][1] == "S2")
    }

    @Test func independentTextsShareNothing() throws {
        var documents: [String: DocumentText] = [:]
        for number in 1...12 { documents["S\(number)"] = Self.paragraphs([Self.words(1500, seed: UInt64(number) * 7919)]) }
        let review = try Self.review(documents)
        #expect(review.problems.isEmpty)
        #expect(review.restricted.isEmpty)
        #expect(review.report.first?.table == nil)
    }

    @Test func editedCopyIsFoundInPieces() throws {
        let first = Self.words(30, seed: 50), second = Self.words(30, seed: 51)
        let review = try Self.review([
            "S1": Self.paragraphs([Self.words(100, seed: 10) + " " + first + " zebra " + second + " " + Self.words(50, seed: 11)]),
            "S2": Self.paragraphs([Self.words(60, seed: 12) + " " + first + " giraffe " + second + " " + Self.words(90, seed: 13)]),
        ])
        #expect(Self.pairs(review) == ["S1+S2"])
        guard case .array(let list)? = review.restricted["S1"]?["similarity"], case .array(let passages)? = list.first?["passages"] else {
            Issue.record("no passages")
            return
        }
        #expect(passages.count == 2)
    }

    @Test func quotationsAndReferencesAreLeftOut() throws {
        let quoted = Self.words(40, seed: 77)
        let reference = "Smith, J. and Jones, K. (2020) " + Self.words(30, seed: 78) + ". London: Example Press."
        let review = try Self.review([
            "S1": Self.paragraphs([Self.words(200, seed: 20) + " As the report puts it, \u{201C}\(quoted)\u{201D} (Smith, 2020). " + Self.words(100, seed: 21),
                                   "\u{201C}\(Self.words(60, seed: 79))\u{201D} (Jones, 2019, p. 4)"],
                                  references: [reference]),
            "S2": Self.paragraphs([Self.words(150, seed: 22) + " \"\(quoted)\" " + Self.words(100, seed: 23),
                                   "\"\(Self.words(60, seed: 79))\""],
                                  references: [reference]),
        ])
        #expect(review.problems.isEmpty)
    }

    @Test func textMostOfTheCohortSharesIsIgnored() throws {
        let prompt = Self.words(50, seed: 5000)
        var documents: [String: DocumentText] = [:]
        for number in 1...4 { documents["S\(number)"] = Self.paragraphs([prompt, Self.words(400, seed: UInt64(number) * 31)]) }
        #expect(try Self.review(documents).problems.isEmpty)
        #expect(!(try Self.review(documents, options: ["ignore_common": "100%"]).problems.isEmpty))
    }

    @Test func thresholdsAreChecked() throws {
        let assessment = Assessment(id: "essay", title: "Essay", module: "M", kind: .written)
        #expect(throws: ConfigurationError.self) {
            try SimilarityProcessor(configuration: ProcessorConfiguration(["min_passage_words": 5], processor: "similarity", assessment: assessment))
        }
        #expect(throws: ConfigurationError.self) {
            try SimilarityProcessor(configuration: ProcessorConfiguration(["sections": ["references"]], processor: "similarity", assessment: assessment))
        }
        #expect(throws: ConfigurationError.self) {
            try SimilarityProcessor(configuration: ProcessorConfiguration(["min_overlap": "150%"], processor: "similarity", assessment: assessment))
        }
        // A high overlap threshold leaves a short shared passage unreported.
        let shared = Self.words(40, seed: 999)
        let documents = ["S1": Self.paragraphs([Self.words(600, seed: 1) + " " + shared]), "S2": Self.paragraphs([shared + " " + Self.words(600, seed: 2)])]
        #expect(!(try Self.review(documents).problems.isEmpty))
        #expect(try Self.review(documents, options: ["min_overlap": "20%"]).problems.isEmpty)
    }
}

extension SimilarityProcessorTests {
    /// A bug found while optimising: a cohort with no fingerprint at all must not trap.
    @Test func cohortOfShortTextsGivesNothing() throws {
        let review = try Self.review(["S1": Self.paragraphs(["Too short."]), "S2": Self.paragraphs(["Also short."])])
        #expect(review.problems.isEmpty && review.restricted.isEmpty)
    }

    /// Case, accents and curly apostrophes do not hide a copy.
    @Test func caseAccentsAndApostrophesAreNormalised() throws {
        let passage = "The Trust’s café-based clinics couldn't meet demand, so the board's review of NHS funding moved patients to the community hub within months of the pilot"
        let review = try Self.review([
            "S1": Self.paragraphs([Self.words(100, seed: 1) + " " + passage + " " + Self.words(100, seed: 2)]),
            "S2": Self.paragraphs([Self.words(100, seed: 3) + " " + passage.uppercased().replacingOccurrences(of: "’", with: "'") + " " + Self.words(100, seed: 4)]),
        ])
        #expect(Self.pairs(review) == ["S1+S2"])
    }
}
