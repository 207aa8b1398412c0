/// The paragraph and character styles of a DOCX (`word/styles.xml`) that change how
/// text is classified: headings, titles, captions, lists, contents entries, hidden text.
struct DocxStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numbered: Bool?
        var hidden = false
    }

    /// What a paragraph style makes of its paragraphs.
    enum Role: Equatable {
        case heading(Int), title, caption, listItem, contents, plain
    }

    private(set) var styles: [String: Style] = [:]
    private var roles: [String: Role] = [:]

    init() {}

    init(stream: XMLStream, namespaces: [XMLStream.Name?]) throws(DocumentError) {
        let names = Names(stream)
        var id: String?
        var current = Style()
        var inPPr = false, inRPr = false
        while try stream.next() {
            guard let name = stream.localName else { continue }
            switch stream.node {
            case .element:
                let namespace = stream.namespace
                guard namespaces.contains(namespace) else { continue }
                if name == names.style {
                    id = stream.attribute(names.styleId, namespace: namespace)
                    current = Style()
                } else if name == names.latentStyles || name == names.docDefaults {
                    try stream.skipSubtree()
                } else if id != nil {
                    // Only the properties read here need their value (a style has many others).
                    if name == names.name { current.name = stream.attribute(names.val, namespace: namespace)?.lowercased() ?? "" }
                    else if name == names.basedOn { current.basedOn = stream.attribute(names.val, namespace: namespace) }
                    else if name == names.pPr { inPPr = !stream.isEmptyElement }
                    else if name == names.rPr { inRPr = !stream.isEmptyElement }
                    else if name == names.outlineLvl && inPPr { current.outlineLevel = stream.attribute(names.val, namespace: namespace).flatMap { Int($0) } }
                    else if name == names.numId && inPPr { current.numbered = stream.attribute(names.val, namespace: namespace) != "0" }
                    else if name == names.vanish && inRPr { current.hidden = isOn(stream.attribute(names.val, namespace: namespace)) }
                }
            case .endElement:
                if name == names.style, let styleID = id {
                    styles[styleID] = current
                    id = nil
                } else if name == names.pPr { inPPr = false }
                else if name == names.rPr { inRPr = false }
            default: continue
            }
        }
        for styleID in styles.keys { roles[styleID] = resolveRole(styleID) }
    }

    func role(of styleID: String?) -> Role {
        guard let styleID else { return .plain }
        return roles[styleID] ?? Self.roleFromID(styleID)
    }

    func isHidden(_ styleID: String) -> Bool {
        var next: String? = styleID
        for _ in 0..<10 {
            guard let id = next, let style = styles[id] else { return false }
            if style.hidden { return true }
            next = style.basedOn
        }
        return false
    }

    private func resolveRole(_ styleID: String) -> Role {
        var next: String? = styleID
        var numbered: Bool?
        var outline: Int?
        var isList = false
        for _ in 0..<10 {
            guard let id = next, let style = styles[id] else { break }
            let name = style.name
            if name.hasPrefix("heading "), let level = Int(name.dropFirst(8)), (1...9).contains(level) {
                return outline.map { $0 < 9 ? .heading($0 + 1) : .plain } ?? .heading(level)
            }
            if name == "title" { return .title }
            if name == "caption" { return .caption }
            if name.hasPrefix("toc ") || name == "table of figures" { return .contents }
            if name.hasPrefix("list") { isList = true }
            if outline == nil { outline = style.outlineLevel }
            if numbered == nil { numbered = style.numbered }
            next = style.basedOn
        }
        if let outline, outline < 9 { return .heading(outline + 1) }
        if isList || numbered == true { return .listItem }
        return .plain
    }

    /// Files written without styles.xml still use Word's built-in style ids.
    private static func roleFromID(_ id: String) -> Role {
        let lower = id.lowercased()
        if lower.hasPrefix("heading"), let level = Int(lower.dropFirst(7)), (1...9).contains(level) { return .heading(level) }
        if lower == "title" { return .title }
        if lower == "caption" { return .caption }
        if lower.hasPrefix("list") { return .listItem }
        return .plain
    }

    private struct Names {
        let style, name, basedOn, pPr, rPr, outlineLvl, numId, vanish, latentStyles, docDefaults: XMLStream.Name?
        /// Attribute names.
        let styleId, val: XMLStream.Name?
        init(_ stream: XMLStream) {
            styleId = stream.intern("styleId"); val = stream.intern("val")
            style = stream.intern("style"); name = stream.intern("name"); basedOn = stream.intern("basedOn")
            pPr = stream.intern("pPr"); rPr = stream.intern("rPr"); outlineLvl = stream.intern("outlineLvl")
            numId = stream.intern("numId"); vanish = stream.intern("vanish")
            latentStyles = stream.intern("latentStyles"); docDefaults = stream.intern("docDefaults")
        }
    }
}

/// A WordprocessingML on/off property: present without a value, or with a true value.
func isOn(_ value: String?) -> Bool {
    guard let value else { return true }
    return !["0", "false", "off", "none"].contains(value.lowercased())
}
