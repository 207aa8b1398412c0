/// Reads a PowerPoint presentation (.pptx, .pptm, .potx; transitional or strict OOXML)
/// into ``DocumentText``, streaming each slide from the zip through libxml2.
///
/// Slides come in the order of the presentation's slide list (`p:sldIdLst`), not the
/// order of their file names, and each block's ``Block/page`` is the slide's number
/// from 1. On a slide, title placeholders are headings (level 1), text in other shapes,
/// group shapes and SmartArt is slide text, tables are table cells, and the date,
/// footer and slide-number placeholders are footers. Speaker notes (the notes page's
/// body placeholder only) are kept apart as notes, after all the slides. A hidden
/// slide (`show="0"`) or hidden shape is read, but as hidden text that never counts.
public enum PptxReader {
    /// Reads the presentation in an open archive.
    /// - Throws: ``DocumentError/missingPart(_:)`` when the presentation part or a
    ///   listed slide is missing; ``DocumentError/malformedXML(part:line:message:)``,
    ///   zip and limit errors.
    public static func read(_ archive: ZipArchive, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        let package = try OPCPackage(archive, limits: limits)
        let main = package.mainPart ?? "ppt/presentation.xml"
        guard archive.contains(main) else { throw .missingPart("presentation part (\(main))") }
        let relationships = try package.relationships(of: main)
        let slideIDs = try slideList(XMLStream(entry: archive.open(main), maxDepth: limits.maxXMLDepth))

        var builder = DocumentBuilder()
        var asides: [(kind: BlockKind, text: String, page: Int)] = []
        var notes: [(kind: BlockKind, text: String, page: Int)] = []
        var comments: [(kind: BlockKind, text: String, page: Int)] = []
        for (index, id) in slideIDs.enumerated() {
            let page = index + 1
            guard let relationship = relationships.first(where: { $0.id == id && !$0.external }) else {
                throw .missingPart("slide \(page) (the presentation lists it as \(id), but has no relationship of that id)")
            }
            guard archive.contains(relationship.target) else { throw .missingPart("slide \(page) (\(relationship.target))") }
            var slide = try SlideReader(XMLStream(entry: archive.open(relationship.target), maxDepth: limits.maxXMLDepth), mode: .slide).read()
            let slideRelationships = try package.relationships(of: relationship.target)
            for diagram in slide.diagrams {
                guard let part = slideRelationships.first(where: { $0.id == diagram.id && !$0.external })?.target, archive.contains(part) else { continue }
                let content = try SlideReader(XMLStream(entry: archive.open(part), maxDepth: limits.maxXMLDepth), mode: .diagram).read()
                slide.blocks += content.blocks.map { (diagram.hidden ? .hidden : $0.kind, $0.text) }
            }

            let hidden = slide.hidden
            for title in slide.titles {
                builder.addMain(hidden ? .hidden : .heading, text: title, level: hidden ? nil : 1, page: page)
            }
            for block in slide.blocks {
                let kind = hidden ? .hidden : block.kind
                if kind == .header || kind == .footer {
                    asides.append((kind, block.text, page))
                } else {
                    builder.addMain(kind, text: block.text, page: page)
                }
            }
            for related in slideRelationships where !related.external && archive.contains(related.target) {
                if related.type.hasSuffix("/notesSlide") {
                    let content = try SlideReader(XMLStream(entry: archive.open(related.target), maxDepth: limits.maxXMLDepth), mode: .notes).read()
                    notes += content.blocks.map { (hidden ? .hidden : $0.kind, $0.text, page) }
                } else if related.type.hasSuffix("/comments") {
                    let content = try SlideReader(XMLStream(entry: archive.open(related.target), maxDepth: limits.maxXMLDepth), mode: .comments).read()
                    comments += content.blocks.map { ($0.kind, $0.text, page) }
                }
            }
        }
        for aside in notes + asides + comments {
            builder.addStory(aside.kind, text: aside.text, page: aside.page)
        }
        return builder.build(.pptx, saved: try savedStatistics(archive, package: package, limits: limits))
    }

    /// The relationship ids of `p:sldIdLst`, in the presentation's order.
    private static func slideList(_ stream: XMLStream) throws(DocumentError) -> [String] {
        let names = PresentationNames(stream)
        let slideID = stream.intern("sldId")
        let slideList = stream.intern("sldIdLst")
        var inList = false
        var ids: [String] = []
        while try stream.next() {
            guard let name = stream.localName, names.presentation.contains(stream.namespace) else { continue }
            switch stream.node {
            case .element:
                if name == slideList { inList = !stream.isEmptyElement }
                else if name == slideID && inList, let id = OOXML.relationshipID(stream, "id") { ids.append(id) }
            case .endElement:
                if name == slideList { inList = false }
            default:
                continue
            }
        }
        return ids
    }

