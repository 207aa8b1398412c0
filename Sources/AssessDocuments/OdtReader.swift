/// Reads OpenDocument text (`.odt`, `.ott`, and flat `.fodt`) into ``DocumentText``,
/// streaming `styles.xml`, `content.xml` and `meta.xml` through libxml2.
///
/// What it honours: paragraphs and headings (`text:h` with its outline level, or a
/// "Heading N" style), the Title style (level 0), lists, tables, frames and drawing
/// shapes (text boxes), footnotes and endnotes (the body, never the citation mark),
/// captions (by style, following parents, or a `text:sequence` field), contents and
/// index entries (front matter), headers and footers of the master pages, comments
/// (`office:annotation`), tracked deletions (kept apart, at the place they were made),
/// hidden text (hidden-text and hidden-paragraph fields, `text:display="none"` in a
/// paragraph or text style, hidden sections), and spaces, tabs and line breaks as
/// separators. OpenOffice.org 2.x files (headings inside lists, ODF 1.0/1.1 ids) and
/// LibreOffice 25.x files (`xml:id` change regions, `loext:` extensions) read alike.
public enum OdtReader {
    /// Reads the document in an open archive.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` for OpenDocument files that are
    ///   not text (spreadsheets, presentations, drawings) and OpenOffice.org 1 files;
    ///   ``DocumentError/encrypted`` for password-protected files;
    ///   ``DocumentError/missingPart(_:)`` without `content.xml` or a text body;
    ///   ``DocumentError/malformedXML(part:line:message:)``, zip and limit errors.
    public static func read(_ archive: ZipArchive, limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        if let info = archive.info("mimetype"), info.size <= 256 {
            let type = String(decoding: try archive.read("mimetype"), as: UTF8.self).filter { !$0.isWhitespace }
            if let problem = notText(mimetype: type) { throw problem }
        }
        guard archive.contains("content.xml") else { throw .missingPart("content.xml (the text of an OpenDocument file)") }
        if archive.contains("META-INF/manifest.xml") {
            try checkNotEncrypted(XMLStream(entry: archive.open("META-INF/manifest.xml"), maxDepth: limits.maxXMLDepth))
        }
        let reader = OdfTextReader()
        for part in ["styles.xml", "content.xml", "meta.xml"] where archive.contains(part) {
            try reader.read(XMLStream(entry: archive.open(part), maxDepth: limits.maxXMLDepth))
        }
        return try reader.document()
    }

    /// Reads a flat OpenDocument text file (`.fodt`: one XML document holding styles,
    /// meta data and the body).
    /// - Parameter name: the name used in errors.
    /// - Throws: as ``read(_:limits:)``.
    public static func read(flatXML bytes: [UInt8], name: String = "document.fodt", limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        if bytes.count > limits.maxEntryBytes {
            throw .limitExceeded(what: "the size of \(name)", limit: limits.maxEntryBytes, actual: bytes.count)
        }
        let reader = OdfTextReader()
        try reader.read(XMLStream(bytes: bytes, part: name, maxDepth: limits.maxXMLDepth))
        return try reader.document()
    }

    /// Whether the first bytes of a text file are those of a flat OpenDocument file
    /// (`.fodt`, or a lone `content.xml`). LibreOffice declares some forty namespaces
    /// before anything else, so the look goes 16 KiB deep. A flat spreadsheet is then
    /// refused by its body, rather than read as text full of tags.
    static func isFlatODF<Bytes: Collection<UInt8>>(_ head: Bytes) -> Bool {
        let text = String(decoding: head.prefix(16384), as: UTF8.self)
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return start.hasPrefix("<") && text.contains("<office:document") && text.contains(ODF.office)
    }

    /// The error for an OpenDocument (or OpenOffice.org 1) media type that is not text.
    static func notText(mimetype type: String) -> DocumentError? {
        let odf = "application/vnd.oasis.opendocument."
        if type.hasPrefix(odf + "text") { return nil }
        if type.hasPrefix(odf) { return notText(kind: String(type.dropFirst(odf.count))) }
        if type.hasPrefix("application/vnd.sun.xml.") {
            return .unsupportedFormat("The file is an OpenOffice.org 1 file, which is not read; open it in LibreOffice, save it as DOCX or ODT and submit that.")
        }
        return nil
    }

