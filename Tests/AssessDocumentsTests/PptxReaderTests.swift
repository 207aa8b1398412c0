import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

@Suite struct PptxReaderTests {
    typealias P = PptxBuilder
    typealias Slide = PptxBuilder.Slide

    func read(_ slides: [Slide], configure: (inout PptxBuilder) -> Void = { _ in }) throws -> DocumentText {
        var builder = PptxBuilder(slides: slides)
        configure(&builder)
        return try builder.read()
    }

    func texts(_ document: DocumentText, _ kind: BlockKind) -> [String] {
        document.blocks.filter { $0.kind == kind }.map(\.text)
    }

    @Test func readsAsPPTXWithSavedStatistics() throws {
        let document = try read([Slide([P.title("Findings"), P.textBox(["Wait times fell."])])]) { $0.savedWords = 4 }
        #expect(document.format == .pptx)
        #expect(document.saved == SavedStatistics(words: 4, application: "Microsoft Office PowerPoint"))
    }

    @Test func slidesFollowThePresentationsListNotFileNames() throws {
        let slides = [Slide([P.title("Filed first")]), Slide([P.title("Filed second")]), Slide([P.title("Filed third")])]
        let document = try read(slides) { $0.order = [2, 0, 1] }
        #expect(document.blocks.map(\.text) == ["Filed third", "Filed first", "Filed second"])
        #expect(document.blocks.map(\.page) == [1, 2, 3])
    }

    @Test func titlesAreHeadingsAndOtherTextIsSlideText() throws {
        let slide = Slide([
            P.bullets(["First bullet point", "Second bullet point"]),
            P.title("Deck title", type: "ctrTitle"),
            P.shape([P.paragraph("A subtitle")], placeholder: "subTitle"),
            P.textBox(["A text box"]),
        ])
        let document = try read([slide, Slide([P.title("Second slide")])])
        // The title comes first on its slide, wherever it sits in the shape tree.
        #expect(document.blocks.map(\.kind) == [.heading, .slide, .slide, .slide, .slide, .heading])
        #expect(document.blocks.map(\.text) == ["Deck title", "First bullet point", "Second bullet point", "A subtitle", "A text box", "Second slide"])
        #expect(document.blocks.map(\.level) == [1, nil, nil, nil, nil, 1])
        #expect(document.blocks.map(\.page) == [1, 1, 1, 1, 1, 2])
    }

    @Test func titleOfSeveralParagraphsIsOneHeading() throws {
        let document = try read([Slide([P.shape([P.paragraph("Patient flow"), P.paragraph("in acute care")], placeholder: "title")])])
        #expect(document.blocks.map(\.text) == ["Patient flow in acute care"])
    }

    @Test func runsJoinAndBreaksAndFieldsSeparate() throws {
        let paragraph = P.paragraph(runs: [P.run("inter"), P.run("national care"), P.lineBreak, P.run("next line "), P.field("12 March 2026", type: "datetime1")])
        let document = try read([Slide([P.shape([paragraph])])])
        #expect(document.blocks.map(\.text) == ["international care next line 12 March 2026"])
        #expect(document.blocks.first?.words == 7)
    }

    @Test func tablesAreTableCellsOnTheirSlide() throws {
        let document = try read([Slide([P.title("Costs")]), Slide([P.table([["Clinic", "2,500 visits"], ["Ward", "1,200"]])])])
        #expect(texts(document, .tableCell) == ["Clinic", "2,500 visits", "Ward", "1,200"])
        #expect(document.blocks.filter { $0.kind == .tableCell }.allSatisfy { $0.page == 2 })
    }

    @Test func groupShapesAreRead() throws {
        let document = try read([Slide([P.group([P.textBox(["In a group"]), P.group([P.textBox(["In a nested group"])])])])])
        #expect(texts(document, .slide) == ["In a group", "In a nested group"])
    }

    @Test func speakerNotesAreOnlyTheBodyPlaceholderKeptApart() throws {
        let slides = [
            Slide([P.title("One"), P.textBox(["Slide text."])], notes: [P.paragraph("Say hello first."), P.paragraph("Then the aim.")]),
            Slide([P.title("Two")]),
            Slide([P.title("Three")], notes: [P.paragraph("Close.")]),
        ]
        let document = try read(slides)
        #expect(texts(document, .notes) == ["Say hello first.", "Then the aim.", "Close."])
        #expect(document.blocks.filter { $0.kind == .notes }.map(\.page) == [1, 1, 3])
        // Notes come after all the slides' text; the notes page's slide number is not read.
        #expect(document.blocks.map(\.kind) == [.heading, .slide, .heading, .heading, .notes, .notes, .notes])
    }

    @Test func hiddenSlidesAndShapesAreHiddenText() throws {
        let slides = [
            Slide([P.title("Shown"), P.textBox(["Visible words"]), P.textBox(["Hidden shape words"], hidden: true)]),
            Slide([P.title("Backup slide"), P.textBox(["Spare detail"])], notes: [P.paragraph("Backup notes.")], hidden: true),
            Slide([P.title("Last")]),
        ]
        let document = try read(slides)
        #expect(texts(document, .hidden) == ["Hidden shape words", "Backup slide", "Spare detail", "Backup notes."])
        #expect(document.blocks.filter { $0.kind == .hidden }.map(\.page) == [1, 2, 2, 2])
        #expect(texts(document, .heading) == ["Shown", "Last"])
        #expect(document.blocks.first { $0.text == "Last" }?.page == 3)
    }

