import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

@Suite struct OdtReaderTests {
    typealias O = OdtBuilder

    func read(_ body: String, configure: (inout OdtBuilder) -> Void = { _ in }) throws -> DocumentText {
        var builder = OdtBuilder(body: body)
        configure(&builder)
        return try builder.read()
    }

    func texts(_ document: DocumentText, _ kind: BlockKind) -> [String] {
        document.blocks.filter { $0.kind == kind }.map(\.text)
    }

    @Test func readsAsODTWithSavedStatistics() throws {
        let document = try read(O.paragraph("Patient flow matters.")) { $0.savedWords = 3 }
        #expect(document.format == .odt)
        #expect(document.blocks.map(\.text) == ["Patient flow matters."])
        #expect(document.saved == SavedStatistics(words: 3, application: "LibreOffice/25.8.4.2"))
    }

    @Test func savedStatisticsAbsentWhenMetaHasNone() throws {
        let document = try read(O.paragraph("Text.")) { $0.generator = "" }
        #expect(document.saved == nil)
    }

    @Test func headingsByOutlineLevelAndByStyle() throws {
        let body = O.heading("Introduction", level: 1) + O.heading("Background", level: 2)
            + "<text:h>No level given</text:h>"
            + O.paragraph("Styled as a heading", style: "Heading_20_2")
            + O.paragraph("Body text here.", style: "Text_20_body")
        let document = try read(body)
        #expect(document.blocks.map(\.kind) == [.heading, .heading, .heading, .heading, .paragraph])
        #expect(document.blocks.map(\.level) == [1, 2, 1, 2, nil])
    }

    @Test func headingStyleFoundThroughParentChain() throws {
        let document = try read(O.paragraph("Methods", style: "P1") + "<text:h text:style-name=\"P2\">Results</text:h>") {
            $0.automaticStyles = "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\"/><style:style style:name=\"P2\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_2\"/>"
        }
        #expect(document.blocks.map(\.kind) == [.heading, .heading])
        // text:h without text:outline-level takes its style's default outline level.
        #expect(document.blocks.map(\.level) == [1, 2])
    }

