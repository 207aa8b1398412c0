import AssessDocuments
import Testing

@Suite struct TextReaderTests {
    @Test func markdownStructure() {
        let document = MarkdownReader.read("""
            ---
            title: metadata is not text
            ---
            # Introduction

            Body with a [link text](https://example.org) and ![an image](x.png) and **bold**.[^1]

            - first item
            - second item

            | Column A | Column B |
            |---|---|
            | one | two |

            Setext heading
            --------------

            > Quoted words.

            ```
            code block
            ```
            <!-- a comment -->

            ## References

            Smith, J. (2020) Title.

            [^1]: The footnote text.
            """)
        let kinds = document.blocks.map(\.kind)
        #expect(kinds == [.heading, .paragraph, .listItem, .listItem, .tableCell, .tableCell, .tableCell, .tableCell, .heading, .paragraph, .paragraph, .heading, .paragraph, .footnote])
        #expect(document.blocks[1].text == "Body with a link text and  and bold.")
        #expect(document.blocks.first { $0.text.hasPrefix("Smith") }?.section == .references)
        #expect(!document.blocks.contains { $0.text.contains("metadata") || $0.text.contains("comment") })
    }

    @Test func plainTextParagraphsHeadingsAndLists() {
        let document = PlainTextReader.read("""
            Title line of the essay

            1. Introduction

            First paragraph
            continues here.

            - a bullet point

            References

            Smith (2020).
            """)
        #expect(document.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .listItem, .heading, .paragraph])
        #expect(document.blocks[2].text == "First paragraph continues here.")
        #expect(document.blocks.last?.section == .references)
    }

    @Test(arguments: [
        ([UInt8](), DocumentReader.Kind.empty), (Array("%PDF-1.7".utf8), .pdf), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], .oleCompound),
        (Array("{\\rtf1".utf8), .rtf), ([0x50, 0x4B, 0x03, 0x04], .zip), (Array("Hello".utf8), .text), ([0x00, 0x01, 0x02], .binary),
        (Array("BZh91AY".utf8), .binary), ([0xFF, 0xFE, 0x41, 0x00], .text), ([0xFF, 0xD8, 0xFF, 0xE0], .image),
    ])
    func sniffing(_ bytes: [UInt8], _ kind: DocumentReader.Kind) {
        #expect(DocumentReader.sniff(bytes) == kind)
    }

    @Test func textEncodings() throws {
        let utf16 = try DocumentReader.read(bytes: [0xFF, 0xFE] + Array("two words".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, name: "a.txt")
        #expect(utf16.words() == 2)
        let latin = try DocumentReader.read(bytes: [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94], name: "b.txt")
        #expect(latin.blocks.first?.text == "café “q”")
        let bom = try DocumentReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("# Heading\n\ntext".utf8), name: "c.md")
        #expect(bom.blocks.map(\.kind) == [.heading, .paragraph])
    }

    @Test(arguments: [
        ([UInt8](), "empty"), (Array("%PDF-1.4 x".utf8), "PDF"), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "legacy Microsoft Office"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"), ([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "damaged"),
    ])
    func unreadableFormatsSayWhatToDo(_ bytes: [UInt8], _ phrase: String) {
        #expect {
            try DocumentReader.read(bytes: bytes, name: "x.docx")
        } throws: { error in
            "\(error)".contains(phrase)
        }
    }
}