    @Test func dateFooterAndSlideNumberPlaceholdersAreFooters() throws {
        let slide = Slide([
            P.title("Slide"),
            P.shape([P.paragraph("Group 4 – NHS digital")], placeholder: "ftr"),
            P.shape([P.paragraph(runs: [P.field("3")])], placeholder: "sldNum"),
            P.shape([P.paragraph(runs: [P.field("01/03/2026", type: "datetime1")])], placeholder: "dt"),
        ])
        let document = try read([slide])
        #expect(texts(document, .footer) == ["Group 4 – NHS digital", "3", "01/03/2026"])
        #expect(document.blocks.map(\.kind) == [.heading, .footer, .footer, .footer])
    }

    @Test func alternateContentFallbackIsNotReadTwice() throws {
        let shape = P.alternateContent(choice: P.textBox(["Ink annotation text"]), fallback: P.textBox(["Ink annotation text"]))
        let document = try read([Slide([shape])])
        #expect(texts(document, .slide) == ["Ink annotation text"])
    }

    @Test func smartArtNodesAreSlideText() throws {
        var slide = Slide([P.title("Process")])
        slide.smartArt = ["Referral", "Triage", "Treatment"]
        let document = try read([slide])
        #expect(texts(document, .slide) == ["Referral", "Triage", "Treatment"])
        #expect(!document.blocks.contains { $0.text == "transition text" })
    }

    @Test func commentsAreReadApart() throws {
        var slide = Slide([P.title("Draft")])
        slide.comments = ["Add a source for this figure."]
        let document = try read([slide])
        #expect(texts(document, .comment) == ["Add a source for this figure."])
        #expect(document.blocks.last?.page == 1)
    }

    @Test func masterAndLayoutPromptTextIsNeverRead() throws {
        let document = try read([Slide([P.textBox(["Only this."])])])
        #expect(document.blocks.map(\.text) == ["Only this."])
    }

    @Test func slideTitlesMoveSections() throws {
        let slides = [Slide([P.title("Findings"), P.textBox(["Result."])]), Slide([P.title("References"), P.textBox(["Smith, J. (2020) A book."])])]
        let document = try read(slides)
        #expect(document.blocks.map(\.section) == [.body, .body, .references, .references])
    }

    @Test func strictOOXMLReadsAlike() throws {
        var slide = Slide([P.title("Strict deck"), P.table([["Cell"]]), P.textBox(["Body words"])], notes: [P.paragraph("Spoken words.")])
        slide.smartArt = ["Node"]
        let document = try read([slide]) { $0.strict = true }
        #expect(document.blocks.map(\.kind) == [.heading, .tableCell, .slide, .slide, .notes])
        #expect(document.blocks.map(\.text) == ["Strict deck", "Cell", "Body words", "Node", "Spoken words."])
    }

    @Test func presentationWithoutSlidesIsEmpty() throws {
        let document = try read([])
        #expect(document.blocks.isEmpty)
    }

    @Test func slideListedWithoutRelationshipIsAMissingPart() throws {
        #expect { try read([Slide([P.title("One")])]) { $0.danglingSlideID = true } } throws: { error in
            guard case .missingPart(let part) = error as? DocumentError else { return false }
            return part.contains("slide 2") && part.contains("rId99")
        }
    }

    @Test func slidePartMissingFromTheZipIsAMissingPart() throws {
        #expect { try read([Slide([P.title("One")]), Slide([P.title("Two")])]) { $0.missingSlidePart = 1 } } throws: { error in
            guard case .missingPart(let part) = error as? DocumentError else { return false }
            return part.contains("ppt/slides/slide2.xml")
        }
    }

    @Test func malformedSlideNamesPartAndLine() throws {
        #expect { try read([Slide([P.title("One")])]) { $0.rawSlide = (0, "<p:sld xmlns:p=\"\(PptxBuilderNamespaces.p)\"><p:cSld>") } } throws: { error in
            guard case .malformedXML(let part, _, _) = error as? DocumentError else { return false }
            return part == "ppt/slides/slide1.xml"
        }
    }

    @Test func missingPresentationPartIsAMissingPart() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/broken.pptx"
        let writer = try ZipWriter(path: path)
        try writer.add("[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        try writer.add("_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"ppt/deck.xml\"/></Relationships>")
        try writer.close()
        let archive = try ZipArchive(path: path)
        #expect { try PptxReader.read(archive) } throws: { error in
            guard case .missingPart(let part) = error as? DocumentError else { return false }
            return part.contains("ppt/deck.xml")
        }
    }
}

/// The PresentationML namespace, for hand-written slide XML in tests.
enum PptxBuilderNamespaces {
    static let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
}