    /// The error for an OpenDocument body of another kind (`office:spreadsheet`…).
    static func notText(kind: String) -> DocumentError {
        if kind.hasPrefix("spreadsheet") {
            return .unsupportedFormat("The file is an OpenDocument spreadsheet (.ods), not a text document; submit the work as DOCX, ODT or PDF.")
        }
        if kind.hasPrefix("presentation") {
            return .unsupportedFormat("The file is an OpenDocument presentation (.odp), which is not read; save it as PPTX or PDF and submit that.")
        }
        let name = kind.split(separator: "-").first.map(String.init) ?? kind
        return .unsupportedFormat("The file is an OpenDocument \(name) file, not a text document; convert it to DOCX or PDF.")
    }

    /// Password-protected ODF files keep their parts encrypted inside a plain zip; the
    /// manifest says so with `manifest:encryption-data`.
    private static func checkNotEncrypted(_ stream: XMLStream) throws(DocumentError) {
        let encryption = stream.intern("encryption-data")
        while try stream.next() {
            if stream.node == .element && stream.localName == encryption { throw .encrypted }
        }
    }
}

/// The namespaces of ODF 1.0–1.3 (OpenOffice.org 2 to LibreOffice 25 use the same).
enum ODF {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// Reads the parts of one ODF text document in turn (styles, content, meta, or a
/// flat file holding all three), one node at a time.
///
/// Paragraphs nest (a footnote, a comment or a text box sits inside the paragraph it is
/// anchored to), so open paragraphs form a stack and text goes to the innermost one. A
/// container whose own text is not the paragraph's (a note, a comment, a drawing) opens
/// a *barrier* on the stack that swallows stray text such as citation marks and authors.
final class OdfTextReader {
    enum Story: Hashable {
        case main, footnote, endnote, comment, header, footer, ignored
        case deletion(String)
    }

    struct Paragraph {
        var story: Story
        var style = OdfStyles.Resolved()
        var heading = false
        var outlineLevel: Int?
        var text: [UInt8] = []
        var hidden: [UInt8] = []
        var hiddenParagraph = false
        var captionField = false
        /// Each open `text:span`: whether its style hides text (nil: it does not say).
        var spans: [Bool?] = []
        var hiddenFields = 0
        /// Tracked deletions (change ids) marked inside the paragraph.
        var deletions: [String] = []
    }

    private var styles = OdfStyles()
    private var builder = DocumentBuilder()
    private var paragraphs: [Paragraph] = []
    private var stories: [Story] = []
    private var noteClasses: [Story] = []
    private var sections: [Bool] = []
    private var hiddenSections = 0
    private var tableDepth = 0, drawDepth = 0, listDepth = 0, indexDepth = 0, bibliographyDepth = 0, indexTitleDepth = 0

    private enum StyleContainer { case common, automatic }
    private var styleContainer: StyleContainer?
    private var currentStyle: (name: String, family: OdfStyles.Family, style: OdfStyles.Style)?

    private var changedRegion: String?
    private var deletions: [String: [String]] = [:]
    private var deletionOrder: [String] = []

    private var asides: [Story: [(kind: BlockKind, text: String)]] = [:]
    private var headerStarts: [(story: Story, start: Int)] = []
    private var seenHeaders: Set<String> = []

    private var sawText = false
    private var capture: [UInt8]?
    private var savedWords: Int?
    private var generator: String?

    /// Reads one part; parts are read styles first, then content, then meta data.
    func read(_ stream: XMLStream) throws(DocumentError) {
        styles.startPart()
        let names = Vocabulary(stream)
        while try stream.next() {
            switch stream.node {
            case .text:
                if capture != nil {
                    var buffer = capture ?? []
                    stream.appendValue(to: &buffer)
                    capture = buffer
                    continue
                }
                guard let last = paragraphs.indices.last else { continue }
                if isHidden(paragraphs[last]) {
                    stream.appendValue(to: &paragraphs[last].hidden)
                } else {
                    stream.appendValue(to: &paragraphs[last].text)
                }
            case .element:
                try start(stream, names)
            case .endElement:
                end(stream, names)
            case .other:
                continue
            }
        }
    }