    /// PowerPoint's `<Words>` and `<Application>` from the extended properties part.
    private static func savedStatistics(_ archive: ZipArchive, package: OPCPackage, limits: ReadLimits) throws(DocumentError) -> SavedStatistics? {
        let part = package.extendedPropertiesPart ?? "docProps/app.xml"
        guard archive.contains(part) else { return nil }
        let stream = try XMLStream(entry: archive.open(part), maxDepth: limits.maxXMLDepth)
        let wordsName = stream.intern("Words")
        let applicationName = stream.intern("Application")
        var words: Int?
        var application: String?
        var capture: XMLStream.Name?
        var buffer: [UInt8] = []
        while try stream.next() {
            switch stream.node {
            case .element:
                if stream.depth == 1, let name = stream.localName, name == wordsName || name == applicationName, !stream.isEmptyElement {
                    capture = name
                    buffer = []
                }
            case .text:
                if capture != nil { stream.appendValue(to: &buffer) }
            case .endElement:
                guard let name = capture, stream.localName == name else { continue }
                let value = String(decoding: buffer, as: UTF8.self).filter { !$0.isNewline }
                if name == wordsName { words = Int(value.filter { !$0.isWhitespace }) } else { application = value.isEmpty ? nil : value }
                capture = nil
            case .other:
                continue
            }
        }
        return words == nil && application == nil ? nil : SavedStatistics(words: words, application: application)
    }
}

/// Namespaces and attribute look-ups shared by the PresentationML readers.
enum OOXML {
    static let relationships = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]

    /// A relationship-id attribute (`r:id`, `r:dm`…) in either OOXML flavour.
    static func relationshipID(_ stream: XMLStream, _ name: String) -> String? {
        for namespace in relationships {
            if let value = stream.attribute(name, namespace: namespace) { return value }
        }
        return nil
    }
}

/// The PresentationML namespaces, interned in one stream's dictionary.
private struct PresentationNames {
    let presentation: [XMLStream.Name?]
    let drawing: [XMLStream.Name?]
    let diagram: [XMLStream.Name?]
    let compatibility: XMLStream.Name?
    init(_ stream: XMLStream) {
        presentation = [
            stream.intern("http://schemas.openxmlformats.org/presentationml/2006/main"),
            stream.intern("http://purl.oclc.org/ooxml/presentationml/main"),
        ]
        drawing = [
            stream.intern("http://schemas.openxmlformats.org/drawingml/2006/main"),
            stream.intern("http://purl.oclc.org/ooxml/drawingml/main"),
        ]
        diagram = [
            stream.intern("http://schemas.openxmlformats.org/drawingml/2006/diagram"),
            stream.intern("http://purl.oclc.org/ooxml/drawingml/diagram"),
        ]
        compatibility = stream.intern("http://schemas.openxmlformats.org/markup-compatibility/2006")
    }
}

/// Reads the text of one slide, notes page, SmartArt data part or comments part.
private struct SlideReader {
    enum Mode {
        /// A slide: titles, slide text, tables, footers, and the SmartArt it refers to.
        case slide
        /// A notes page: only the body placeholder, the speaker's notes.
        case notes
        /// A SmartArt data part: the text of its nodes.
        case diagram
        /// A comments part (legacy `p:cm` or modern threaded comments).
        case comments
    }

    struct Content {
        var hidden = false
        var titles: [String] = []
        var blocks: [(kind: BlockKind, text: String)] = []
        var diagrams: [(id: String, hidden: Bool)] = []
    }

    /// A shape, group or graphic frame being read.
    struct Container {
        var placeholder: String?
        var hidden = false
        var title: [String] = []
    }

    let stream: XMLStream
    let mode: Mode
    let names: PresentationNames
    let p, sp, grpSp, graphicFrame, cxnSp, pic, spTree, cNvPr, ph, sld, text: XMLStream.Name?
    let a, t, br, tbl, relIds, pt, fallback: XMLStream.Name?

    init(_ stream: XMLStream, mode: Mode) {
        self.stream = stream
        self.mode = mode
        names = PresentationNames(stream)
        p = stream.intern("p"); sp = stream.intern("sp"); grpSp = stream.intern("grpSp")
        graphicFrame = stream.intern("graphicFrame"); cxnSp = stream.intern("cxnSp"); pic = stream.intern("pic")
        spTree = stream.intern("spTree"); cNvPr = stream.intern("cNvPr"); ph = stream.intern("ph"); sld = stream.intern("sld")
        text = stream.intern("text")
        a = p; t = stream.intern("t"); br = stream.intern("br"); tbl = stream.intern("tbl")
        relIds = stream.intern("relIds"); pt = stream.intern("pt"); fallback = stream.intern("Fallback")
    }

