public import AssessCore
public import AssessDocuments
internal import Foundation

/// Which words count towards a word limit: the sections and block kinds that count.
///
/// The default counts the body's headings, paragraphs and list items; it leaves out
/// front matter, references, appendices, tables, captions, footnotes, endnotes, text
/// boxes, headers and footers. Comments, tracked deletions and hidden text never count.
public struct WordCountPolicy: Sendable, Equatable {
    /// The policy's name, shown in reports ("default", "all", or a file name).
    public var name: String
    public var sections: Set<DocumentSection>
    public var kinds: Set<BlockKind>

    /// Creates a policy; comments, deletions and hidden text are removed from `kinds`.
    public init(name: String, sections: Set<DocumentSection>, kinds: Set<BlockKind>) {
        self.name = name
        self.sections = sections
        self.kinds = kinds.subtracting([.comment, .deleted, .hidden])
    }

    /// Body headings, paragraphs, list items and slide text.
    public static let standard = WordCountPolicy(name: "default", sections: [.body], kinds: [.heading, .paragraph, .listItem, .slide])
    /// Every word on the page: all sections and kinds (still no comments, deletions or hidden text).
    public static let all = WordCountPolicy(name: "all", sections: Set(DocumentSection.allCases), kinds: Set(BlockKind.allCases))

    /// The built-in policies by name.
    public static let named: [String: WordCountPolicy] = ["default": standard, "all": all]

    /// Whether a block's words count.
    public func counts(_ block: Block) -> Bool {
        sections.contains(block.section) && kinds.contains(block.kind)
    }

    /// Reads a policy: a built-in name, or a mapping `{sections: [...], kinds: [...]}`.
    /// - Throws: ``ConfigurationError`` at the unknown name or value.
    public static func read(_ value: ConfigValue, name: String = "custom") throws(ConfigurationError) -> WordCountPolicy {
        if let text = value.text {
            guard let policy = named[text] else {
                throw ConfigurationError("unknown word-count policy '\(text)'; use \(named.keys.sorted().joined(separator: " or ")), or give {sections: [...], kinds: [...]}", at: value.location)
            }
            return policy
        }
        let fields = try ConfigFields(value, context: "the word-count policy")
        try fields.allowOnly(["sections", "kinds"])
        let sectionNames = try fields.strings("sections") ?? standard.sections.map(\.rawValue)
        let kindNames = try fields.strings("kinds") ?? standard.kinds.map(\.rawValue)
        var sections: Set<DocumentSection> = []
        for section in sectionNames {
            guard let parsed = DocumentSection(rawValue: section) else {
                throw ConfigurationError("unknown section '\(section)'; use \(DocumentSection.allCases.map(\.rawValue).joined(separator: ", "))", at: fields.raw("sections")?.location)
            }
            sections.insert(parsed)
        }
        var kinds: Set<BlockKind> = []
        for kind in kindNames {
            guard let parsed = BlockKind(rawValue: kind) else {
                throw ConfigurationError("unknown block kind '\(kind)'; use \(BlockKind.allCases.map(\.rawValue).joined(separator: ", "))", at: fields.raw("kinds")?.location)
            }
            kinds.insert(parsed)
        }
        return WordCountPolicy(name: name, sections: sections, kinds: kinds)
    }

    /// Loads a policy from a YAML file.
    /// - Throws: ``ConfigurationError``.
    public static func load(path: String) throws(ConfigurationError) -> WordCountPolicy {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try read(YAMLLoader.load(path: path), name: name)
    }
}

/// The parts a document's words are reported in. Each block belongs to exactly one,
/// so the parts add up to every word in the document.
public enum WordCountPart: String, Sendable, CaseIterable, Comparable {
    case body, tables, captions, footnotes, endnotes
    case textBoxes = "text_boxes"
    case references, appendices
    case headersFooters = "headers_footers"
    case frontMatter = "front_matter"
    case notes, comments, deleted, hidden

