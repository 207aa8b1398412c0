import AssessCore
import AssessDocuments
@testable import AssessProcessors
import AssessTestSupport
import Testing

@Suite struct PresentationProcessorTests {
    let assessment = Assessment(id: "p", title: "P", module: "M", kind: .groupPresentation)
    let members = [
        Candidate(id: "C1005", name: "Mei-Ling Chen", group: "G2"), Candidate(id: "C1006", name: "José Luis Fernández", group: "G2"),
        Candidate(id: "C1007", name: "Fatima Al-Hassan", group: "G2"),
    ]

    func make(_ yaml: String) throws -> any Processor {
        let type = try #require(builtInRegistry.type("presentation"))
        let value = try YAMLLoader.parse(yaml, file: "assessment.yaml")
        return try type.init(configuration: ProcessorConfiguration(value, processor: "presentation", assessment: assessment))
    }

    @Test(arguments: [
        ("slot_minutes: 0", "assessment.yaml:1:15: 'slot_minutes' in the options of 'presentation' must be more than 0 and at most 600, not 0"),
        ("slot_minutes: ten", "assessment.yaml:1:15: 'slot_minutes' in the options of 'presentation' must be a number, not text"),
        ("words_per_minute: 20", "assessment.yaml:1:19: 'words_per_minute' in the options of 'presentation' must be between 40 and 400, not 20"),
        ("max_words_per_slide: [75]", "assessment.yaml:1:22: 'max_words_per_slide' in the options of 'presentation' must be a whole number, not a list"),
        ("max_slide: 20", "assessment.yaml:1:1: unknown key 'max_slide' in the options of 'presentation'; did you mean 'max_slides'?"),
    ])
    func configurationErrorsPointAtTheValue(_ yaml: String, _ expected: String) {
        #expect {
            try make(yaml)
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test func namesTheGroupAndWhichMembersTheSlidesName() throws {
        let processor = try make("slot_minutes: 10")
        let deck = PresentationProcessor.deck([("Digital front door", ["Presented by Mei-Ling Chen and Jose Fernandez"], "Hello.")])
        let content = SubmissionContent(candidateID: "C1005", assessment: assessment, documents: [.init(file: "deck.pptx", text: deck)],
                                        candidate: members[0], groupMembers: members)
        let result = try processor.process(content)
        #expect(result.findings.map(\.code) == [])
        #expect(result.metrics["group"] == "G2")
        #expect(result.restricted?["group_members"] == ["C1005", "C1006", "C1007"])
        #expect(result.restricted?["members_named_on_slides"] == ["C1005", "C1006"])
        #expect(result.metrics["group_members"] == nil)
        let shown = result.feedback.flatMap { [$0.summary ?? ""] + $0.facts.map(\.value) + ($0.table?.rows.flatMap { $0 } ?? []) }
        #expect(!shown.contains { $0.contains("C1006") || $0.contains("C1007") })
        #expect(result.columns.map(\.name) == ["slides", "slide_words", "dense_slides", "notes_words", "speaking_minutes", "slot_minutes", "group", "group_members"])
        #expect(result.columns.last?.value == "C1005; C1006; C1007")
        #expect(result.feedback.map(\.title) == ["Presentation", "Group"])
    }

    @Test func aCandidateWithoutAGroupIsFlagged() throws {
        let processor = try make("{}")
        let content = SubmissionContent(candidateID: "C9", assessment: assessment, documents: [.init(file: "deck.pptx", text: PresentationProcessor.deck([("Title", [], "Notes.")]))],
                                        candidate: Candidate(id: "C9", name: "Solo Person"), groupMembers: [])
        #expect(try processor.process(content).findings.map(\.code) == ["presentation.no_group"])
    }

    @Test func membersOfAGroupWithDifferentDecksAreFlagged() throws {
        let processor = try make("{}")
        func result(_ id: String, slides: Int) throws -> ProcessorResult {
            let deck = PresentationProcessor.deck((1...slides).map { ("Slide \($0)", ["Text"], "Notes here.") })
            let index = try #require(members.firstIndex { $0.id == id })
            return try processor.process(SubmissionContent(candidateID: id, assessment: assessment, documents: [.init(file: "deck.pptx", text: deck)],
                                                           candidate: members[index], groupMembers: members))
        }
        let review = processor.review(cohort: ["C1005": try result("C1005", slides: 3), "C1006": try result("C1006", slides: 4), "C1007": try result("C1007", slides: 3)])
        #expect(review.findings.keys.sorted() == ["C1005", "C1006", "C1007"])
        #expect(review.findings["C1006"]?.map(\.code) == ["presentation.group_decks_differ"])
        #expect(review.report.first?.table?.rows.first?[0] == "G2")

        let same = processor.review(cohort: ["C1005": try result("C1005", slides: 3), "C1007": try result("C1007", slides: 3)])
        #expect(same.findings.isEmpty)
    }

    /// Slides without any text still count when a later slide has text.
    @Test func slideNumbersComeFromPages() throws {
        let processor = try make("{}")
        let document = DocumentText(format: .pptx, blocks: [Block(kind: .slide, text: "First", page: 1), Block(kind: .slide, text: "Third", page: 3),
                                                            Block(kind: .notes, text: "Say it.", page: 3)])
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: assessment, documents: [.init(file: "d.pptx", text: document)]))
        #expect(result.metrics["slides"] == 3)
        #expect(result.metrics["words_per_slide"] == [1, 0, 1])
        #expect(result.metrics["slides_without_notes"] == [1, 2])
    }
}
