import AssessDocuments
import AssessTestSupport
import Testing

@Suite struct PdfReaderTests {
    static let sentence = "Digital services change how patients reach primary care, and the evidence on their adoption is mixed across practices and regions."

    /// A two-page essay with a title, a running header, page numbers, headings,
    /// paragraphs, a list, a caption and a reference list with hanging indents.
    static func essay() -> PdfBuilder {
        var pdf = PdfBuilder()
        func furniture(_ page: Int) {
            pdf.add(.init("Candidate 12345 - Process evaluation", y: 40, size: 9))
            pdf.add(.init("\(page)", x: 290, y: 800, size: 9))
        }
        furniture(1)
        pdf.heading("Digital front doors in primary care", size: 24)
        pdf.heading("Abstract", size: 14)
        pdf.paragraph("This essay looks at online consultation in general practice.")
        pdf.heading("1 Introduction", size: 14)
        pdf.paragraph(sentence + " " + sentence)
        pdf.paragraph("Second paragraph: " + sentence)
        pdf.add(.init("\u{2022} First point about adoption.", x: 80, y: pdf.cursor + 14))
        pdf.add(.init("\u{2022} Second point about the workforce.", x: 80, y: pdf.cursor + 28))
        pdf.cursor += 40
        pdf.paragraph("Table 1: Visits by site", size: 9)
        pdf.newPage()
        furniture(2)
        pdf.heading("2.1 Methods", size: 12)
        pdf.paragraph("The methods follow the framework of the programme. " + sentence)
        pdf.heading("References", size: 14)
        for author in ["Greenhalgh, T.", "Patel, R."] {
            let lines = PdfBuilder.wrap(author + " (2017) Beyond adoption: a new framework for theorising and evaluating nonadoption of health technologies.", columns: 70)
            for (index, line) in lines.enumerated() {
                pdf.cursor += 14
                pdf.add(.init(line, x: index == 0 ? 72 : 90, y: pdf.cursor))
            }
            pdf.cursor += 4
        }
        return pdf
    }

    @Test func essayStructureSectionsAndPages() throws {
        let document = try PdfReader.read(bytes: Self.essay().data())
        #expect(document.format == .pdf)
        let main = document.blocks.filter { ![.header, .footer].contains($0.kind) }
        #expect(main.map(\.kind) == [.heading, .heading, .paragraph, .heading, .paragraph, .paragraph, .listItem, .listItem, .caption, .heading, .paragraph, .heading, .paragraph, .paragraph])
        #expect(main.map(\.level) == [0, 1, nil, 1, nil, nil, nil, nil, nil, 2, nil, 1, nil, nil])
        #expect(main.map(\.section) == [.frontMatter, .frontMatter, .frontMatter, .body, .body, .body, .body, .body, .body, .body, .body, .references, .references, .references])
        #expect(main.map(\.page) == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
        #expect(main[4].text == Self.sentence + " " + Self.sentence)
        #expect(main[6].text == "First point about adoption.")
        #expect(main[12].text.hasPrefix("Greenhalgh, T. (2017) Beyond adoption"))
        #expect(main[12].text.hasSuffix("health technologies."))
        let furniture = document.blocks.filter { [.header, .footer].contains($0.kind) }
        #expect(furniture.map(\.kind) == [.header, .header, .footer, .footer])
        #expect(furniture.map(\.page) == [1, 2, 1, 2])
        #expect(furniture.map(\.text) == ["Candidate 12345 - Process evaluation", "Candidate 12345 - Process evaluation", "1", "2"])
    }

