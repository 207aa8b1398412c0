/// Collects blocks in reading order and assigns each main-text block its section from
/// the headings seen so far (front matter, body, references, appendix).
struct DocumentBuilder {
    private(set) var blocks: [Block] = []
    private var tracker = SectionTracker()

    /// Adds a block of the main text; headings move the section on.
    mutating func addMain(_ kind: BlockKind, text: String, level: Int? = nil, frontMatter: Bool = false, page: Int? = nil) {
        var block = Block(kind: kind, text: text, level: level, page: page)
        if kind == .heading, let level, level > 0 {
            tracker.enter(heading: text, level: level)
            block.section = tracker.current
        } else if frontMatter || (kind == .heading && !tracker.seenBodyHeading && tracker.current == .body) {
            block.section = .frontMatter  // a title, or a contents entry
        } else {
            block.section = tracker.current
        }
        blocks.append(block)
    }

    /// Adds a block from outside the main text (notes, headers, footers, comments).
    mutating func addStory(_ kind: BlockKind, text: String, page: Int? = nil) {
        blocks.append(Block(kind: kind, section: .body, text: text, page: page))
    }

    func build(_ format: DocumentFormat, saved: SavedStatistics? = nil) -> DocumentText {
        DocumentText(format: format, blocks: blocks, saved: saved)
    }
}

/// Follows headings to know which section the text is in.
///
/// References start at a heading such as "References" or "Bibliography" and end at the
/// next heading of the same or a higher level that is not an appendix; appendices
/// start at "Appendix"/"Appendices" and run to the end. Front matter (abstract,
/// contents, acknowledgements…) is recognised only before the first body heading.
struct SectionTracker {
    private(set) var current: DocumentSection = .body
    private(set) var seenBodyHeading = false
    private var referencesLevel = Int.max

    mutating func enter(heading text: String, level: Int) {
        let kind = Self.classify(text)
        switch (current, kind) {
        case (.appendix, _):
            return
        case (_, .appendix?):
            current = .appendix
        case (_, .references?):
            current = .references
            referencesLevel = level
        case (_, .frontMatter?) where !seenBodyHeading:
            current = .frontMatter
        case (.references, _):
            if level <= referencesLevel { current = .body; seenBodyHeading = true }
        default:
            current = .body
            seenBodyHeading = true
        }
    }

    /// The section a heading's text opens, or nil for an ordinary heading.
    static func classify(_ heading: String) -> DocumentSection? {
        guard mayNameSection(heading) else { return nil }
        let name = normalise(heading)
        if name.isEmpty { return nil }
        if referenceNames.contains(name) { return .references }
        if appendixPrefixes.contains(where: { name.hasPrefix($0) }) { return .appendix }
        if frontMatterNames.contains(name) { return .frontMatter }
        return nil
    }

    /// Whether `heading` holds, lower-cased, one of ``keywords``: a cheap byte search
    /// that rules out most headings before ``normalise(_:)`` splits them into words.
    static func mayNameSection(_ heading: String) -> Bool {
        var lower = heading.lowercased()
        return lower.withUTF8 { text in keywords.contains { occurs($0, in: text) } }
    }

    private static func occurs(_ keyword: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = keyword.first, keyword.count <= text.count else { return false }
        for start in 0...(text.count - keyword.count) where text[start] == first {
            if keyword.indices.allSatisfy({ text[start + $0] == keyword[$0] }) { return true }
        }
        return false
    }

    /// One word of every name that ``classify(_:)`` knows, and the appendix prefixes.
    /// ``normalise(_:)`` makes a heading's name of the heading's own lower-cased words,
    /// so a heading that holds none of these cannot open a section. Each name gives its
    /// longest word; a keyword that holds another is left out (`references` is covered
    /// by `reference`).
    static let keywords: [[UInt8]] = {
        let longest = referenceNames.union(frontMatterNames).map { (name: String) -> String in
            let words: [Substring] = name.split(separator: " ")
            return words.max { $0.count < $1.count }.map(String.init) ?? name
        }
        let candidates = Set(longest + appendixPrefixes)
        return candidates.filter { word in !candidates.contains { $0 != word && word.contains($0) } }
            .sorted().map { Array($0.utf8) }
    }()

    static let appendixPrefixes = ["appendix", "appendices", "annex"]

    static let referenceNames: Set<String> = [
        "references", "reference list", "list of references", "bibliography", "works cited",
        "cited works", "literature cited", "references cited", "sources", "reference",
        "references and bibliography", "bibliography and references", "sources cited",
    ]
    static let frontMatterNames: Set<String> = [
        "abstract", "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment",
        "contents", "table of contents", "list of contents", "list of figures", "list of tables",
        "list of abbreviations", "abbreviations", "glossary", "declaration", "declaration of originality",
        "dedication", "preface", "foreword", "title page",
    ]

    /// Lower-cases and strips numbering ("7.", "2.1", "Chapter 3:", "IV.") and end punctuation.
    static func normalise(_ heading: String) -> String {
        var words = heading.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let first = words.first, ["chapter", "section", "part"].contains(first), words.count > 1 {
            words.removeFirst(2)
        }
        while let first = words.first, isNumbering(first) { words.removeFirst() }
        var name = words.joined(separator: " ")
        while let last = name.last, ":.;-–—".contains(last) { name.removeLast() }
        return name
    }

    private static func isNumbering(_ token: String) -> Bool {
        let trimmed = token.trimmingSuffix { ".):".contains($0) }
        if trimmed.isEmpty { return true }
        if trimmed.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        let roman = Set("ivxlc")
        return token != trimmed && trimmed.allSatisfy { roman.contains($0) }
    }
}

private extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