    /// The document read so far: the main text, deletions no mark placed, then
    /// footnotes, endnotes, headers, footers and comments.
    /// - Throws: ``DocumentError/missingPart(_:)`` when no part held a text body.
    func document() throws(DocumentError) -> DocumentText {
        guard sawText else { throw .missingPart("text body (office:text in content.xml)") }
        for id in deletionOrder {
            if let texts = deletions.removeValue(forKey: id) { builder.addMain(.deleted, text: texts.joined(separator: " ")) }
        }
        for story in [Story.footnote, .endnote, .header, .footer, .comment] {
            for aside in asides[story] ?? [] { builder.addStory(aside.kind, text: aside.text) }
        }
        let application = generator.map { String($0.prefix { $0 != "$" }) }.flatMap { $0.isEmpty ? nil : $0 }
        let saved = savedWords == nil && application == nil ? nil : SavedStatistics(words: savedWords, application: application)
        return builder.build(.odt, saved: saved)
    }

    // MARK: - Elements

    private func start(_ stream: XMLStream, _ names: Vocabulary) throws(DocumentError) {
        guard let local = stream.localName, let namespace = stream.namespace else { return }
        let empty = stream.isEmptyElement
        if namespace == names.draw {
            if local == names.object || local == names.objectOLE {
                try stream.skipSubtree()  // an embedded chart or formula (inline in flat files)
            } else if !empty {
                drawDepth += 1
                paragraphs.append(Paragraph(story: .ignored))  // barrier: alt text, image data
            }
            return
        }
        guard let element = names.elements[Vocabulary.QName(namespace: namespace, local: local)] else { return }
        switch element {
        case .paragraph, .heading:
            var paragraph = Paragraph(story: currentStory)
            paragraph.style = styles.resolve(stream.attribute("style-name", namespace: ODF.text), family: .paragraph)
            if element == .heading {
                paragraph.heading = true
                paragraph.outlineLevel = stream.attribute("outline-level", namespace: ODF.text).flatMap { Int($0) }
            }
            if empty { finish(paragraph) } else { paragraphs.append(paragraph) }
        case .span:
            guard !empty, let last = paragraphs.indices.last else { return }
            paragraphs[last].spans.append(styles.resolve(stream.attribute("style-name", namespace: ODF.text), family: .text).hidden)
        case .space:
            let count = min(max(stream.attribute("c", namespace: ODF.text).flatMap { Int($0) } ?? 1, 1), 100)
            appendToTop(Array(repeating: 0x20, count: count))
        case .separator:
            appendToTop([0x20])
        case .note:
            guard !empty else { return }
            noteClasses.append(stream.attribute("note-class", namespace: ODF.text) == "endnote" ? .endnote : .footnote)
            paragraphs.append(Paragraph(story: .ignored))  // barrier: the citation mark
        case .noteBody:
            if !empty { stories.append(noteClasses.last ?? .footnote) }
        case .sequence:
            if let last = paragraphs.indices.last { paragraphs[last].captionField = true }
        case .hiddenText:
            guard let last = paragraphs.indices.last else { return }
            if !empty {
                paragraphs[last].hiddenFields += 1
            } else if let value = stream.attribute("string-value", namespace: ODF.text) {
                paragraphs[last].hidden.append(contentsOf: Array(" \(value) ".utf8))
            }
        case .hiddenParagraph:
            if let last = paragraphs.indices.last {
                paragraphs[last].hiddenParagraph = stream.attribute("is-hidden", namespace: ODF.text) != "false"
            }
        case .change:
            guard let id = stream.attribute("change-id", namespace: ODF.text) else { return }
            if let last = paragraphs.indices.last { paragraphs[last].deletions.append(id) } else { emitDeletion(id, story: currentStory) }
        case .changedRegion:
            changedRegion = stream.attribute("id", namespace: ODF.text) ?? stream.attribute("id", namespace: ODF.xml)
        case .deletion:
            guard !empty else { return }
            let id = changedRegion ?? ""
            if deletions[id] == nil { deletionOrder.append(id); deletions[id] = [] }
            stories.append(.deletion(id))
        case .list:
            if !empty { listDepth += 1 }
        case .section:
            guard !empty else { return }
            let hidden = stream.attribute("display", namespace: ODF.text) == "none" || stream.attribute("is-hidden", namespace: ODF.text) == "true"
            sections.append(hidden)
            if hidden { hiddenSections += 1 }
        case .index:
            if !empty { indexDepth += 1 }
        case .bibliography:
            if !empty { bibliographyDepth += 1 }
        case .indexTitle:
            if !empty { indexTitleDepth += 1 }
        case .table:
            if !empty { tableDepth += 1 }
        case .skip:
            try stream.skipSubtree()
        case .annotation:
            guard !empty else { return }
            stories.append(.comment)
            paragraphs.append(Paragraph(story: .ignored))  // barrier: author, date, initials
        case .officeText:
            guard !empty else { return }
            stories.append(.main)
            sawText = true
        case .otherBody(let kind):
            throw OdtReader.notText(kind: kind)
        case .commonStyles:
            styleContainer = empty ? nil : .common
        case .automaticStyles:
            styleContainer = empty ? nil : .automatic
        case .style:
            guard styleContainer != nil, let name = stream.attribute("name", namespace: ODF.style) else { return }
            let family: OdfStyles.Family
            switch stream.attribute("family", namespace: ODF.style) {
            case "paragraph": family = .paragraph
            case "text": family = .text
            default: return
            }
            let display = stream.attribute("display-name", namespace: ODF.style) ?? OdfStyles.decode(name)
            let style = OdfStyles.Style(
                name: display.lowercased(), parent: stream.attribute("parent-style-name", namespace: ODF.style),
                outlineLevel: stream.attribute("default-outline-level", namespace: ODF.style).flatMap { Int($0) })
            if empty {
                styles.add(style, named: name, family: family, automatic: styleContainer == .automatic)
            } else {
                currentStyle = (name, family, style)
            }
        case .textProperties:
            guard currentStyle != nil, let display = stream.attribute("display", namespace: ODF.text) else { return }
            currentStyle?.style.hidden = display == "none" ? true : display == "true" ? false : nil
        case .header, .footer:
            guard !empty else { return }
            if stream.attribute("display", namespace: ODF.style) == "false" {
                try stream.skipSubtree()  // switched off: not printed
                return
            }
            let story: Story = element == .header ? .header : .footer
            headerStarts.append((story, asides[story]?.count ?? 0))
            stories.append(story)
        case .generator:
            if !empty { capture = [] }
        case .statistics:
            savedWords = stream.attribute("word-count", namespace: ODF.meta).flatMap { Int($0) }
        }
    }