    /// The parts `assess count --json` reports under `sections`.
    public static let reported: [WordCountPart] = [.body, .tables, .captions, .footnotes, .endnotes, .textBoxes, .references, .appendices, .headersFooters]

    /// The part a block belongs to: notes, headers and comments first, then the
    /// section (references, appendices, front matter), then tables, captions, text boxes.
    public init(_ block: Block) {
        switch block.kind {
        case .footnote: self = .footnotes; return
        case .endnote: self = .endnotes; return
        case .header, .footer: self = .headersFooters; return
        case .comment: self = .comments; return
        case .notes: self = .notes; return
        case .deleted: self = .deleted; return
        case .hidden: self = .hidden; return
        default: break
        }
        switch block.section {
        case .references: self = .references
        case .appendix: self = .appendices
        case .frontMatter: self = .frontMatter
        case .body:
            switch block.kind {
            case .tableCell: self = .tables
            case .caption: self = .captions
            case .textBox: self = .textBoxes
            default: self = .body
            }
        }
    }

    /// A label for people.
    public var label: String {
        switch self {
        case .body: "Main text"
        case .tables: "Tables"
        case .captions: "Captions"
        case .footnotes: "Footnotes"
        case .endnotes: "Endnotes"
        case .textBoxes: "Text boxes"
        case .references: "Reference list"
        case .appendices: "Appendices"
        case .headersFooters: "Headers and footers"
        case .frontMatter: "Title and front matter"
        case .notes: "Speaker notes"
        case .comments: "Comments"
        case .deleted: "Tracked deletions"
        case .hidden: "Hidden text"
        }
    }

    /// Why the part is not counted, in words a student understands.
    public var exclusionReason: String {
        switch self {
        case .body: "the main text is not counted under this policy"
        case .tables: "text in tables is not counted"
        case .captions: "figure and table captions are not counted"
        case .footnotes: "footnotes are not counted"
        case .endnotes: "endnotes are not counted"
        case .textBoxes: "text boxes are not counted"
        case .references: "the reference list is not counted"
        case .appendices: "appendices are not counted"
        case .headersFooters: "page headers and footers are not counted"
        case .frontMatter: "the title, abstract, contents and other front matter are not counted"
        case .notes: "speaker notes are not counted as slide text"
        case .comments: "comments are never counted"
        case .deleted: "text deleted with Track Changes is not part of the submission; accept or reject changes before submitting"
        case .hidden: "hidden text is not part of the submission"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A document's words by part, and how many the policy counts.
public struct WordCountFigures: Sendable, Equatable {
    /// Words the policy counts.
    public var counted: Int
    /// All words by part.
    public var parts: [WordCountPart: Int]
    /// Words the policy counts, by part.
    public var countedParts: [WordCountPart: Int]

    /// Measures `document` under `policy`.
    public init(_ document: DocumentText, policy: WordCountPolicy) {
        var parts: [WordCountPart: Int] = [:]
        var countedParts: [WordCountPart: Int] = [:]
        var counted = 0
        for block in document.blocks {
            let part = WordCountPart(block)
            parts[part, default: 0] += block.words
            if policy.counts(block) {
                countedParts[part, default: 0] += block.words
                counted += block.words
            }
        }
        self.counted = counted
        self.parts = parts
        self.countedParts = countedParts
    }

    /// Adds another document's figures (a submission of several files).
    public mutating func add(_ other: WordCountFigures) {
        counted += other.counted
        parts.merge(other.parts, uniquingKeysWith: +)
        countedParts.merge(other.countedParts, uniquingKeysWith: +)
    }

    /// Empty figures.
    public static let zero = WordCountFigures(DocumentText(format: .text, blocks: []), policy: .standard)

    /// The words of a part (0 when there are none).
    public subscript(part: WordCountPart) -> Int { parts[part] ?? 0 }
}
