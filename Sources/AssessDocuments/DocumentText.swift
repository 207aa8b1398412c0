/// What a block of text is, structurally. Word-count policies choose kinds to count.
public enum BlockKind: String, Sendable, CaseIterable, Codable, Hashable {
    case heading, paragraph
    case listItem = "list_item"
    case tableCell = "table_cell"
    case caption, footnote, endnote
    case textBox = "text_box"
    case header, footer, comment
    /// Text on a presentation slide (titles are headings).
    case slide
    /// A presentation's speaker notes.
    case notes
    /// Text removed with tracked changes on.
    case deleted
    /// Text formatted as hidden.
    case hidden
}

/// Where a block sits in the document's argument.
public enum DocumentSection: String, Sendable, CaseIterable, Codable, Hashable {
    case frontMatter = "front_matter"
    case body, references
    case appendix
}

/// The file formats read into ``DocumentText``.
public enum DocumentFormat: String, Sendable, Codable, Hashable {
    case docx, odt, pptx, pdf, rtf, text, markdown
}

/// The statistics the authoring application saved in the file (Word's `docProps/app.xml`,
/// LibreOffice's `meta.xml`): what the student saw, at their last save.
public struct SavedStatistics: Sendable, Equatable, Hashable {
    /// The application's own word count.
    public var words: Int?
    /// The application that wrote it, as it names itself.
    public var application: String?

    /// Creates saved statistics.
    public init(words: Int?, application: String?) {
        self.words = words
        self.application = application
    }
}

/// One paragraph-like unit of text with its kind, section and word count.
public struct Block: Sendable, Equatable, Hashable {
    /// What the block is.
    public var kind: BlockKind
    /// Which part of the document it belongs to.
    public var section: DocumentSection
    /// The text, with runs joined and tabs and breaks as spaces.
    public var text: String
    /// Outline level for headings (1 = top; 0 = the document's title).
    public var level: Int?
    /// The slide (presentations) or page (PDF) the block is on, counting from 1.
    public var page: Int?
    /// Words in ``text`` by ``WordCounter``.
    public var words: Int
    /// Words in ``text`` by Microsoft Word's rules (``WordCounter/countWordCompatible(_:)``).
    public var wordCompatibleWords: Int

    /// Creates a block and counts its words, both ways in one pass over the text.
    public init(kind: BlockKind, section: DocumentSection = .body, text: String, level: Int? = nil, page: Int? = nil) {
        self.kind = kind
        self.section = section
        self.text = text
        self.level = level
        self.page = page
        (words, wordCompatibleWords) = WordCounter.counts(text)
    }
}

/// A document as every processor sees it, whatever its file format.
public struct DocumentText: Sendable, Equatable {
    /// The format it was read from.
    public var format: DocumentFormat
    /// Blocks in reading order: the main text first, then notes, text outside the main
    /// flow, headers and footers, and comments.
    public var blocks: [Block]
    /// What the authoring application saved about the file, when it did.
    public var saved: SavedStatistics?

    /// Creates a document from its blocks.
    public init(format: DocumentFormat, blocks: [Block], saved: SavedStatistics? = nil) {
        self.format = format
        self.blocks = blocks
        self.saved = saved
    }

    /// All words in blocks of the given kinds (all kinds when nil).
    public func words(of kinds: Set<BlockKind>? = nil) -> Int {
        blocks.reduce(0) { total, block in
            kinds.map { $0.contains(block.kind) } ?? true ? total + block.words : total
        }
    }
}