    private func end(_ stream: XMLStream, _ names: Vocabulary) {
        guard let local = stream.localName, let namespace = stream.namespace else { return }
        if namespace == names.draw {
            drawDepth = max(0, drawDepth - 1)
            _ = paragraphs.popLast()
            return
        }
        guard let element = names.elements[Vocabulary.QName(namespace: namespace, local: local)] else { return }
        switch element {
        case .paragraph, .heading:
            if let paragraph = paragraphs.popLast() { finish(paragraph) }
        case .span:
            if let last = paragraphs.indices.last { _ = paragraphs[last].spans.popLast() }
        case .note:
            _ = noteClasses.popLast()
            _ = paragraphs.popLast()
        case .noteBody, .deletion, .officeText:
            _ = stories.popLast()
        case .annotation:
            _ = stories.popLast()
            _ = paragraphs.popLast()
        case .hiddenText:
            if let last = paragraphs.indices.last { paragraphs[last].hiddenFields = max(0, paragraphs[last].hiddenFields - 1) }
        case .changedRegion:
            changedRegion = nil
        case .list:
            listDepth = max(0, listDepth - 1)
        case .section:
            if sections.popLast() == true { hiddenSections = max(0, hiddenSections - 1) }
        case .index:
            indexDepth = max(0, indexDepth - 1)
        case .bibliography:
            bibliographyDepth = max(0, bibliographyDepth - 1)
        case .indexTitle:
            indexTitleDepth = max(0, indexTitleDepth - 1)
        case .table:
            tableDepth = max(0, tableDepth - 1)
        case .commonStyles, .automaticStyles:
            styleContainer = nil
        case .style:
            if let current = currentStyle {
                styles.add(current.style, named: current.name, family: current.family, automatic: styleContainer == .automatic)
            }
            currentStyle = nil
        case .header, .footer:
            _ = stories.popLast()
            guard let opened = headerStarts.popLast(), let items = asides[opened.story], opened.start <= items.count else { return }
            let (story, start) = opened
            // The same header on several page styles is printed once per page, as in
            // Word's several header parts; read it once.
            let key = "\(story)\u{1}" + items[start...].map(\.text).joined(separator: "\u{0}")
            if seenHeaders.contains(key) { asides[story]?.removeSubrange(start...) } else { seenHeaders.insert(key) }
        case .generator:
            generator = capture.map { String(decoding: $0, as: UTF8.self).trimmingWhitespace }
            capture = nil
        default:
            break
        }
    }