    @Test func titleIsLevelZeroFrontMatter() throws {
        let document = try read(O.paragraph("Digital front doors", style: "P1") + O.paragraph("A subtitle", style: "Subtitle") + O.heading("Introduction") + O.paragraph("Body.")) {
            $0.automaticStyles = "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Title\"/>"
        }
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.blocks.first?.level == 0)
        #expect(document.blocks.map(\.section) == [.frontMatter, .frontMatter, .body, .body])
    }

    @Test func spacesTabsAndLineBreaksSeparateWords() throws {
        let body = "<text:p>one<text:s text:c=\"3\"/>two<text:tab/>three<text:line-break/>four<text:s/>five</text:p>"
        let document = try read(body)
        #expect(document.blocks.first?.words == 5)
        #expect(document.blocks.first?.text == "one   two three four five")
    }

    @Test func spansJoinWithoutSpaceAndPageBreaksAreIgnored() throws {
        let body = "<text:p>inter<text:span text:style-name=\"Strong_20_Emphasis\">national</text:span> pa<text:soft-page-break/>tients<text:bookmark text:name=\"b\"/> care</text:p>"
        let document = try read(body)
        #expect(document.blocks.map(\.text) == ["international patients care"])
        #expect(document.blocks.first?.words == 3)
    }

    @Test func listsAndHeadingsInsideLists() throws {
        // OpenOffice.org 2 put numbered headings inside text:list; they stay headings.
        let body = O.list(["first item", "second item"])
            + "<text:list><text:list-item><text:h text:outline-level=\"1\">1 Numbered heading</text:h><text:list><text:list-item>\(O.paragraph("nested item"))</text:list-item></text:list></text:list-item></text:list>"
            + "<text:numbered-paragraph><text:p>numbered paragraph</text:p></text:numbered-paragraph>"
            + O.paragraph("after")
        let document = try read(body)
        #expect(document.blocks.map(\.kind) == [.listItem, .listItem, .heading, .listItem, .listItem, .paragraph])
    }

    @Test func tableCellsAndNestedTables() throws {
        let nested = "<table:table><table:table-row><table:table-cell>\(O.paragraph("inner cell"))</table:table-cell></table:table-row></table:table>"
        let body = O.table([["alpha beta", "gamma"]])
            + "<table:table><table:table-row><table:table-cell>\(nested)\(O.paragraph("outer"))</table:table-cell><table:covered-table-cell/></table:table-row></table:table>"
            + O.paragraph("after")
        let document = try read(body)
        #expect(texts(document, .tableCell) == ["alpha beta", "gamma", "inner cell", "outer"])
        #expect(texts(document, .paragraph) == ["after"])
    }

    @Test func framesAndShapesAreTextBoxesWithoutTheirAltText() throws {
        let body = "<text:p>Anchor text\(O.frame(O.paragraph("Inside the frame")))</text:p>"
            + "<text:p><draw:custom-shape draw:name=\"Shape1\"><svg:desc>A description</svg:desc>\(O.paragraph("Shape words"))<draw:enhanced-geometry/></draw:custom-shape></text:p>"
        let document = try read(body)
        #expect(texts(document, .textBox) == ["Inside the frame", "Shape words"])
        #expect(texts(document, .paragraph) == ["Anchor text"])
        #expect(!document.blocks.contains { $0.text.contains("Alt") || $0.text.contains("description") })
    }

    @Test func footnotesAndEndnotesWithoutCitationMarks() throws {
        let body = "<text:p>Some text\(O.note("Footnote words here.", citation: "1")) with a footnote and\(O.note("An endnote.", citation: "i", endnote: true)) an endnote.</text:p>" + O.paragraph("Next.")
        let document = try read(body)
        #expect(texts(document, .paragraph) == ["Some text with a footnote and an endnote.", "Next."])
        #expect(texts(document, .footnote) == ["Footnote words here."])
        #expect(texts(document, .endnote) == ["An endnote."])
        // Main text first, then notes.
        #expect(document.blocks.map(\.kind) == [.paragraph, .paragraph, .footnote, .endnote])
    }

    @Test func captionsByStyleParentOrSequenceField() throws {
        let body = O.paragraph("Table 1: Costs", style: "Table")
            + O.paragraph("Figure 2: By automatic style", style: "P1")
            + O.paragraph("Illustration 3: Flow", style: "Illustration")
            + "<text:p>Chart <text:sequence text:ref-name=\"refDrawing0\" text:name=\"Drawing\" text:formula=\"ooow:Drawing+1\" style:num-format=\"1\">4</text:sequence>: By field</text:p>"
            + "<text:p>See <text:sequence-ref text:ref-name=\"refTable0\">Table 1</text:sequence-ref> for costs.</text:p>"
        let document = try read(body) {
            $0.automaticStyles = "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Figure\"/>"
        }
        #expect(texts(document, .caption) == ["Table 1: Costs", "Figure 2: By automatic style", "Illustration 3: Flow", "Chart 4: By field"])
        #expect(texts(document, .paragraph) == ["See Table 1 for costs."])
    }

    @Test func captionedImageFrameIsACaptionNotATextBox() throws {
        // LibreOffice wraps a captioned image in a frame: the caption is still a caption.
        let inner = "<text:p text:style-name=\"Figure\"><draw:frame draw:name=\"Image1\"><draw:image xlink:href=\"Pictures/1.png\"/></draw:frame>Figure <text:sequence text:name=\"Figure\">1</text:sequence>: Image caption</text:p>"
        let document = try read("<text:p>\(O.frame(inner))</text:p>")
        #expect(document.blocks.map(\.kind) == [.caption])
        #expect(document.blocks.first?.text == "Figure 1: Image caption")
    }

    @Test func trackedDeletionsAreKeptApartWhereTheyWereMade() throws {
        let changes = "<text:tracked-changes>"
            + "<text:changed-region xml:id=\"ct1\" text:id=\"ct1\"><text:deletion><office:change-info><dc:creator>Student</dc:creator><dc:date>2026-01-01T10:00:00</dc:date></office:change-info>\(O.paragraph("draft words removed"))</text:deletion></text:changed-region>"
            + "<text:changed-region xml:id=\"ct2\"><text:insertion><office:change-info><dc:creator>Student</dc:creator></office:change-info></text:insertion></text:changed-region>"
            + "<text:changed-region xml:id=\"ct3\"><text:deletion><office:change-info/>\(O.paragraph("a whole deleted paragraph"))</text:deletion></text:changed-region>"
            + "</text:tracked-changes>"
        let body = changes
            + "<text:p>Some text with <text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>inserted <text:change-end text:change-id=\"ct2\"/>words.</text:p>"
            + O.paragraph("Last paragraph.")
        let document = try read(body)
        #expect(document.blocks.map(\.kind) == [.paragraph, .deleted, .paragraph, .deleted])
        #expect(document.blocks.map(\.text) == ["Some text with inserted words.", "draft words removed", "Last paragraph.", "a whole deleted paragraph"])
        #expect(!document.blocks.contains { $0.text.contains("Student") })
    }

    @Test func openOffice2ChangeRegionsUseTextID() throws {
        let body = "<text:tracked-changes><text:changed-region text:id=\"ct9\"><text:deletion><office:change-info/>\(O.paragraph("old words"))</text:deletion></text:changed-region></text:tracked-changes>"
            + "<text:p>Kept<text:change text:change-id=\"ct9\"/> text.</text:p>"
        let document = try read(body) { $0.version = "1.0"; $0.generator = "OpenOffice.org/2.3$Linux OpenOffice.org_project/680m6$Build-9226" }
        #expect(document.blocks.map(\.kind) == [.paragraph, .deleted])
        #expect(document.saved?.application == "OpenOffice.org/2.3")
    }

    @Test func commentsAreReadApartWithoutAuthorOrDate() throws {
        let annotation = "<office:annotation><dc:creator>Marker</dc:creator><dc:date>2026-01-01T10:00:00</dc:date><meta:creator-initials>MK</meta:creator-initials>\(O.paragraph("Cite a source here."))</office:annotation>"
        let document = try read("<text:p>inter\(annotation)national claim<office:annotation-end office:name=\"a\"/>.</text:p>")
        #expect(texts(document, .paragraph) == ["international claim."])
        #expect(texts(document, .comment) == ["Cite a source here."])
    }

    @Test func hiddenTextByFieldStyleParagraphAndSection() throws {
        let body = "<text:p>Shown<text:hidden-text text:condition=\"ooow:1\" text:string-value=\" secret words\"> secret words</text:hidden-text> text.</text:p>"
            + "<text:p><text:hidden-paragraph text:condition=\"ooow:1\" text:is-hidden=\"true\"/>A hidden paragraph</text:p>"
            + O.paragraph("Hidden by paragraph style", style: "P1")
            + "<text:p>Visible <text:span text:style-name=\"Secret\">hidden span</text:span> again</text:p>"
            + "<text:section text:name=\"Notes\" text:display=\"none\">\(O.paragraph("Hidden section text"))</text:section>"
            + "<text:section text:name=\"Shown\">\(O.paragraph("Visible section text"))</text:section>"
        let document = try read(body) {
            $0.automaticStyles = "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Hidden_20_note\"/>"
        }
        // The spaces either side of hidden text both stay, as LibreOffice shows them.
        #expect(texts(document, .paragraph) == ["Shown text.", "Visible  again", "Visible section text"])
        #expect(texts(document, .hidden) == ["secret words", "A hidden paragraph", "Hidden by paragraph style", "hidden span", "Hidden section text"])
    }

    @Test func visibleSpanInsideHiddenParagraphStyleStaysHidden() throws {
        let document = try read("<text:p text:style-name=\"Hidden_20_note\">all <text:span text:style-name=\"Strong_20_Emphasis\">hidden</text:span></text:p>")
        #expect(texts(document, .hidden) == ["all hidden"])
    }

    @Test func headersAndFootersFromMasterPagesOnceEach() throws {
        let pages = "<style:master-page style:name=\"Standard\"><style:header>\(O.paragraph("Running head"))</style:header><style:header-left style:display=\"false\">\(O.paragraph("Switched off"))</style:header-left><style:footer>\(O.paragraph("Page footer"))</style:footer><style:footer-first>\(O.paragraph("First page footer"))</style:footer-first></style:master-page>"
            + "<style:master-page style:name=\"Right_20_Page\"><style:header>\(O.paragraph("Running head"))</style:header></style:master-page>"
        let document = try read(O.paragraph("Body.")) { $0.masterStyles = pages }
        #expect(texts(document, .header) == ["Running head"])
        #expect(texts(document, .footer) == ["Page footer", "First page footer"])
        #expect(document.blocks.first?.kind == .paragraph)
    }

    @Test func sectionsFollowHeadings() throws {
        let body = O.heading("Introduction") + O.paragraph("Body words.") + O.heading("References")
            + O.paragraph("Smith, J. (2020) A book.") + O.heading("Appendix A") + O.paragraph("Extra.")
        let document = try read(body)
        #expect(document.blocks.map(\.section) == [.body, .body, .references, .references, .appendix, .appendix])
    }

    @Test func contentsIsFrontMatterAndBibliographyOpensReferences() throws {
        let toc = "<text:table-of-content text:name=\"Table of Contents1\"><text:table-of-content-source text:outline-level=\"10\"><text:index-title-template text:style-name=\"Contents_20_Heading\">Template title</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name=\"Table of Contents1_Head\">\(O.paragraph("Contents", style: "Contents_20_Heading"))</text:index-title>\(O.paragraph("Introduction\t1", style: "Contents_20_1"))</text:index-body></text:table-of-content>"
        let bibliography = "<text:bibliography text:name=\"Bibliography1\"><text:bibliography-source><text:index-title-template>Bibliography</text:index-title-template></text:bibliography-source><text:index-body><text:index-title text:name=\"Bibliography1_Head\">\(O.paragraph("Bibliography", style: "Bibliography_20_Heading"))</text:index-title>\(O.paragraph("Smith, J. (2020) A book."))</text:index-body></text:bibliography>"
        let document = try read(toc + O.heading("Introduction") + O.paragraph("Body.") + bibliography)
        #expect(document.blocks.map(\.text) == ["Contents", "Introduction 1", "Introduction", "Body.", "Bibliography", "Smith, J. (2020) A book."])
        #expect(document.blocks.map(\.section) == [.frontMatter, .frontMatter, .body, .body, .references, .references])
    }

    @Test func emptyAndWhitespaceParagraphsGiveNoBlocks() throws {
        let document = try read("<text:p/><text:p>   </text:p><text:p><text:s text:c=\"4\"/></text:p>" + O.paragraph("Words."))
        #expect(document.blocks.map(\.text) == ["Words."])
    }

    @Test func flatODTIsRead() throws {
        var builder = OdtBuilder(body: O.heading("Introduction") + "<text:p>Text<draw:frame><draw:object><office:document><office:body><office:chart><table:table><table:table-row><table:table-cell><text:p>chart data</text:p></table:table-cell></table:table-row></table:table></office:chart></office:body></office:document></draw:object></draw:frame> here.</text:p>")
        builder.savedWords = 3
        builder.footer = O.paragraph("Footer text")
        let directory = try TemporaryDirectory()
        let path = directory.path + "/essay.fodt"
        try Data(builder.flatXML().utf8).write(to: URL(fileURLWithPath: path))
        let document = try DocumentReader.read(path: path)
        #expect(document.format == .odt)
        #expect(document.blocks.map(\.text) == ["Introduction", "Text here.", "Footer text"])
        #expect(document.saved?.words == 3)
    }

    @Test func flatFilesAreKnownPastLongNamespaceLists() throws {
        var builder = OdtBuilder(body: O.paragraph("Flat words."))
        let padding = (0..<60).map { " xmlns:ext\($0)=\"urn:example:extension:namespace:number:\($0)\"" }.joined()
        let directory = try TemporaryDirectory()
        let path = directory.path + "/essay.fodt"
        try Data(builder.flatXML().replacing("<office:document ", with: "<office:document\(padding) ").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try DocumentReader.read(path: path).blocks.map(\.text) == ["Flat words."])
        builder.bodyKind = "spreadsheet"
        builder.mimetype = "application/vnd.oasis.opendocument.spreadsheet"
        try Data(builder.flatXML().utf8).write(to: URL(fileURLWithPath: path))
        #expect { try DocumentReader.read(path: path) } throws: { error in
            guard case .unsupportedFormat = error as? DocumentError else { return false }
            return true
        }
        // An essay that only talks about ODF is still plain text.
        let essay = directory.path + "/essay.txt"
        try "ODF files start with <office:document and declare \(OdtBuilder.namespaces).".write(toFile: essay, atomically: true, encoding: .utf8)
        #expect(try DocumentReader.read(path: essay).format == .text)
    }

    @Test(arguments: [
        ("application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"),
        ("application/vnd.oasis.opendocument.presentation", "presentation"),
        ("application/vnd.oasis.opendocument.graphics", "drawing"),
    ])
    func otherOpenDocumentKindsAreRefused(_ mimetype: String, _ body: String) throws {
        var builder = OdtBuilder(body: "")
        builder.mimetype = mimetype
        builder.bodyKind = body
        #expect { try builder.read() } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains("DOCX") || message.contains("PPTX")
        }
        // Without a telling mimetype, the body's kind gives it away.
        builder.mimetype = "application/octet-stream"
        #expect { try builder.read() } throws: { error in
            guard case .unsupportedFormat = error as? DocumentError else { return false }
            return true
        }
    }

    @Test func openOffice1FilesAreRefusedWithTheFix() throws {
        var builder = OdtBuilder(body: O.paragraph("Old."))
        builder.mimetype = "application/vnd.sun.xml.writer"
        #expect { try builder.read() } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains("LibreOffice")
        }
    }

    @Test func passwordProtectedFilesSayEncrypted() throws {
        var builder = OdtBuilder(body: O.paragraph("Secret."))
        builder.encrypted = true
        #expect(throws: DocumentError.encrypted) { try builder.read() }
    }

    @Test func missingContentIsAMissingPart() throws {
        var builder = OdtBuilder(body: "")
        builder.omitContent = true
        let directory = try TemporaryDirectory()
        let archive = try ZipArchive(path: builder.write(in: directory.path))
        #expect { try OdtReader.read(archive) } throws: { error in
            guard case .missingPart(let part) = error as? DocumentError else { return false }
            return part.contains("content.xml")
        }
    }

    @Test func withoutStylesPartStyleNamesStillCount() throws {
        // pandoc and odfpy files may name LibreOffice's styles without defining them.
        let document = try read(O.paragraph("Results", style: "Heading_20_1") + O.paragraph("Table 1: Costs", style: "Caption")) { $0.omitStyles = true }
        #expect(document.blocks.map(\.kind) == [.heading, .caption])
    }

    @Test func malformedContentNamesPartAndLine() throws {
        #expect { try read("<text:p>unclosed") } throws: { error in
            guard case .malformedXML(let part, let line, _) = error as? DocumentError else { return false }
            return part == "content.xml" && line >= 1
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let directory = try TemporaryDirectory()
        let secret = directory.path + "/secret.txt"
        try "TOPSECRET".write(toFile: secret, atomically: true, encoding: .utf8)
        let content = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY nasty SYSTEM \"file://\(secret)\">]><office:document-content \(OdtBuilder.namespaces)><office:body><office:text><text:p>Test: &nasty;</text:p></office:text></office:body></office:document-content>"
        let path = directory.path + "/nasty.odt"
        let writer = try ZipWriter(path: path)
        try writer.add("mimetype", text: "application/vnd.oasis.opendocument.text", compress: false)
        try writer.add("content.xml", text: content)
        try writer.close()
        let document = try DocumentReader.read(path: path)
        #expect(!document.blocks.contains { $0.text.contains("TOPSECRET") })
    }
}
