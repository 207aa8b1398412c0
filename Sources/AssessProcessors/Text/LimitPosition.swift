import AssessCore
import AssessDocuments

/// Where a word limit falls in a submission: the last word counted at the limit, by
/// section heading and paragraph, with the words leading up to it. Markers use it to
/// know where to stop reading; students see exactly what fell over.
struct LimitPosition: Sendable, Equatable {
    /// The nearest heading above the word, or nil before the first heading.
    var heading: String?
    /// The paragraph's number under that heading (headings themselves are not numbered).
    var paragraph: Int
    /// The file, when a submission has several.
    var file: String?
    /// The word itself.
    var word: String
    /// Up to eight words ending with ``word``.
    var excerpt: String

    /// Finds the `limit`-th counted word; nil when fewer words are counted.
    static func find(_ limit: Int, in documents: [SubmissionContent.Document], policy: WordCountPolicy) -> LimitPosition? {
        guard limit > 0 else { return nil }
        var counted = 0
        for document in documents {
            var heading: String?
            var paragraph = 0
            for block in document.text.blocks {
                if block.kind == .heading {
                    heading = block.text
                    paragraph = 0
                } else if policy.counts(block) {
                    paragraph += 1
                }
                guard policy.counts(block) else { continue }
                if counted + block.words >= limit {
                    let words = WordCounter.words(in: block.text)
                    let index = limit - counted - 1
                    guard words.indices.contains(index) else { return nil }
                    let excerpt = words[max(0, index - 7)...index].joined(separator: " ")
                    return LimitPosition(
                        heading: block.kind == .heading ? block.text : heading,
                        paragraph: block.kind == .heading ? 0 : paragraph,
                        file: documents.count > 1 ? document.file : nil,
                        word: String(words[index]),
                        excerpt: (index > 7 ? "…" : "") + excerpt)
                }
                counted += block.words
            }
        }
        return nil
    }

    /// "in paragraph 3 under 'Findings'", for sentences.
    var place: String {
        var text: String
        if paragraph == 0 {
            text = heading.map { "in the heading '\($0)'" } ?? "at the start"
        } else {
            text = "in paragraph \(paragraph)" + (heading.map { " under '\($0)'" } ?? " before the first heading")
        }
        if let file { text += " of \(file)" }
        return text
    }

    var json: JSONValue {
        [
            "heading": heading.map(JSONValue.string) ?? .null, "paragraph": .int(paragraph),
            "file": file.map(JSONValue.string) ?? .null, "word": .string(word), "excerpt": .string(excerpt),
        ]
    }
}
