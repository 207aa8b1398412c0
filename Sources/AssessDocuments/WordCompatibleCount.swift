/// The count Microsoft Word shows for a document in its status bar and Word Count
/// dialog. Students check their work against it, so reports give it beside the
/// assessment's own count and say why the two differ.
///
/// What Word counts: the whole main text, whatever its section: title, abstract,
/// contents, headings, paragraphs, lists, tables, captions, references and appendices,
/// with field results (never field codes). Text boxes, footnotes and endnotes count
/// only when asked ("Include textboxes, footnotes and endnotes"). Headers, footers,
/// comments, text deleted with Track Changes and hidden text never count; nor do the
/// numbers and bullets that list numbering draws. Words are split by
/// ``WordCounter/countWordCompatible(utf8:)`` (each block's ``Block/wordCompatibleWords``).
///
/// ```swift
/// let word = WordCompatibleCount(document)                     // Word's default
/// let all = WordCompatibleCount(document, includingNotesAndTextBoxes: true)
/// ```
public struct WordCompatibleCount: Sendable, Equatable {
    /// The words Word counts.
    public var words: Int
    /// Whether text boxes, footnotes and endnotes were included.
    public var includesNotesAndTextBoxes: Bool

    /// Counts `document` as Word does.
    /// - Parameter includingNotesAndTextBoxes: Word's "Include textboxes, footnotes and
    ///   endnotes" option; off by default, as in Word's saved statistics.
    public init(_ document: DocumentText, includingNotesAndTextBoxes: Bool = false) {
        includesNotesAndTextBoxes = includingNotesAndTextBoxes
        words = document.blocks.reduce(0) { total, block in
            Self.counts(block.kind, includingNotesAndTextBoxes: includingNotesAndTextBoxes)
                ? total + block.wordCompatibleWords : total
        }
    }

    /// Whether Word counts blocks of `kind`.
    public static func counts(_ kind: BlockKind, includingNotesAndTextBoxes: Bool = false) -> Bool {
        switch kind {
        case .heading, .paragraph, .listItem, .tableCell, .caption, .slide: true
        case .footnote, .endnote, .textBox: includingNotesAndTextBoxes
        case .header, .footer, .comment, .notes, .deleted, .hidden: false
        }
    }
}
