/// Reads a Word document (DOCX, DOCM, DOTX; transitional or strict OOXML) into
/// ``DocumentText``, streaming each part from the zip through libxml2.
///
/// What it honours: runs split anywhere (joined without a space), tabs and breaks as
/// separators, headings by style or outline level, titles, lists, tables, captions
/// (by style or a `SEQ` field), footnotes, endnotes, text boxes (the `mc:Choice` of an
/// `mc:AlternateContent`, never its fallback copy), headers, footers, comments, tracked
/// changes (deletions and moved-from text kept apart, insertions included), hidden text
/// (`w:vanish`, directly or by character style) and field codes (never text).
public enum DocxReader {
    /// Reads the document in an open archive.
    /// - Throws: ``DocumentError/missingPart(_:)`` when the archive is not a Word
    ///   document; ``DocumentError/malformedXML(part:line:message:)``, zip and limit errors.
    public static func read(_ archive: ZipArchive, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        let package = try OPCPackage(archive, limits: limits)
        let main = package.mainPart ?? "word/document.xml"
        guard archive.contains(main) else { throw .missingPart("main document part (\(main))") }
        let relationships = try package.relationships(of: main)

        var styles = DocxStyles()
        if let stylesPart = relationships.first(where: { $0.type.hasSuffix("/styles") })?.target, archive.contains(stylesPart) {
            let stream = try XMLStream(entry: archive.open(stylesPart), maxDepth: limits.maxXMLDepth)
            styles = try DocxStyles(stream: stream, namespaces: Namespaces(stream).word)
        }

        var builder = DocumentBuilder()
        try StoryReader(stream: XMLStream(entry: archive.open(main), maxDepth: limits.maxXMLDepth), story: .main, styles: styles)
            .read(into: &builder)
        let stories: [(suffix: String, story: Story)] = [
            ("/footnotes", .footnotes), ("/endnotes", .endnotes), ("/header", .header), ("/footer", .footer), ("/comments", .comments),
        ]
        for (suffix, story) in stories {
            let parts = Set(relationships.filter { $0.type.hasSuffix(suffix) && !$0.external }.map(\.target)).sorted()
            for part in parts where archive.contains(part) {
                let stream = try XMLStream(entry: archive.open(part), maxDepth: limits.maxXMLDepth)
                try StoryReader(stream: stream, story: story, styles: styles).read(into: &builder)
            }
        }
        return builder.build(.docx, saved: savedStatistics(archive, part: package.extendedPropertiesPart, limits: limits))
    }

    /// Word's statistics from the extended properties (`<Words>`, `<Application>`), as
    /// they were at the last save. A missing or unreadable part gives nil: the saved
    /// figure is a hint for reports, never a reason to reject the document.
    static func savedStatistics(_ archive: ZipArchive, part: String?, limits: ReadLimits) -> SavedStatistics? {
        let part = part ?? "docProps/app.xml"
        guard archive.contains(part) else { return nil }
        return try? readSavedStatistics(archive, part: part, limits: limits)
    }

    private static func readSavedStatistics(_ archive: ZipArchive, part: String, limits: ReadLimits) throws(DocumentError) -> SavedStatistics? {
        let stream = try XMLStream(entry: archive.open(part), maxDepth: limits.maxXMLDepth)
        let wordsName = stream.intern("Words"), applicationName = stream.intern("Application")
        var words: Int?
        var application: String?
        var field: XMLStream.Name?
        var value = ""
        while try stream.next() {
            switch stream.node {
            case .element where stream.depth == 1:
                field = stream.localName == wordsName || stream.localName == applicationName ? stream.localName : nil
                value = ""
            case .text where field != nil:
                value += stream.value
            case .endElement where stream.depth == 1:
                let text = value.trimmingWhitespace()
                if field == wordsName { words = Int(text).flatMap { $0 >= 0 ? $0 : nil } }
                if field == applicationName, !text.isEmpty { application = text }
                field = nil
            default:
                continue
            }
        }
        return words == nil && application == nil ? nil : SavedStatistics(words: words, application: application)
    }

