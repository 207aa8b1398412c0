/// The paragraph and text styles of an OpenDocument file that change how text is
/// classified: headings, titles, captions, contents entries and hidden text.
///
/// ODF keeps common styles in `styles.xml` (`office:styles`) and automatic styles, the
/// ones a paragraph's direct formatting creates, in each part (`office:automatic-styles`
/// of `content.xml`, and of `styles.xml` for headers and footers). An automatic style's
/// `style:parent-style-name` names a common style, whose own parents are common styles.
struct OdfStyles {
    enum Family: Hashable { case paragraph, text }

    struct Style {
        /// The name people see (`style:display-name`, else the decoded `style:name`), lower-cased.
        var name: String
        var parent: String?
        var outlineLevel: Int?
        /// `text:display` of its text properties: true for "none", false for "true", nil when unset.
        var hidden: Bool?
    }

    /// What a paragraph style makes of its paragraphs.
    enum Role: Equatable {
        case heading(Int), title, subtitle, caption, contents, plain
    }

    /// A style with its parents followed.
    struct Resolved {
        var role: Role = .plain
        /// `style:default-outline-level` of the style or its nearest parent that sets one.
        var outlineLevel: Int?
        /// Whether the style hides its text: nil when neither it nor a parent says.
        var hidden: Bool?
    }

    private struct Key: Hashable {
        var family: Family
        var name: String
    }

    private var common: [Key: Style] = [:]
    private var automatic: [Key: Style] = [:]
    private var cache: [Key: Resolved] = [:]

    /// Adds a style read from `office:styles` (common) or `office:automatic-styles`.
    mutating func add(_ style: Style, named name: String, family: Family, automatic isAutomatic: Bool) {
        let key = Key(family: family, name: name)
        if isAutomatic { automatic[key] = style } else { common[key] = style }
        cache.removeAll(keepingCapacity: true)
    }

    /// Forgets the automatic styles of the previous part: each part has its own.
    mutating func startPart() {
        automatic.removeAll()
        cache.removeAll()
    }

    /// The style named `name` in `family`, parents followed (plain when unknown).
    mutating func resolve(_ name: String?, family: Family) -> Resolved {
        guard let name else { return Resolved() }
        let key = Key(family: family, name: name)
        if let known = cache[key] { return known }
        var resolved = Resolved()
        var roleFound = false
        var hidden: Bool?
        var next: String? = name
        for step in 0..<16 {
            guard let current = next else { break }
            let currentKey = Key(family: family, name: current)
            // The style itself may be automatic; its parents are common styles.
            let found = step == 0 ? (automatic[currentKey] ?? common[currentKey]) : (common[currentKey] ?? automatic[currentKey])
            guard let style = found else {
                // A style the file does not define still says what it is by its name.
                if !roleFound, let role = Self.role(named: Self.decode(current).lowercased()) { resolved.role = role; roleFound = true }
                break
            }
            if !roleFound, let role = Self.role(named: style.name) { resolved.role = role; roleFound = true }
            if resolved.outlineLevel == nil { resolved.outlineLevel = style.outlineLevel }
            if hidden == nil { hidden = style.hidden }
            next = style.parent
        }
        resolved.hidden = hidden
        cache[key] = resolved
        return resolved
    }

    /// The role a style's own name gives, if any. LibreOffice's caption categories
    /// (Table, Figure, Illustration, Drawing) are styles of their own under Caption.
    static func role(named name: String) -> Role? {
        if name.hasPrefix("heading "), let level = Int(name.dropFirst(8)), (1...10).contains(level) { return .heading(level) }
        switch name {
        case "title": return .title
        case "subtitle": return .subtitle
        case "caption", "table", "figure", "illustration", "drawing": return .caption
        default: break
        }
        if name.hasPrefix("contents ") || name == "contents heading" { return .contents }
        return nil
    }

    /// Decodes ODF's escaping of style names (`Heading_20_1` is "Heading 1").
    static func decode(_ name: String) -> String {
        guard name.contains("_") else { return name }
        var result = ""
        var rest = Substring(name)
        while let underscore = rest.firstIndex(of: "_") {
            result += rest[..<underscore]
            let after = rest[rest.index(after: underscore)...]
            if let close = after.firstIndex(of: "_"), let value = UInt32(after[..<close], radix: 16),
               (1...6).contains(after.distance(from: after.startIndex, to: close)), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: close)...]
            } else {
                result += "_"
                rest = after
            }
        }
        return result + rest
    }
}
