import AssessDocuments
import AssessTestSupport
import Testing

@Suite struct DocxReaderTests {
    typealias D = DocxBuilder

    func read(_ body: String, configure: (inout DocxBuilder) -> Void = { _ in }) throws -> DocumentText {
        var builder = DocxBuilder(body: body)
        configure(&builder)
        return try builder.read()
    }

    func texts(_ document: DocumentText, _ kind: BlockKind) -> [String] {
        document.blocks.filter { $0.kind == kind }.map(\.text)
    }

    @Test func runsSplitMidWordJoinWithoutSpace() throws {
        let document = try read(D.paragraph(runs: [D.run("inter"), D.run("national", properties: "<w:b/>"), D.run(" health")]))
        #expect(document.blocks.map(\.text) == ["international health"])
        #expect(document.blocks.first?.words == 2)
    }

    @Test func tabsAndBreaksSeparateWords() throws {
        let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t><w:cr/><w:t>four</w:t></w:r></w:p>"
        let document = try read(body)
        #expect(document.blocks.first?.words == 4)
    }

    @Test func headingsByStyleAndByOutlineLevel() throws {
        let body = D.paragraph("Introduction", style: "Heading1")
            + D.paragraph(runs: [D.run("Direct outline")], properties: "<w:outlineLvl w:val=\"1\"/>")
            + D.paragraph("Body text here.")
        let document = try read(body)
        #expect(document.blocks.map(\.kind) == [.heading, .heading, .paragraph])
        #expect(document.blocks.map(\.level) == [1, 2, nil])
    }