    // MARK: - Paragraphs

    /// The story new paragraphs belong to; everything inside a tracked deletion is deleted.
    private var currentStory: Story {
        stories.last { if case .deletion = $0 { true } else { false } } ?? stories.last ?? .ignored
    }

    private func isHidden(_ paragraph: Paragraph) -> Bool {
        if hiddenSections > 0 || paragraph.hiddenParagraph || paragraph.hiddenFields > 0 { return true }
        return paragraph.spans.last { $0 != nil }.flatMap { $0 } ?? paragraph.style.hidden ?? false
    }

    private func appendToTop(_ bytes: [UInt8]) {
        guard let last = paragraphs.indices.last else { return }
        if isHidden(paragraphs[last]) { paragraphs[last].hidden.append(contentsOf: bytes) } else { paragraphs[last].text.append(contentsOf: bytes) }
    }

    private func finish(_ paragraph: Paragraph) {
        let text = Self.clean(paragraph.text)
        let hidden = Self.clean(paragraph.hidden)
        switch paragraph.story {
        case .ignored:
            return
        case .deletion(let id):
            let all = [text, hidden].filter { !$0.isEmpty }.joined(separator: " ")
            if !all.isEmpty { deletions[id, default: []].append(all) }
        case .main:
            if !text.isEmpty {
                let (kind, level, frontMatter) = classify(paragraph)
                builder.addMain(kind, text: text, level: level, frontMatter: frontMatter)
            }
            if !hidden.isEmpty { builder.addMain(.hidden, text: hidden) }
        case .footnote, .endnote, .comment, .header, .footer:
            let kind: BlockKind = switch paragraph.story {
            case .footnote: .footnote
            case .endnote: .endnote
            case .header: .header
            case .footer: .footer
            default: .comment
            }
            if !text.isEmpty { asides[paragraph.story, default: []].append((kind, text)) }
            if !hidden.isEmpty { asides[paragraph.story, default: []].append((.hidden, hidden)) }
        }
        for id in paragraph.deletions { emitDeletion(id, story: paragraph.story) }
    }

    /// Places the text a tracked deletion removed where its mark is.
    private func emitDeletion(_ id: String, story: Story) {
        guard let texts = deletions[id], !texts.isEmpty else { return }
        deletions[id] = nil
        let text = texts.joined(separator: " ")
        switch story {
        case .main: builder.addMain(.deleted, text: text)
        case .footnote, .endnote, .comment, .header, .footer: asides[story, default: []].append((.deleted, text))
        case .ignored, .deletion: deletions[id] = texts  // placed at the end instead
        }
    }