    /// A cover sheet's lines are front matter: its bold lines do not start the body,
    /// so the abstract after it is still front matter.
    @Test func coverSheetIsFrontMatter() throws {
        var pdf = PdfBuilder()
        pdf.heading("Digital front doors in primary care", size: 24)
        pdf.heading("Module: Leadership and transformational change", size: 14)
        pdf.paragraph("Candidate 12345")
        pdf.paragraph("Word count: 2,480")
        pdf.newPage()
        pdf.heading("Abstract", size: 14)
        pdf.paragraph("This essay looks at online consultation in general practice.")
        pdf.heading("1 Introduction", size: 14)
        pdf.paragraph(Self.sentence)
        pdf.newPage()
        pdf.paragraph(Self.sentence)
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.section) == [.frontMatter, .frontMatter, .frontMatter, .frontMatter, .frontMatter, .frontMatter, .body, .body, .body])
        #expect(document.blocks.prefix(2).map(\.level) == [0, 0])
        #expect(document.blocks[4].level == 1)
    }

    @Test func wordsSplitAtLineEndsAreJoined() throws {
        var pdf = PdfBuilder()
        for line in ["An evidence-based approach to the transfor-", "mation of care needs evidence-", "based tools and a clear plan."] {
            pdf.cursor += 14
            pdf.add(.init(line, y: pdf.cursor))
        }
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.text) == ["An evidence-based approach to the transformation of care needs evidence-based tools and a clear plan."])
        #expect(document.words() == 15)
    }

    @Test func paragraphCarriesOnAcrossAPageBreak() throws {
        var pdf = PdfBuilder()
        pdf.add(.init("The argument continues on the next page because the", y: 760))
        pdf.newPage()
        pdf.add(.init("sentence has not ended yet.", y: 90))
        pdf.add(.init("A new paragraph starts here.", y: 130))
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.text) == ["The argument continues on the next page because the sentence has not ended yet.", "A new paragraph starts here."])
        #expect(document.blocks.map(\.page) == [1, 2])
    }

    @Test func footnotesAreKeptApartFromTheText() throws {
        var pdf = PdfBuilder()
        pdf.paragraph("Online booking reduced waiting times in most practices.1 The effect was smaller in rural areas.")
        pdf.add(.init("See NHS England (2019) for the national figures.", y: 760, size: 8, marker: "1"))
        pdf.add(.init("Rural practices reported fewer online users.", y: 772, size: 8, marker: "2"))
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.kind) == [.paragraph, .footnote, .footnote])
        #expect(document.blocks[1].text == "See NHS England (2019) for the national figures.")
        #expect(document.blocks[2].text == "Rural practices reported fewer online users.")
        #expect(document.blocks[0].text.hasPrefix("Online booking reduced waiting times in most practices.1 The effect"))
        #expect(document.blocks[1].page == 1)
    }

    @Test func kernedTextKeepsItsWords() throws {
        var pdf = PdfBuilder()
        pdf.add(.init("Kerned words stay apart and whole.", y: 100, kerned: true))
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.first?.text == "Kerned words stay apart and whole.")
        #expect(document.words() == 6)
    }

    @Test func contentsEntriesAreFrontMatterNotHeadings() throws {
        var pdf = PdfBuilder()
        pdf.heading("Contents")
        for (index, entry) in ["1 Introduction", "2 Methods", "References", "Appendix A"].enumerated() {
            pdf.cursor += 16
            pdf.add(.init(entry, y: pdf.cursor, font: .bold))
            pdf.add(.init("\(index * 3 + 1)", x: 500, y: pdf.cursor, font: .bold))
        }
        pdf.newPage()
        pdf.heading("1 Introduction")
        pdf.paragraph(Self.sentence)
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .paragraph, .paragraph, .paragraph, .heading, .paragraph])
        #expect(document.blocks.prefix(5).allSatisfy { $0.section == .frontMatter })
        #expect(document.blocks.suffix(2).allSatisfy { $0.section == .body })
    }

    @Test func numberedHeadingInTheBodyFont() throws {
        var pdf = PdfBuilder()
        pdf.paragraph("2.1 Data collection", spaceAfter: 0)
        pdf.paragraph(Self.sentence)
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph])
        #expect(document.blocks.first?.level == 2)
    }

    @Test func encryptedDamagedAndScannedPdfsSayWhatToDo() {
        var locked = Self.essay()
        locked.encrypted = true
        #expect(throws: DocumentError.encrypted) { try PdfReader.read(bytes: locked.data()) }

        #expect { try PdfReader.read(bytes: Array("%PDF-1.4\nthis is not a PDF body\n".utf8)) } throws: { error in
            guard case .damagedPDF = error as? DocumentError else { return false }
            return true
        }
        let essay = Self.essay().data()
        #expect { try PdfReader.read(bytes: Array(essay.prefix(40))) } throws: { error in
            guard case .damagedPDF = error as? DocumentError else { return false }
            return true
        }

        var scan = PdfBuilder()
        scan.newPage()
        scan.imagePages = [0, 1]
        #expect(throws: DocumentError.noTextLayer(pages: 2)) { try PdfReader.read(bytes: scan.data()) }
        #expect(DocumentError.noTextLayer(pages: 2).description.contains("submit the DOCX"))

        #expect(throws: DocumentError.limitExceeded(what: "the number of pages in the PDF", limit: 1, actual: 2)) {
            try PdfReader.read(bytes: Self.essay().data(), limits: ReadLimits(maxPages: 1))
        }
    }

    /// Truncated at any point, the essay gives text or a clear error; poppler rebuilds
    /// what it can of a file cut short.
    @Test func truncatedFilesGiveTextOrAClearError() {
        let bytes = Self.essay().data()
        for cut in stride(from: 8, to: bytes.count, by: max(1, bytes.count / 25)) {
            do {
                _ = try PdfReader.read(bytes: Array(bytes.prefix(cut)))
            } catch {
                #expect(error.description.hasSuffix("."), "cut at \(cut): \(error)")
            }
        }
    }

    @Test func readThroughDocumentReaderByContent() throws {
        let bytes = Self.essay().data()
        #expect(DocumentReader.sniff(bytes) == .pdf)
        let first = try DocumentReader.read(bytes: bytes, name: "essay.bin")
        let second = try DocumentReader.read(bytes: bytes, name: "essay.pdf")
        #expect(first == second)
        #expect(first.words(of: [.heading, .paragraph, .listItem]) > 60)
    }

    @Test(arguments: ["7", "- 7 -", "Page 7", "Page 7 of 12", "7/12", "vii", "7 | P a g e"])
    func pageNumbersInTheirCommonForms(_ number: String) throws {
        var pdf = PdfBuilder()
        pdf.paragraph(Self.sentence)
        pdf.add(.init(number, x: 280, y: 810, size: 9))
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.kind) == [.paragraph, .footer])
    }

    @Test func runningHeadsThatVaryLikeOCRAreStillHeaders() throws {
        var pdf = PdfBuilder()
        for (index, head) in ["THE SIEGE OF VICKSBURG.", "THE SIEGE OF VICKSBUEG.", "THE SIEGE OP VICKSBURG."].enumerated() {
            if index > 0 { pdf.newPage() }
            pdf.add(.init(head, x: 200, y: 40, size: 9))
            pdf.paragraph("Entry \(index + 1) of the journal, \(index + 10) March 2025", font: .bold)
            pdf.paragraph(Self.sentence)
        }
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.filter { $0.kind == .header }.map(\.page) == [1, 2, 3])
        // Each page's first line recurs with other numbers, but it is the text itself.
        #expect(document.blocks.filter { $0.kind == .heading }.map(\.text) == (1...3).map { "Entry \($0) of the journal, \($0 + 9) March 2025" })
        #expect(document.blocks.filter { $0.kind == .paragraph }.count == 3)
    }

    @Test func listNumbersAreRemovedAndProseWithAnEllipsisIsKept() throws {
        var pdf = PdfBuilder()
        for (index, item) in ["1. Access to care.", "(b) Continuity of care.", "iv) Cost of care."].enumerated() {
            pdf.add(.init(item, y: 100 + Double(index) * 14))
        }
        pdf.cursor = 160
        pdf.paragraph("Services were slow… and costly in 2019")
        let document = try PdfReader.read(bytes: pdf.data())
        #expect(document.blocks.map(\.kind) == [.listItem, .listItem, .listItem, .paragraph])
        #expect(document.blocks.map(\.text) == ["Access to care.", "Continuity of care.", "Cost of care.", "Services were slow… and costly in 2019"])
        #expect(document.blocks.last?.section == .body)
    }
}