    func read() throws(DocumentError) -> Content {
        var content = Content()
        var containers: [Container] = []
        // The open paragraph's and comment's text; appended to in place, so each
        // buffer is kept apart from the flag that says whether one is open.
        var paragraph: [UInt8] = []
        var inParagraph = false
        var commentText: [UInt8] = []
        var inComment = false
        var inText = false
        var tableDepth = 0
        while try stream.next() {
            switch stream.node {
            case .text:
                if inText, inParagraph {
                    stream.appendValue(to: &paragraph)
                } else if inComment {
                    stream.appendValue(to: &commentText)
                }
            case .element:
                guard let name = stream.localName else { continue }
                let namespace = stream.namespace
                let empty = stream.isEmptyElement
                if namespace == names.compatibility && name == fallback {
                    try stream.skipSubtree()  // the same content again, for older readers
                } else if names.drawing.contains(namespace) {
                    if name == a {
                        inParagraph = !empty
                        paragraph.removeAll(keepingCapacity: true)
                    } else if name == t {
                        inText = !empty
                    } else if name == br {
                        if inParagraph { paragraph.append(0x20) }
                    } else if name == tbl {
                        if !empty { tableDepth += 1 }
                    }
                } else if names.presentation.contains(namespace) {
                    if name == sp || name == grpSp || name == graphicFrame || name == cxnSp || name == pic || name == spTree {
                        if !empty { containers.append(Container()) }
                    } else if name == cNvPr {
                        if let hidden = stream.attribute("hidden"), hidden == "1" || hidden == "true", let last = containers.indices.last {
                            containers[last].hidden = true
                        }
                    } else if name == ph {
                        if let last = containers.indices.last { containers[last].placeholder = stream.attribute("type") ?? "obj" }
                    } else if name == sld {
                        content.hidden = stream.attribute("show") == "0" || stream.attribute("show") == "false"
                    } else if name == text && mode == .comments {
                        inComment = !empty
                        commentText.removeAll(keepingCapacity: true)
                    }
                } else if names.diagram.contains(namespace) {
                    if name == relIds, mode == .slide, let id = OOXML.relationshipID(stream, "dm") {
                        content.diagrams.append((id, containers.contains { $0.hidden }))
                    } else if name == pt, mode == .diagram, !empty {
                        let type = stream.attribute("type") ?? "node"
                        if type != "node" && type != "asst" { try stream.skipSubtree() }
                    }
                }
            case .endElement:
                guard let name = stream.localName else { continue }
                let namespace = stream.namespace
                if names.drawing.contains(namespace) {
                    if name == t {
                        inText = false
                    } else if name == tbl {
                        tableDepth = max(0, tableDepth - 1)
                    } else if name == a, inParagraph {
                        inParagraph = false
                        let text = clean(&paragraph)
                        if !text.isEmpty { place(text, in: &containers, content: &content, tableDepth: tableDepth) }
                    }
                } else if names.presentation.contains(namespace) {
                    if name == sp || name == grpSp || name == graphicFrame || name == cxnSp || name == pic || name == spTree {
                        guard let container = containers.popLast() else { continue }
                        if !container.title.isEmpty {
                            let title = container.title.joined(separator: " ")
                            if container.hidden || containers.contains(where: \.hidden) { content.blocks.append((.hidden, title)) } else { content.titles.append(title) }
                        }
                    } else if name == text, inComment {
                        inComment = false
                        let comment = clean(&commentText)
                        if !comment.isEmpty { content.blocks.append((.comment, comment)) }
                    }
                }
            case .other:
                continue
            }
        }
        return content
    }

    /// Puts a finished paragraph where it belongs: a title, slide text, a cell, a footer, notes.
    private func place(_ text: String, in containers: inout [Container], content: inout Content, tableDepth: Int) {
        let hidden = containers.contains { $0.hidden }
        let placeholder = containers.last?.placeholder
        switch mode {
        case .notes:
            if placeholder == "body" { content.blocks.append((.notes, text)) }
        case .diagram:
            content.blocks.append((.slide, text))
        case .comments:
            content.blocks.append((.comment, text))
        case .slide:
            if placeholder == "title" || placeholder == "ctrTitle", let last = containers.indices.last {
                containers[last].title.append(text)
                return
            }
            let kind: BlockKind
            if hidden { kind = .hidden }
            else if tableDepth > 0 { kind = .tableCell }
            else if placeholder == "dt" || placeholder == "ftr" || placeholder == "sldNum" { kind = .footer }
            else if placeholder == "hdr" { kind = .header }
            else { kind = .slide }
            content.blocks.append((kind, text))
        }
    }

    /// Text without leading or trailing white space; tabs and newlines as spaces. Works
    /// in the buffer itself, which the reader empties before it is used again.
    private func clean(_ bytes: inout [UInt8]) -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if bytes[first...last].contains(where: { $0 != 0x20 && isSpace($0) }) {
            for index in first...last where isSpace(bytes[index]) { bytes[index] = 0x20 }
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