    /// Kind, heading level and whether it is front matter, for a paragraph of the main text.
    private func classify(_ paragraph: Paragraph) -> (BlockKind, Int?, Bool) {
        let role = paragraph.style.role
        if paragraph.captionField || role == .caption { return (.caption, nil, false) }
        if drawDepth > 0 { return (.textBox, nil, false) }
        if tableDepth > 0 { return (.tableCell, nil, false) }
        if bibliographyDepth > 0 && indexTitleDepth > 0 { return (.heading, 1, false) }
        if indexDepth > 0 || role == .contents { return (.paragraph, nil, true) }
        if paragraph.heading {
            let level = [paragraph.outlineLevel, paragraph.style.outlineLevel].compactMap { $0 }.first { $0 >= 1 } ?? 1
            return (.heading, min(level, 10), false)
        }
        if case .heading(let level) = role { return (.heading, level, false) }
        if role == .title { return (.heading, 0, false) }
        if listDepth > 0 { return (.listItem, nil, false) }
        if role == .subtitle { return (.paragraph, nil, true) }
        return (.paragraph, nil, false)
    }

    /// Tabs and newlines from the XML as spaces, without leading or trailing space.
    private static func clean(_ bytes: [UInt8]) -> String {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last].map { isSpace($0) ? 0x20 : $0 }, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// The ODF elements the reader acts on, interned in one stream's dictionary.
private struct Vocabulary {
    enum Element: Equatable {
        case paragraph, heading, span, space, separator, note, noteBody, sequence, hiddenText, hiddenParagraph
        case change, changedRegion, deletion, list, section, index, bibliography, indexTitle, table, skip
        case annotation, officeText, otherBody(String), commonStyles, automaticStyles, style, textProperties
        case header, footer, generator, statistics
    }

    struct QName: Hashable {
        var namespace: XMLStream.Name
        var local: XMLStream.Name
    }

    let draw: XMLStream.Name?
    let object: XMLStream.Name?
    let objectOLE: XMLStream.Name?
    let elements: [QName: Element]

    init(_ stream: XMLStream) {
        draw = stream.intern(ODF.draw)
        object = stream.intern("object")
        objectOLE = stream.intern("object-ole")
        var elements: [QName: Element] = [:]
        func add(_ namespace: String, _ names: [String: Element]) {
            guard let namespace = stream.intern(namespace) else { return }
            for (name, element) in names {
                if let local = stream.intern(name) { elements[QName(namespace: namespace, local: local)] = element }
            }
        }
        add(ODF.text, [
            "p": .paragraph, "h": .heading, "span": .span, "s": .space, "tab": .separator, "line-break": .separator,
            "note": .note, "note-citation": .skip, "note-body": .noteBody, "sequence": .sequence,
            "hidden-text": .hiddenText, "hidden-paragraph": .hiddenParagraph,
            "change": .change, "changed-region": .changedRegion, "deletion": .deletion,
            "list": .list, "numbered-paragraph": .list, "section": .section,
            "table-of-content": .index, "illustration-index": .index, "table-index": .index, "object-index": .index,
            "user-index": .index, "alphabetical-index": .index, "bibliography": .bibliography, "index-title": .indexTitle,
            "table-of-content-source": .skip, "illustration-index-source": .skip, "table-index-source": .skip,
            "object-index-source": .skip, "user-index-source": .skip, "alphabetical-index-source": .skip,
            "bibliography-source": .skip, "sequence-decls": .skip, "variable-decls": .skip, "user-field-decls": .skip,
        ])
        add(ODF.office, [
            "text": .officeText, "annotation": .annotation, "change-info": .skip, "binary-data": .skip,
            "styles": .commonStyles, "automatic-styles": .automaticStyles,
            "spreadsheet": .otherBody("spreadsheet"), "presentation": .otherBody("presentation"),
            "drawing": .otherBody("drawing"), "chart": .otherBody("chart"), "image": .otherBody("image"),
            "database": .otherBody("database"), "forms": .skip, "scripts": .skip, "event-listeners": .skip,
        ])
        add(ODF.table, ["table": .table])
        add(ODF.style, [
            "style": .style, "text-properties": .textProperties,
            "header": .header, "header-left": .header, "header-first": .header,
            "footer": .footer, "footer-left": .footer, "footer-first": .footer,
        ])
        add(ODF.meta, ["generator": .generator, "document-statistic": .statistics, "date-string": .skip, "creator-initials": .skip])
        add(ODF.dc, ["creator": .skip, "date": .skip])
        add(ODF.svg, ["title": .skip, "desc": .skip])
        self.elements = elements
    }
}

private extension String {
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
