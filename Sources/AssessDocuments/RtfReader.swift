/// Reads RTF (Word, WordPad, TextEdit, LibreOffice and pandoc output) into
/// ``DocumentText`` with a small streaming extractor: one pass over the bytes, a stack
/// of group states, no tree.
///
/// What it honours: groups and control words; `\par`, `\line`, `\tab`, `\cell`, `\row`
/// and their nested-table forms; `\uN` with `\ucN` skipping (and surrogate pairs);
/// `\'hh` in the document's code page (`\ansicpg`, `\mac`, `\pc`, or a font's
/// `\fcharset`/`\cpg`; default Windows-1252); `\bin`. Destinations that hold no text
/// (font, colour and style tables, document info, pictures, field instructions, list
/// numbers, bookmarks, `\*` destinations it does not know, nested-table fallbacks,
/// shape results) are skipped. Headers and footers become `header`/`footer` blocks,
/// `\footnote` a `footnote` (an `endnote` with `\ftnalt`), `\annotation` a `comment`,
/// shape text (`\shptxt`) a `text_box`, hidden text (`\v`) `hidden` and tracked
/// deletions (`\deleted`) `deleted`. Headings come from `\outlinelevelN` or a
/// paragraph style named "heading N" (through `\sbasedon`), the Title style is the
/// document's title, paragraphs in tables (`\intbl`, `\itapN`) are `table_cell`s, and
/// list paragraphs (`\ls`, `\ilvl`, `\listtext`, `\pntext`, list styles) `list_item`s.
public enum RtfReader {
    /// Reads RTF held in memory.
    /// - Throws: ``DocumentError/limitExceeded(what:limit:actual:)`` when groups nest
    ///   deeper than `limits.maxXMLDepth`; ``DocumentError/unsupportedFormat(_:)`` when
    ///   the bytes are not RTF at all.
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        guard bytes.starts(with: Array("{\\rtf".utf8)) else {
            throw .unsupportedFormat("The file does not start like an RTF document; open it in Word or LibreOffice and save it as DOCX.")
        }
        var parser = RtfParser(maxDepth: limits.maxXMLDepth)
        try bytes.withUnsafeBufferPointer { buffer throws(DocumentError) in try parser.parse(buffer) }
        return parser.finish()
    }
}

/// The streaming state machine behind ``RtfReader``.
private struct RtfParser {
    /// Where the text of a group goes.
    enum Destination: Equatable {
        case main, skip, fontTable, styleSheet, styleEntry
        case footnote, endnote, header, footer, comment, textBox
        /// A shape's instructions: only its `\shptxt` holds text.
        case shapeInstructions

        var isStory: Bool {
            switch self {
            case .footnote, .endnote, .header, .footer, .comment, .textBox: true
            default: false
            }
        }
    }

    /// Formatting and destination in force in one group; `{` copies it, `}` restores it.
    struct GroupState {
        var destination = Destination.main
        var unicodeSkip = 1
        var font: Int?
        var hidden = false
        var deleted = false
        // Paragraph properties, reset by \pard.
        var inTable = false
        var tableDepth: Int?
        var outlineLevel: Int?
        var style = 0
        var listLevel = false
        /// The story this group writes into (index into `stories`).
        var story = 0
        /// In `\upr`, the destination `\ud` restores.
        var uprOuter: Destination?

        mutating func resetParagraph() {
            inTable = false
            tableDepth = nil
            outlineLevel = nil
            style = 0
            listLevel = false
        }

        mutating func resetCharacter(defaultFont: Int?) {
            hidden = false
            deleted = false
            font = defaultFont
        }

        var isInTable: Bool { tableDepth.map { $0 > 0 } ?? inTable }
    }

    /// Text gathered for the paragraph being read in one story.
    struct Paragraph {
        var text: [UInt8] = []
        var hidden: [UInt8] = []
        var deleted: [UInt8] = []
        var listMarker = false