    enum Story {
        case main, footnotes, endnotes, header, footer, comments

        var blockKind: BlockKind? {
            switch self {
            case .main: nil
            case .footnotes: .footnote
            case .endnotes: .endnote
            case .header: .header
            case .footer: .footer
            case .comments: .comment
            }
        }
    }
}

/// The namespaces a DOCX reader matches, interned in one stream's dictionary.
struct Namespaces {
    let word: [XMLStream.Name?]
    let compatibility: XMLStream.Name?
    init(_ stream: XMLStream) {
        word = [
            stream.intern("http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
            stream.intern("http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ]
        compatibility = stream.intern("http://schemas.openxmlformats.org/markup-compatibility/2006")
    }
}

/// Reads one story (the body, the footnotes, a header…) paragraph by paragraph.
private struct StoryReader {
    let stream: XMLStream
    let story: DocxReader.Story
    let styles: DocxStyles
    let names: Names
    let namespaces: Namespaces

    init(stream: XMLStream, story: DocxReader.Story, styles: DocxStyles) {
        self.stream = stream
        self.story = story
        self.styles = styles
        names = Names(stream)
        namespaces = Namespaces(stream)
    }

    /// Text of one paragraph as it is read; text boxes nest paragraphs inside runs.
    struct Paragraph {
        var text: [UInt8] = []
        var deleted: [UInt8] = []
        var hidden: [UInt8] = []
        var style: String?
        var outlineLevel: Int?
        var numbered = false
        var captionField = false
        var inPPr = false
        var inRun = false
        var inRunProps = false
        var runHidden = false
        var target: Target?
        var instruction: [UInt8]?

        enum Target { case text, deleted, hidden }

        mutating func separate() {
            switch target ?? (runHidden ? .hidden : .text) {
            case .text: text.append(0x20)
            case .deleted: deleted.append(0x20)
            case .hidden: hidden.append(0x20)
            }
        }
    }

    func read(into builder: inout DocumentBuilder) throws(DocumentError) {
        var paragraphs: [Paragraph] = []
        var deletionDepth = 0
        var tableDepth = 0
        var textBoxDepth = 0
        // The text buffer of the last finished paragraph, emptied, goes to the next one:
        // a story's paragraphs share one allocation instead of each growing its own.
        var spare: [UInt8] = []
        func open() -> Paragraph {
            var paragraph = Paragraph()
            swap(&paragraph.text, &spare)
            return paragraph
        }
        func close(_ paragraph: inout Paragraph, into builder: inout DocumentBuilder) {
            finish(paragraph, tableDepth: tableDepth, textBoxDepth: textBoxDepth, into: &builder)
            swap(&paragraph.text, &spare)
            spare.removeAll(keepingCapacity: true)
        }
        while try stream.next() {
            switch stream.node {
            case .text:
                guard let last = paragraphs.indices.last else { continue }
                if paragraphs[last].instruction != nil {
                    stream.appendValue(to: &paragraphs[last].instruction!)
                    continue
                }
                switch paragraphs[last].target {
                case .text?: stream.appendValue(to: &paragraphs[last].text)
                case .deleted?: stream.appendValue(to: &paragraphs[last].deleted)
                case .hidden?: stream.appendValue(to: &paragraphs[last].hidden)
                case nil: continue
                }
            case .element:
                guard let name = stream.localName else { continue }
                let namespace = stream.namespace
                if namespace == namespaces.compatibility && name == names.fallback {
                    try stream.skipSubtree()  // the same content again, for older readers
                    continue
                }
                guard namespaces.word.contains(namespace) else { continue }
                let empty = stream.isEmptyElement
                if name == names.p {
                    if empty {
                        var paragraph = open()
                        close(&paragraph, into: &builder)
                    } else {
                        paragraphs.append(open())
                    }
                    continue
                }
                if name == names.tbl { if !empty { tableDepth += 1 }; continue }
                if name == names.txbxContent { if !empty { textBoxDepth += 1 }; continue }
                if name == names.del || name == names.moveFrom { if !empty { deletionDepth += 1 }; continue }
                if name == names.footnote || name == names.endnote {
                    if let type = stream.attribute(names.type, namespace: namespace), type != "normal" {
                        try stream.skipSubtree()  // separators and continuation notices
                    }
                    continue
                }
                guard let last = paragraphs.indices.last else { continue }
                if name == names.t {
                    if !empty {
                        paragraphs[last].target = deletionDepth > 0 ? .deleted : paragraphs[last].runHidden ? .hidden : .text
                    }
                } else if name == names.delText {
                    if !empty { paragraphs[last].target = .deleted }
                } else if name == names.instrText {
                    if !empty { paragraphs[last].instruction = [] }
                } else if name == names.r {
                    paragraphs[last].inRun = !empty
                    paragraphs[last].runHidden = false
                } else if name == names.tab || name == names.br || name == names.cr || name == names.ptab {
                    if paragraphs[last].inRun && !paragraphs[last].inPPr {
                        if deletionDepth > 0 { paragraphs[last].deleted.append(0x20) } else { paragraphs[last].separate() }
                    }
                } else if name == names.sym {
                    // A symbol from a symbol font (Wingdings, Symbol): one character on the page.
                    if paragraphs[last].inRun && !paragraphs[last].inPPr,
                       let code = stream.attribute(names.char, namespace: namespace).flatMap({ UInt32($0, radix: 16) }),
                       let scalar = Unicode.Scalar(code) {
                        let bytes = Array(String(Character(scalar)).utf8)
                        if deletionDepth > 0 { paragraphs[last].deleted += bytes }
                        else if paragraphs[last].runHidden { paragraphs[last].hidden += bytes }
                        else { paragraphs[last].text += bytes }
                    }
                } else if name == names.noBreakHyphen {
                    if paragraphs[last].inRun { paragraphs[last].text.append(0x2D) }
                } else if name == names.pPr {
                    paragraphs[last].inPPr = !empty
                } else if name == names.rPr {
                    paragraphs[last].inRunProps = !empty && paragraphs[last].inRun && !paragraphs[last].inPPr
                } else if paragraphs[last].inPPr {
                    if name == names.pStyle {
                        paragraphs[last].style = stream.attribute(names.val, namespace: namespace)
                    } else if name == names.outlineLvl {
                        paragraphs[last].outlineLevel = stream.attribute(names.val, namespace: namespace).flatMap { Int($0) }
                    } else if name == names.numId {
                        paragraphs[last].numbered = stream.attribute(names.val, namespace: namespace) != "0"
                    }
                } else if paragraphs[last].inRunProps {
                    if name == names.vanish {
                        if isOn(stream.attribute(names.val, namespace: namespace)) { paragraphs[last].runHidden = true }
                    } else if name == names.rStyle {
                        if let style = stream.attribute(names.val, namespace: namespace), styles.isHidden(style) {
                            paragraphs[last].runHidden = true
                        }
                    }
                } else if name == names.fldSimple {
                    if isSequenceField(stream.attribute(names.instr, namespace: namespace)) { paragraphs[last].captionField = true }
                }
            case .endElement:
                guard let name = stream.localName, namespaces.word.contains(stream.namespace) else { continue }
                if name == names.p {
                    if var paragraph = paragraphs.popLast() { close(&paragraph, into: &builder) }
                    continue
                }
                if name == names.tbl { tableDepth = max(0, tableDepth - 1); continue }
                if name == names.txbxContent { textBoxDepth = max(0, textBoxDepth - 1); continue }
                if name == names.del || name == names.moveFrom { deletionDepth = max(0, deletionDepth - 1); continue }
                guard let last = paragraphs.indices.last else { continue }
                if name == names.t || name == names.delText {
                    paragraphs[last].target = nil
                } else if name == names.instrText {
                    if let instruction = paragraphs[last].instruction {
                        if isSequenceField(String(decoding: instruction, as: UTF8.self)) { paragraphs[last].captionField = true }
                        paragraphs[last].instruction = nil
                    }
                } else if name == names.r {
                    paragraphs[last].inRun = false
                    paragraphs[last].runHidden = false
                } else if name == names.pPr {
                    paragraphs[last].inPPr = false
                } else if name == names.rPr {
                    paragraphs[last].inRunProps = false
                }
            case .other:
                continue
            }
        }
    }

    private func isSequenceField(_ instruction: String?) -> Bool {
        guard let instruction else { return false }
        return instruction.split(separator: " ").first?.uppercased() == "SEQ"
    }

    private func finish(_ paragraph: Paragraph, tableDepth: Int, textBoxDepth: Int, into builder: inout DocumentBuilder) {
        let text = String(decoding: paragraph.text, as: UTF8.self)
        if let kind = story.blockKind {
            if !paragraph.text.isEmpty { builder.addStory(kind, text: text) }
        } else if !paragraph.text.isEmpty {
            let role = styles.role(of: paragraph.style)
            var level: Int?
            if let outline = paragraph.outlineLevel { level = outline < 9 ? outline + 1 : nil }
            else if case .heading(let styleLevel) = role { level = styleLevel }
            let kind: BlockKind
            if textBoxDepth > 0 { kind = .textBox }
            else if role == .caption || paragraph.captionField { kind = .caption }
            else if tableDepth > 0 { kind = .tableCell }
            else if level != nil { kind = .heading }
            else if role == .title { kind = .heading; level = 0 }
            else if paragraph.numbered || role == .listItem { kind = .listItem }
            else { kind = .paragraph }
            builder.addMain(kind, text: text, level: kind == .heading ? level : nil, frontMatter: role == .contents)
        }
        if !paragraph.deleted.isEmpty {
            addAside(.deleted, paragraph.deleted, into: &builder)
        }
        if !paragraph.hidden.isEmpty {
            addAside(.hidden, paragraph.hidden, into: &builder)
        }
    }

    private func addAside(_ kind: BlockKind, _ bytes: [UInt8], into builder: inout DocumentBuilder) {
        let text = String(decoding: bytes, as: UTF8.self)
        if story == .main { builder.addMain(kind, text: text) } else { builder.addStory(kind, text: text) }
    }

    struct Names {
        let p, r, t, delText, instrText, tab, br, cr, ptab, noBreakHyphen, pPr, rPr, pStyle, rStyle: XMLStream.Name?
        let outlineLvl, numId, vanish, del, moveFrom, tbl, txbxContent, footnote, endnote, fldSimple, fallback, sym: XMLStream.Name?
        /// Attribute names.
        let val, type, char, instr: XMLStream.Name?
        init(_ stream: XMLStream) {
            p = stream.intern("p"); r = stream.intern("r"); t = stream.intern("t")
            delText = stream.intern("delText"); instrText = stream.intern("instrText")
            tab = stream.intern("tab"); br = stream.intern("br"); cr = stream.intern("cr"); ptab = stream.intern("ptab")
            noBreakHyphen = stream.intern("noBreakHyphen"); pPr = stream.intern("pPr"); rPr = stream.intern("rPr")
            pStyle = stream.intern("pStyle"); rStyle = stream.intern("rStyle"); outlineLvl = stream.intern("outlineLvl")
            numId = stream.intern("numId"); vanish = stream.intern("vanish"); del = stream.intern("del")
            moveFrom = stream.intern("moveFrom"); tbl = stream.intern("tbl"); txbxContent = stream.intern("txbxContent")
            footnote = stream.intern("footnote"); endnote = stream.intern("endnote"); fldSimple = stream.intern("fldSimple")
            fallback = stream.intern("Fallback"); sym = stream.intern("sym")
            val = stream.intern("val"); type = stream.intern("type"); char = stream.intern("char"); instr = stream.intern("instr")
        }
    }
}
