import AssessDocuments
import Testing

@Suite struct RtfReaderTests {
    func read(_ rtf: String) throws -> DocumentText {
        try RtfReader.read(bytes: Array(rtf.utf8))
    }

    /// What a Word-saved essay looks like in RTF: tables of fonts, colours and styles,
    /// document info, headings by style, a footnote, a header, a table and a list.
    static let wordEssay = #"""
        {\rtf1\ansi\ansicpg1252\deff0\uc1{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset204 Arial Cyr;}}
        {\colortbl;\red0\green0\blue0;}
        {\stylesheet{\ql\fs22 Normal;}{\s1\ql\outlinelevel0\b\fs32 \sbasedon0 \snext0 heading 1;}{\s2\ql\fs26 \sbasedon0 heading 2;}
        {\s15\ql \sbasedon2 My Sub Heading;}{\s30\ql Title;}{\s31 caption;}{\*\cs10 \additive Default Paragraph Font;}}
        {\info{\title Secret title}{\author A. Student}}
        {\header \pard\plain Candidate 12345\par}
        {\footer \pard\plain {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}
        \pard\plain\s30 Digital front doors\par
        \pard\plain\s1 Introduction\par
        \pard\plain Patient-centred care is an inter{\b national} aim.{\super\chftn}{\footnote\pard\plain\s246{\super\chftn} See NHS England (2019).}\par
        \pard\plain\s15 Policy context\par
        \pard\plain\ls1\ilvl0{\listtext\f0 \'95\tab}First point\par
        \trowd\cellx3000\cellx6000\pard\intbl Clinic\cell 2,500 visits\cell\row
        \pard\plain\s31 Table 1: Visits\par
        \pard\plain\s1 References\par
        \pard\plain Greenhalgh, T. et al. (2017) Beyond adoption.\par
        }
        """#

    @Test func wordEssayStructure() throws {
        let document = try read(Self.wordEssay)
        #expect(document.format == .rtf)
        let summary = document.blocks.map { "\($0.kind.rawValue):\($0.level.map(String.init) ?? "-"):\($0.section.rawValue):\($0.text)" }
        #expect(summary == [
            "heading:0:front_matter:Digital front doors",
            "heading:1:body:Introduction",
            "paragraph:-:body:Patient-centred care is an international aim.",
            "heading:2:body:Policy context",
            "list_item:-:body:First point",
            "table_cell:-:body:Clinic",
            "table_cell:-:body:2,500 visits",
            "caption:-:body:Table 1: Visits",
            "heading:1:references:References",
            "paragraph:-:references:Greenhalgh, T. et al. (2017) Beyond adoption.",
            "footnote:-:body:See NHS England (2019).",
            "header:-:body:Candidate 12345",
            "footer:-:body:1",
        ])
        #expect(!document.blocks.contains { $0.text.contains("Secret") || $0.text.contains("Times") || $0.text.contains("Normal") })
    }

    @Test func unicodeEscapesSkipTheirFallbacks() throws {
        let document = try read(#"{\rtf1\ansi \'93hi\'94 \u8216\'93hi\u8217\'94 \u945a {\uc2\u228\'E8a} \uc0\u8212  x \u-10179\u-8704  ok\par}"#)
        // The space after \uN ends the control word; a second space is text.
        #expect(document.blocks.first?.text == "“hi” ‘hi’ α ä — x 😀 ok")
    }

    @Test func codePagesFromTheDocumentAndFonts() throws {
        let document = try read(#"{\rtf1\ansi\ansicpg1250{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}{\f2\fcharset128 MS Mincho;}}\f0 \'9ala\'9d \f1 \'cf\'f0\'e8\'e2\'e5\'f2 \f2 \'82\'b1\'82\'f1\par}"#)
        #expect(document.blocks.first?.text == "šlať Привет こん")
        let mac = try read(#"{\rtf1\mac caf\'8e\par}"#)
        #expect(mac.blocks.first?.text == "café")
    }

    @Test func destinationsThatHoldNoTextAreSkipped() throws {
        let document = try read(#"""
            {\rtf1\ansi{\*\generator Writer;}{\*\bkmkstart b1}Visible{\*\bkmkend b1} {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link text}} {\pict\pngblip\picw10\pich10 89504e47}{\*\unknowndestination hidden stuff}{\object\objemb{\*\objdata 0102}{\result shown result}}
            {\*\shppict{\pict 00}}{\nonshppict{\pict 00}} {\bin5 {}\{} after binary\par
            {\shp{\*\shpinst{\sp{\sn fillColor}{\sv 255}}{\shptxt \pard In the box\par}}{\shprslt fallback copy}}
            {\upr{ansi copy}{\*\ud{unicode copy}}}\par}
            """#)
        #expect(document.blocks.map(\.text) == ["Visible link text shown result after binary", "In the box", "unicode copy"])
        #expect(document.blocks.map(\.kind) == [.paragraph, .textBox, .paragraph])
    }

    @Test func hiddenDeletedAndCommentTextIsKeptApart() throws {
        let document = try read(#"{\rtf1 Seen {\v hidden words} and {\deleted gone} kept.{\*\atnid AS}{\*\annotation \pard A comment here.\par}\par}"#)
        #expect(document.blocks.map(\.kind) == [.paragraph, .deleted, .hidden, .comment])
        #expect(document.blocks.first?.text == "Seen and kept.")
        #expect(document.words(of: [.paragraph]) == 3)
    }

    @Test func nestedTablesUseTheirCellsNotTheFallback() throws {
        let document = try read(#"""
            {\rtf1\ansi \trowd\cellx5000 \pard\intbl\itap2 Deep A\nestcell Deep B\nestcell{\*\nesttableprops\trowd\nestrow}{\nonesttables FALLBACK\par}
            \pard\intbl\itap1 Outer\cell\row \pard\itap0 Outside\par}
            """#)
        #expect(document.blocks.map(\.text) == ["Deep A", "Deep B", "Outer", "Outside"])
        #expect(document.blocks.map(\.kind) == [.tableCell, .tableCell, .tableCell, .paragraph])
    }

    @Test func endnotesAndLegacyLists() throws {
        let document = try read(#"{\rtf1 Text{\footnote\ftnalt An endnote.}\par{\pntext 1.\tab}Item one\par}"#)
        #expect(document.blocks.map(\.kind) == [.paragraph, .listItem, .endnote])
    }

    @Test func malformedInputNeverCrashes() throws {
        let cases = [#"{\rtf1 unclosed {group \b bold"#, #"{\rtf1 }}}} extra closers\par}"#, #"{\rtf1 \'zz bad hex \u \uc99999\u99999999999 \bin99999"#, "{\\rtf1 \\", "{\\rtf"]
        for rtf in cases {
            _ = try read(rtf)
        }
        #expect(try read(#"{\rtf1 unclosed {group \b bold"#).blocks.map(\.text) == ["unclosed group bold"])
        let deep = "{\\rtf1 " + String(repeating: "{", count: 300) + "x"
        #expect(throws: DocumentError.limitExceeded(what: "the nesting depth of RTF groups", limit: 256, actual: 257)) { try read(deep) }
        #expect(throws: DocumentError.self) { try RtfReader.read(bytes: Array("not rtf".utf8)) }
    }

    /// Every truncation of a real-looking file, and a brace, backslash or quote put in
    /// at every place, still gives text or a limit error: never a crash or a hang.
    @Test func damagedFilesStillGiveText() {
        let bytes = Array(Self.wordEssay.utf8)
        var outcomes = (read: 0, failed: 0)
        for cut in stride(from: 6, through: bytes.count, by: 7) {
            if (try? RtfReader.read(bytes: Array(bytes.prefix(cut)))) != nil { outcomes.read += 1 } else { outcomes.failed += 1 }
        }
        for (offset, insert) in zip(stride(from: 6, to: bytes.count, by: 5), [UInt8]("{}\\'u*".utf8).cycled()) {
            var damaged = bytes
            damaged.insert(insert, at: offset)
            if (try? RtfReader.read(bytes: damaged)) != nil { outcomes.read += 1 } else { outcomes.failed += 1 }
        }
        #expect(outcomes.failed == 0)
        #expect(outcomes.read > 300)
    }

    @Test func readThroughDocumentReaderByContent() throws {
        let document = try DocumentReader.read(bytes: Array(Self.wordEssay.utf8), name: "essay.doc")
        #expect(document.format == .rtf)
    }
}

private extension Array {
    /// The elements repeated without end.
    func cycled() -> some Sequence<Element> {
        sequence(state: 0) { index in
            defer { index = (index + 1) % Swift.max(count, 1) }
            return isEmpty ? nil : self[index]
        }
    }
}