        var isEmpty: Bool { text.isEmpty && hidden.isEmpty && deleted.isEmpty }
    }

    /// A flow of text: the main text or one footnote, header, comment…
    struct Story {
        var destination: Destination
        var paragraph = Paragraph()
        /// Set when `\ftnalt` turns a footnote into an endnote.
        var isEndnote = false
    }

    /// What the style sheet says about one paragraph style.
    struct StyleInfo {
        var name = ""
        var outlineLevel: Int?
        var basedOn: Int?
    }

    /// A style being read from the style sheet.
    struct StyleDefinition {
        var number = 0
        var isParagraph = true
        var info = StyleInfo()
        var nameEnded = false
    }

    enum StyleRole: Equatable { case heading(Int), title, caption, listItem, contents, plain }

    let maxDepth: Int
    var stack: [GroupState] = []
    var state = GroupState()
    var stories: [Story] = [Story(destination: .main)]
    var builder = DocumentBuilder()
    var asides: [(BlockKind, String)] = []
    // Code pages.
    var documentCodePage = 1252
    var defaultFont: Int?
    var fontCodePages: [Int: Int] = [:]
    var definingFont: Int?
    var decoders: [Int: CodePageDecoder] = [:]
    var pendingBytes: [UInt8] = []
    var pendingCodePage = 1252
    // Style sheet.
    var styles: [Int: StyleInfo] = [:]
    var definingStyle: StyleDefinition?
    // \uN handling.
    var skipRemaining = 0
    var highSurrogate: UInt32?
    /// Set by `\*`: the next control word names an optional destination.
    var ignorable = false
    /// Set at `{`: the next control word may name the group's destination.
    var groupStart = false

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    // MARK: Tokens

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(DocumentError) {
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                index += 1
                flushBytes()
                if stack.count >= maxDepth {
                    throw .limitExceeded(what: "the nesting depth of RTF groups", limit: maxDepth, actual: stack.count + 1)
                }
                stack.append(state)
                if state.destination == .styleSheet {
                    state.destination = .styleEntry
                    definingStyle = StyleDefinition()
                }
                skipRemaining = 0
                groupStart = true
                ignorable = false
            case UInt8(ascii: "}"):
                index += 1
                flushBytes()
                closeGroup()
                skipRemaining = 0
                groupStart = false
                ignorable = false
            case UInt8(ascii: "\\"):
                index += 1
                guard index < end else { break }
                let next = bytes[index]
                if isLetter(next) {
                    let start = index
                    while index < end, isLetter(bytes[index]), index - start < 32 { index += 1 }
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    var parameter: Int?
                    if index < end, bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]) {
                        var negative = false
                        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
                        var value = 0
                        var digits = 0
                        while index < end, isDigit(bytes[index]) {
                            if digits < 10 { value = value * 10 + Int(bytes[index] - 0x30) }
                            digits += 1
                            index += 1
                        }
                        parameter = negative ? -value : value
                    }
                    if index < end, bytes[index] == 0x20 { index += 1 }  // the delimiting space
                    if word == "bin" {
                        // \binN: N raw bytes follow, never parsed as RTF.
                        let count = max(0, min(parameter ?? 0, end - index))
                        index += count
                        continue
                    }
                    flushBytes()
                    if skipRemaining > 0 { skipRemaining -= 1; groupStart = false; continue }
                    controlWord(word, parameter)
                } else if next == UInt8(ascii: "'") {
                    index += 1
                    var value: UInt8?
                    if index + 1 < end, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) {
                        value = high << 4 | low
                        index += 2
                    }
                    groupStart = false
                    if skipRemaining > 0 { skipRemaining -= 1; continue }
                    if let value { textByte(value) }
                } else {
                    index += 1
                    flushBytes()
                    if skipRemaining > 0 && next != UInt8(ascii: "{") && next != UInt8(ascii: "}") && next != UInt8(ascii: "\\") {
                        skipRemaining -= 1
                        continue
                    }
                    controlSymbol(next)
                }
            case 0x0D, 0x0A:
                index += 1  // line breaks in the file are not text
            default:
                index += 1
                groupStart = false
                if skipRemaining > 0 { skipRemaining -= 1; continue }
                if byte == 0x09 { flushBytes(); emit(" ") } else if byte >= 0x20 { textByte(byte) }
            }
        }
        flushBytes()
    }

    mutating func controlSymbol(_ symbol: UInt8) {
        let wasGroupStart = groupStart
        groupStart = false
        switch symbol {
        case UInt8(ascii: "*"):
            ignorable = wasGroupStart
            groupStart = wasGroupStart  // the destination word still opens the group
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            textByte(symbol)
        case UInt8(ascii: "~"):
            emit("\u{00A0}")
        case UInt8(ascii: "_"):
            emit("-")
        case UInt8(ascii: "-"):
            break  // optional hyphen: not shown unless the word breaks there
        case 0x0A, 0x0D:
            endParagraph()
        case 0x09:
            emit(" ")
        default:
            break  // \: \| and unknown symbols carry no text
        }
    }

    // MARK: Control words

    mutating func controlWord(_ word: String, _ parameter: Int?) {
        let opensGroup = groupStart
        let optional = ignorable
        groupStart = false
        ignorable = false
        let inStyleSheet = state.destination == .styleEntry && ["cs", "ds", "ts", "s"].contains(word)
        if opensGroup, !inStyleSheet, let destination = destination(for: word, optional: optional) {
            enter(destination, word: word)
            if destination == .skip { return }
        }
        switch state.destination {
        case .skip:
            if word == "ud", let outer = state.uprOuter { state.destination = outer; state.uprOuter = nil }
            return
        case .fontTable:
            fontTableWord(word, parameter)
            return
        case .styleSheet, .styleEntry:
            styleWord(word, parameter)
            return
        case .shapeInstructions:
            return
        default:
            break
        }
        switch word {
        // Structure.
        case "par": endParagraph()
        case "sect", "page", "column": emit(" ")
        case "line", "softline", "tab", "emspace", "enspace", "qmspace": emit(" ")
        case "cell", "nestcell": endParagraph(forceTable: true)
        case "row", "nestrow": endParagraph(forceTable: true)
        case "pard":
            state.resetParagraph()
        case "plain":
            state.resetCharacter(defaultFont: defaultFont)
        case "intbl": state.inTable = true
        case "itap": state.tableDepth = parameter ?? 1
        case "outlinelevel": state.outlineLevel = parameter.flatMap { (0..<9).contains($0) ? $0 : nil }
        case "s": state.style = parameter ?? 0
        case "ls", "ilvl", "pnlvl", "pnlvlblt", "pnlvlbody", "pnlvlcont": state.listLevel = true
        // Characters.
        case "u":
            if let parameter { unicode(parameter) }
        case "uc": state.unicodeSkip = max(0, min(parameter ?? 1, 16))
        case "emdash": emit("\u{2014}")
        case "endash": emit("\u{2013}")
        case "bullet": emit("\u{2022}")
        case "lquote": emit("\u{2018}")
        case "rquote": emit("\u{2019}")
        case "ldblquote": emit("\u{201C}")
        case "rdblquote": emit("\u{201D}")
        case "zwj", "zwnj", "zwbo", "zwnbo", "ltrmark", "rtlmark": break
        // Character formatting that decides where text goes.
        case "v": state.hidden = parameter != 0
        case "deleted": state.deleted = parameter != 0
        case "f":
            state.font = parameter
        // Document settings.
        case "ansicpg": if let parameter, parameter > 0 { documentCodePage = parameter }
        case "mac": documentCodePage = 10000
        case "pc": documentCodePage = 437
        case "pca": documentCodePage = 850
        case "deff": defaultFont = parameter; if state.font == nil { state.font = parameter }
        case "ftnalt":
            if stories.indices.contains(state.story), stories[state.story].destination == .footnote { stories[state.story].isEndnote = true }
        default:
            break
        }
    }

    /// The destination a control word opens at the start of a group, or nil when it
    /// is an ordinary control word.
    func destination(for word: String, optional: Bool) -> Destination? {
        switch word {
        case "fonttbl": return .fontTable
        case "stylesheet": return .styleSheet
        case "footnote": return .footnote
        case "header", "headerl", "headerr", "headerf": return .header
        case "footer", "footerl", "footerr", "footerf": return .footer
        case "annotation": return .comment
        case "shpinst": return .shapeInstructions
        case "shptxt": return .textBox
        case "fldrslt", "field", "shp", "object", "result", "ud": return nil
        case "upr": return .skip
        case "listtext", "pntext": return .skip
        case "fldinst", "colortbl", "info", "pict", "nonesttables", "nonshppict", "shprslt", "sp", "sn", "sv",
             "xe", "tc", "tcn", "txe", "rxe", "bkmkstart", "bkmkend", "template", "docvar", "userprops",
             "listtable", "listoverridetable", "revtbl", "rsidtbl", "filetbl", "generator", "themedata",
             "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "mmathPr", "pgdsctbl",
             "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "atnid", "atnauthor", "atndate",
             "atnref", "atnicn", "atntime", "atrfstart", "atrfend", "objdata", "objclass", "objname",
             "objalias", "objsect", "objtime", "objitem", "objtopic", "title", "subject", "author", "operator",
             "keywords", "comment", "doccomm", "company", "manager", "category", "hlinkbase", "buptim",
             "creatim", "revtim", "printim", "pn", "pntxta", "pntxtb", "do", "falt", "panose", "fname",
             "stylesheetchange", "mmath", "moMath", "moMathPara", "protusertbl", "wgrffmtfilter", "fchars", "lchars",
             "passwordhash", "passwordtext", "htmltag", "mhtmltag", "factoidname", "pxe", "dptxbx", "expandedcolortbl":
            return .skip
        default:
            return optional ? .skip : nil
        }
    }

    mutating func enter(_ destination: Destination, word: String) {
        switch destination {
        case .skip:
            if word == "upr" { state.uprOuter = state.destination }
            if word == "listtext" || word == "pntext", state.destination == .main || state.destination.isStory {
                stories[state.story].paragraph.listMarker = true
            }
            state.destination = .skip
        case .footnote, .header, .footer, .comment, .textBox:
            guard state.destination != .skip else { return }
            stories.append(Story(destination: destination))
            state.story = stories.count - 1
            state.destination = destination
            state.resetParagraph()
        case .shapeInstructions:
            if state.destination != .skip { state.destination = .shapeInstructions }
        case .fontTable, .styleSheet:
            if state.destination != .skip { state.destination = destination }
        default:
            state.destination = destination
        }
    }

    mutating func closeGroup() {
        guard let outer = stack.popLast() else { return }  // unbalanced "}": nothing to close
        let closing = state
        if closing.destination == .styleEntry && outer.destination == .styleSheet { commitStyle() }
        if closing.story != outer.story, stories.indices.contains(closing.story) {
            finishParagraph(in: closing.story, state: closing, forceTable: false)
            stories.removeLast(stories.count - closing.story)
        }
        state = outer
    }

    // MARK: Tables of fonts and styles

    mutating func fontTableWord(_ word: String, _ parameter: Int?) {
        switch word {
        case "f": definingFont = parameter
        case "fcharset":
            if let font = definingFont, let parameter, fontCodePages[font] == nil, let page = Self.codePage(charset: parameter) {
                fontCodePages[font] = page
            }
        case "cpg":
            if let font = definingFont, let parameter, parameter > 0 { fontCodePages[font] = parameter }
        default: break
        }
    }

    static func codePage(charset: Int) -> Int? {
        switch charset {
        case 77: 10000
        case 128: 932
        case 129: 949
        case 134: 936
        case 136: 950
        case 161: 1253
        case 162: 1254
        case 163: 1258
        case 177: 1255
        case 178: 1256
        case 186: 1257
        case 204: 1251
        case 222: 874
        case 238: 1250
        case 254: 437
        case 255: 850
        default: nil  // 0 ANSI, 1 default, 2 symbol: the document's code page
        }
    }

    mutating func styleWord(_ word: String, _ parameter: Int?) {
        if definingStyle == nil { definingStyle = StyleDefinition() }
        switch word {
        case "s": definingStyle?.number = parameter ?? 0
        case "cs", "ds", "ts": definingStyle?.isParagraph = false
        case "outlinelevel": definingStyle?.info.outlineLevel = parameter.flatMap { (0..<9).contains($0) ? $0 : nil }
        case "sbasedon": definingStyle?.info.basedOn = parameter
        default: break
        }
    }

    mutating func commitStyle() {
        guard let style = definingStyle else { return }
        definingStyle = nil
        guard style.isParagraph else { return }
        var info = style.info
        info.name = info.name.trimmingWhitespace()
        styles[style.number] = info
    }

    func role(ofStyle number: Int) -> StyleRole {
        var current: Int? = number
        var seen = 0
        while let index = current, let info = styles[index], seen < 16 {
            if let level = info.outlineLevel { return .heading(level + 1) }
            let name = info.name.lowercased()
            if name.hasPrefix("heading"), let level = Int(name.dropFirst("heading".count).trimmingWhitespace()), (1...9).contains(level) {
                return .heading(level)
            }
            if name == "title" { return .title }
            if name == "caption" { return .caption }
            if name.hasPrefix("list") { return .listItem }
            if name.hasPrefix("toc ") || name == "toc heading" { return .contents }
            current = info.basedOn == index ? nil : info.basedOn
            seen += 1
        }
        return .plain
    }

    // MARK: Text

    /// Bytes of text in the current code page, decoded when anything else happens.
    mutating func textByte(_ byte: UInt8) {
        switch state.destination {
        case .styleSheet, .styleEntry:
            if definingStyle == nil { definingStyle = StyleDefinition() }
            if byte == UInt8(ascii: ";") {
                definingStyle?.nameEnded = true
                if state.destination == .styleSheet { commitStyle() }  // a style written without braces
            } else if definingStyle?.nameEnded == false {
                definingStyle?.info.name.unicodeScalars.append(Unicode.Scalar(byte))
            }
            return
        case .skip, .fontTable, .shapeInstructions:
            return
        default:
            break
        }
        highSurrogate = nil
        let page = currentCodePage
        if byte < 0x80 && !CodePageDecoder.isMultiByte(page) {
            flushBytes()
            append([byte])
            return
        }
        if page != pendingCodePage { flushBytes(); pendingCodePage = page }
        pendingBytes.append(byte)
    }

    var currentCodePage: Int {
        if let font = state.font, let page = fontCodePages[font] { return page }
        return documentCodePage
    }

    mutating func flushBytes() {
        guard !pendingBytes.isEmpty else { return }
        let page = pendingCodePage
        if decoders[page] == nil { decoders[page] = CodePageDecoder(codePage: page) }
        let decoded = decoders[page]?.decode(pendingBytes) ?? String(decoding: pendingBytes, as: UTF8.self)
        pendingBytes.removeAll(keepingCapacity: true)
        append(Array(decoded.utf8))
    }

    mutating func unicode(_ parameter: Int) {
        var value = UInt32(truncatingIfNeeded: parameter < 0 ? parameter + 65536 : parameter) & 0xFFFF
        skipRemaining = state.unicodeSkip
        if (0xD800...0xDBFF).contains(value) { highSurrogate = value; return }
        if (0xDC00...0xDFFF).contains(value) {
            guard let high = highSurrogate else { return }
            value = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
        }
        highSurrogate = nil
        if let scalar = Unicode.Scalar(value) { emit(String(Character(scalar))) }
    }

    mutating func emit(_ text: String) {
        switch state.destination {
        case .skip, .fontTable, .styleSheet, .styleEntry, .shapeInstructions: return
        default: append(Array(text.utf8))
        }
    }

    mutating func append(_ bytes: [UInt8]) {
        guard stories.indices.contains(state.story) else { return }
        if state.deleted {
            stories[state.story].paragraph.deleted.append(contentsOf: bytes)
        } else if state.hidden {
            stories[state.story].paragraph.hidden.append(contentsOf: bytes)
        } else {
            stories[state.story].paragraph.text.append(contentsOf: bytes)
        }
    }

    // MARK: Paragraphs

    mutating func endParagraph(forceTable: Bool = false) {
        switch state.destination {
        case .skip, .fontTable, .styleSheet, .styleEntry, .shapeInstructions: return
        default: finishParagraph(in: state.story, state: state, forceTable: forceTable)
        }
    }

    mutating func finishParagraph(in storyIndex: Int, state: GroupState, forceTable: Bool) {
        guard stories.indices.contains(storyIndex) else { return }
        let story = stories[storyIndex]
        let paragraph = story.paragraph
        stories[storyIndex].paragraph = Paragraph()
        guard !paragraph.isEmpty else { return }
        let text = Self.clean(paragraph.text)
        let isMain = story.destination == .main || story.destination == .textBox
        if !text.isEmpty {
            switch story.destination {
            case .main:
                addMainParagraph(text, state: state, inTable: forceTable || state.isInTable, listMarker: paragraph.listMarker)
            case .textBox:
                builder.addMain(.textBox, text: text)
            case .footnote:
                asides.append((story.isEndnote ? .endnote : .footnote, text))
            case .header:
                asides.append((.header, text))
            case .footer:
                asides.append((.footer, text))
            case .comment:
                asides.append((.comment, text))
            default:
                break
            }
        }
        for (kind, bytes) in [(BlockKind.deleted, paragraph.deleted), (.hidden, paragraph.hidden)] {
            let aside = Self.clean(bytes)
            guard !aside.isEmpty else { continue }
            if isMain { builder.addMain(kind, text: aside) } else { asides.append((kind, aside)) }
        }
    }

    mutating func addMainParagraph(_ text: String, state: GroupState, inTable: Bool, listMarker: Bool) {
        let role = role(ofStyle: state.style)
        var level: Int?
        if let outline = state.outlineLevel { level = outline + 1 } else if case .heading(let styleLevel) = role { level = styleLevel }
        if inTable {
            builder.addMain(.tableCell, text: text)
        } else if role == .caption {
            builder.addMain(.caption, text: text)
        } else if let level {
            builder.addMain(.heading, text: text, level: level)
        } else if role == .title {
            builder.addMain(.heading, text: text, level: 0)
        } else if listMarker || state.listLevel || role == .listItem {
            builder.addMain(.listItem, text: text)
        } else {
            builder.addMain(.paragraph, text: text, frontMatter: role == .contents)
        }
    }

    /// Collapses runs of white space and trims the ends.
    static func clean(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var space = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                space = !result.isEmpty
            } else {
                if space { result.append(0x20); space = false }
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    mutating func finish() -> DocumentText {
        flushBytes()
        // Close whatever the file left open, innermost first.
        while !stack.isEmpty { closeGroup() }
        finishParagraph(in: 0, state: state, forceTable: false)
        let order: [BlockKind] = [.footnote, .endnote, .header, .footer, .comment, .deleted, .hidden]
        for kind in order {
            for (asideKind, text) in asides where asideKind == kind { builder.addStory(kind, text: text) }
        }
        return builder.build(.rtf)
    }

    // MARK: Bytes

    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
