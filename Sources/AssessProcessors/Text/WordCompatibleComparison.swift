import AssessCore
import AssessDocuments

/// Microsoft Word's own count of a submission beside the policy's, and why they differ.
///
/// Students check their length in Word's status bar; when the assessment counts
/// differently the feedback must say where the difference comes from, block by block:
/// parts Word counts that the policy leaves out (a reference list, tables), parts the
/// policy counts that Word leaves out (footnotes, text boxes), and words Word splits
/// differently (a lone dash, CJK characters, no-break spaces).
struct WordCompatibleComparison: Sendable, Equatable {
    /// Word's count, summed over the files.
    var words = 0
    /// The count Word saved in the files, summed over those that have one; nil when none has.
    var saved: Int?
    /// The policy's count.
    var counted = 0
    /// Words Word counts in parts the policy leaves out, by description.
    var added: [String: Int] = [:]
    /// Words the policy counts in parts Word leaves out, by description.
    var removed: [String: Int] = [:]
    /// Word's count minus the policy's, in the blocks both count.
    var splitting = 0
    /// Whether every file is a Word document (so the figure is what Word showed, not what it would show).
    var allWord = true

    init(_ documents: [SubmissionContent.Document], policy: WordCountPolicy) {
        for document in documents {
            allWord = allWord && document.text.format == .docx
            if let saved = document.text.saved?.words { self.saved = (self.saved ?? 0) + saved }
            for block in document.text.blocks {
                let inWord = WordCompatibleCount.counts(block.kind)
                let inPolicy = policy.counts(block)
                let word = inWord ? block.wordCompatibleWords : 0
                words += word
                counted += inPolicy ? block.words : 0
                switch (inWord, inPolicy) {
                case (true, true): splitting += word - block.words
                case (true, false) where word > 0: added[Self.describe(block), default: 0] += word
                case (false, true) where block.words > 0: removed[Self.describe(block), default: 0] += block.words
                default: break
                }
            }
        }
    }

    /// Why Word's figure differs from the policy's, in one sentence; nil when they agree.
    var explanation: String? {
        guard words != counted else { return nil }
        var reasons: [String] = []
        if !added.isEmpty {
            reasons.append("it includes \(Self.list(added)), which this assessment does not count")
        }
        if !removed.isEmpty {
            reasons.append("it leaves out \(Self.list(removed)), which this assessment counts")
        }
        if splitting != 0 {
            let amount = "\(groupedDigits(abs(splitting))) \(splitting > 0 ? "more" : "fewer") word\(abs(splitting) == 1 ? "" : "s")"
            reasons.append("it splits words its own way (a lone dash or symbol is a word, a no-break space separates words, each Chinese, Japanese or Korean character is a word), which gives \(amount)")
        }
        let shows = allWord ? "Word's status bar shows" : "Word would show"
        return "\(shows) \(groupedDigits(words)) words, not \(groupedDigits(counted)), because " + reasons.joined(separator: "; ") + "."
    }

    /// The part a block belongs to, in words for a sentence ("the reference list", "tables").
    static func describe(_ block: Block) -> String {
        let part = WordCountPart(block)
        switch part {
        case .body:
            switch block.kind {
            case .heading: return "headings"
            case .listItem: return "lists"
            case .slide: return "slide text"
            default: return "paragraphs of the main text"
            }
        case .references: return "the reference list"
        case .frontMatter: return "the title and front matter"
        default: return part.label.lowercased()
        }
    }

    /// "the reference list (310 words) and tables (120 words)", largest first.
    static func list(_ parts: [String: Int]) -> String {
        let items = parts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) (\(groupedDigits($0.value)) word\($0.value == 1 ? "" : "s"))" }
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