    @Test func headingStyleFoundThroughBasedOnChain() throws {
        let document = try read(D.paragraph("Method", style: "MyHeading")) {
            $0.extraStyles = "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"My Heading\"/><w:basedOn w:val=\"Heading2\"/></w:style>"
        }
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.blocks.first?.level == 2)
    }

    @Test func builtInStyleIDsWorkWithoutStylesPart() throws {
        let document = try read(D.paragraph("Results", style: "Heading1") + D.paragraph("Text.")) { $0.omitStyles = true }
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph])
    }

    @Test func titleIsFrontMatter() throws {
        let document = try read(D.paragraph("My essay title", style: "Title") + D.paragraph("Body."))
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.blocks.first?.section == .frontMatter)
        #expect(document.blocks.last?.section == .body)
    }

    @Test func listsByNumberingOrListStyle() throws {
        let body = D.paragraph(runs: [D.run("numbered item")], properties: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>")
            + D.paragraph("styled item", style: "ListParagraph")
            + D.paragraph(runs: [D.run("numbering removed")], properties: "<w:numPr><w:numId w:val=\"0\"/></w:numPr>")
        let document = try read(body)
        #expect(document.blocks.map(\.kind) == [.listItem, .listItem, .paragraph])
    }

    @Test func tableCellsAndNestedTables() throws {
        let nested = "<w:tbl><w:tr><w:tc>\(D.paragraph("inner cell"))</w:tc></w:tr></w:tbl>"
        let body = D.table(["alpha beta", "gamma"]) + "<w:tbl><w:tr><w:tc>\(nested)\(D.paragraph("outer"))</w:tc></w:tr></w:tbl>" + D.paragraph("after")
        let document = try read(body)
        #expect(texts(document, .tableCell) == ["alpha beta", "gamma", "inner cell", "outer"])
        #expect(texts(document, .paragraph) == ["after"])
    }

    @Test func captionsByStyleOrSequenceField() throws {
        let fieldCaption = "<w:p><w:r><w:t xml:space=\"preserve\">Figure </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> SEQ Figure \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\">: Flow of patients</w:t></w:r></w:p>"
        let simple = "<w:p><w:r><w:t xml:space=\"preserve\">Table </w:t></w:r><w:fldSimple w:instr=\" SEQ Table \\* ARABIC \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>: Costs</w:t></w:r></w:p>"
        let document = try read(D.paragraph("Table 3: By style", style: "Caption") + fieldCaption + simple)
        #expect(texts(document, .caption) == ["Table 3: By style", "Figure 2: Flow of patients", "Table 1: Costs"])
    }

    @Test func fieldCodesAreNeverText() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">See page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGEREF _Ref123 \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        let document = try read(body)
        #expect(document.blocks.map(\.text) == ["See page 4"])
    }

    @Test func footnotesAndEndnotesWithoutSeparators() throws {
        let document = try read(D.paragraph("Body.")) {
            $0.footnotes = [D.paragraph("First note here."), D.paragraph("Second.")]
            $0.endnotes = [D.paragraph("An endnote.")]
        }
        #expect(texts(document, .footnote) == ["First note here.", "Second."])
        #expect(texts(document, .endnote) == ["An endnote."])
        #expect(!document.blocks.contains { $0.text.contains("continued") })
    }

    @Test func textBoxCountedOnceNotItsFallback() throws {
        let box = "<w:txbxContent>\(D.paragraph("Boxed words here"))</w:txbxContent>"
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">Around </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>\(box)</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>\(box)</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>it.</w:t></w:r></w:p>"
        let document = try read(body)
        #expect(texts(document, .textBox) == ["Boxed words here"])
        #expect(texts(document, .paragraph) == ["Around it."])
    }

    @Test func oldVMLTextBoxIsATextBox() throws {
        let body = "<w:p><w:r><w:pict><v:textbox><w:txbxContent>\(D.paragraph("Legacy box"))</w:txbxContent></v:textbox></w:pict></w:r></w:p>"
        #expect(texts(try read(body), .textBox) == ["Legacy box"])
    }

    @Test func headersFootersAndComments() throws {
        let document = try read(D.paragraph("Body words.")) {
            $0.header = D.paragraph("Candidate C1001 header")
            $0.footer = D.paragraph("Page footer")
            $0.comments = [D.paragraph("Marker comment is never counted")]
        }
        #expect(texts(document, .header) == ["Candidate C1001 header"])
        #expect(texts(document, .footer) == ["Page footer"])
        #expect(texts(document, .comment) == ["Marker comment is never counted"])
    }

    @Test func trackedChangesDeletionsApartInsertionsKept() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">kept </w:t></w:r><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">removed words </w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>inserted</w:t></w:r></w:ins><w:moveFrom w:id=\"3\" w:author=\"A\"><w:r><w:t>movedaway</w:t></w:r></w:moveFrom></w:p>"
        let document = try read(body)
        #expect(texts(document, .paragraph) == ["kept inserted"])
        #expect(texts(document, .deleted) == ["removed words movedaway"])
    }

    @Test func hiddenTextDirectOrByStyleButNotWhenSwitchedOff() throws {
        let body = D.paragraph(runs: [
            D.run("shown "), D.run("secret ", properties: "<w:vanish/>"), D.run("also shown ", properties: "<w:vanish w:val=\"0\"/>"),
            D.run("styled secret", properties: "<w:rStyle w:val=\"Secret\"/>"),
        ], properties: "<w:rPr><w:vanish/></w:rPr>")
        let document = try read(body)
        #expect(texts(document, .paragraph) == ["shown also shown "])
        #expect(texts(document, .hidden) == ["secret styled secret"])
    }

    @Test func strictNamespaceIsRead() throws {
        let document = try read(D.paragraph("Strict words", style: "Heading1") + D.paragraph("Body here.")) { $0.strict = true }
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph])
    }

    @Test func sectionsFromHeadings() throws {
        let body = [
            D.paragraph("Abstract", style: "Heading1"), D.paragraph("Summary words."),
            D.paragraph("1. Introduction", style: "Heading1"), D.paragraph("Body one."),
            D.paragraph("Reference list", style: "Heading1"), D.paragraph("Smith (2020)."),
            D.paragraph("Chapter 7: More discussion", style: "Heading1"), D.paragraph("Body again."),
            D.paragraph("Bibliography", style: "Heading1"), D.paragraph("Jones (2019)."),
            D.paragraph("Sub heading in references", style: "Heading2"), D.paragraph("Patel (2021)."),
            D.paragraph("Appendix A: Interview guide", style: "Heading1"), D.paragraph("Questions."),
            D.paragraph("Conclusion", style: "Heading1"), D.paragraph("Still appendix."),
        ].joined()
        let sections = try read(body).blocks.map(\.section)
        #expect(sections == [
            .frontMatter, .frontMatter, .body, .body, .references, .references, .body, .body,
            .references, .references, .references, .references, .appendix, .appendix, .appendix, .appendix,
        ])
    }

    @Test func contentsEntriesAreFrontMatter() throws {
        let document = try read(D.paragraph("Introduction 1", style: "TOC1") + D.paragraph("Introduction", style: "Heading1"))
        #expect(document.blocks.map(\.section) == [.frontMatter, .body])
    }

    @Test func relationshipTargetsAreResolved() throws {
        // A main part outside word/, as some generators write it.
        let directory = try TemporaryDirectory()
        let path = directory.path + "/moved.docx"
        let writer = try ZipWriter(path: path)
        try writer.add("[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        try writer.add("_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/custom/main.xml\"/></Relationships>")
        try writer.add("custom/main.xml", text: "<w:document xmlns:w=\"\(DocxBuilder.w)\"><w:body>\(D.paragraph("Moved body text"))</w:body></w:document>")
        try writer.add("custom/_rels/main.xml.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"../notes/fn.xml\"/></Relationships>")
        try writer.add("notes/fn.xml", text: "<w:footnotes xmlns:w=\"\(DocxBuilder.w)\"><w:footnote w:id=\"1\">\(D.paragraph("Relative note"))</w:footnote></w:footnotes>")
        try writer.close()
        let document = try DocumentReader.read(path: path)
        #expect(texts(document, .paragraph) == ["Moved body text"])
        #expect(texts(document, .footnote) == ["Relative note"])
    }

    @Test func malformedXMLNamesPartAndLine() throws {
        #expect {
            try read("<w:p><w:r><w:t>unclosed</w:r></w:p>")
        } throws: { error in
            guard case .malformedXML(let part, let line, _) = error as? DocumentError else { return false }
            return part == "word/document.xml" && line >= 1
        }
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let directory = try TemporaryDirectory()
        let secret = directory.path + "/secret.txt"
        try "TOPSECRET".write(toFile: secret, atomically: true, encoding: .utf8)
        let path = directory.path + "/xxe.docx"
        var builder = DocxBuilder(body: "")
        builder.omitStyles = true
        let writer = try ZipWriter(path: path)
        for (name, text) in builder.parts() where name != "word/document.xml" { try writer.add(name, text: text) }
        try writer.add("word/document.xml", text: "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file://\(secret)\">]><w:document xmlns:w=\"\(DocxBuilder.w)\"><w:body><w:p><w:r><w:t>a &x; b</w:t></w:r></w:p></w:body></w:document>")
        try writer.close()
        let text = (try? DocumentReader.read(path: path))?.blocks.map(\.text).joined() ?? ""
        #expect(!text.contains("TOPSECRET"))
    }
}

import Foundation
