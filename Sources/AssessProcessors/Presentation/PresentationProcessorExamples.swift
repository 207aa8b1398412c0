import AssessCore
import AssessDocuments

extension PresentationProcessor {
    static let passingExamples: [Example] = [
        Example(document: deck([
            ("Digital front door", ["Group 2: Mei-Ling Chen, José Luis Fernández"], "Good morning. We will present our design for a digital front door to community services."),
            ("What users told us", ["Twelve interviews", "Three personas"], "We interviewed twelve patients and carers and built three personas from what they said."),
            ("References", [String(repeating: "Smith, J. (2020) A long reference. ", count: 12)], ""),
        ]), configuration: ["slot_minutes": 1],
            metrics: ["slides": 3, "notes_words": 29, "speaking_minutes": 0.2, "dense_slides": [], "slides_without_notes": [3]]),
        // Table cells and text boxes are on the slide; the notes are not.
        Example(document: DocumentText(format: .pptx, blocks: [
            Block(kind: .heading, text: "Adoption by ward", level: 1, page: 1),
            Block(kind: .tableCell, text: "Ward", page: 1), Block(kind: .tableCell, text: "Adoption", page: 1),
            Block(kind: .tableCell, text: "Elm", page: 1), Block(kind: .tableCell, text: "80%", page: 1),
            Block(kind: .textBox, text: "Source: audit, May 2026", page: 1),
            Block(kind: .notes, text: "Elm ward adopted fastest because its matron led the training herself.", page: 1),
        ]), configuration: ["max_words_per_slide": 12, "max_slides": 1], metrics: ["slides": 1, "slide_words": 11, "notes_words": 11]),
    ]

    static let flaggedExamples: [Example] = [
        Example(document: deck([
            ("Background", [(1...80).map { "word\($0)" }.joined(separator: " ")], "Notes."),
            ("Plan", ["Short."], "Notes."),
        ]), configuration: ["max_words_per_slide": 75], expect: ["presentation.dense_slides"], metrics: ["dense_slides": [1]]),
        Example(document: deck([
            ("Background", ["Short."], (1...300).map { "word\($0)" }.joined(separator: " ")),
        ]), configuration: ["slot_minutes": 2, "words_per_minute": 130], expect: ["presentation.over_time"], metrics: ["speaking_minutes": 2.3]),
        Example(document: deck([
            ("Background", ["Short."], ""), ("Plan", ["Short."], ""),
        ]), expect: ["presentation.no_notes"], metrics: ["speaking_minutes": nil]),
        Example(document: deck([
            ("One", ["a"], "n"), ("Two", ["b"], "n"), ("Three", ["c"], "n"),
        ]), configuration: ["max_slides": 2], expect: ["presentation.too_many_slides"]),
        // A PDF of the slides keeps no speaker notes.
        Example(document: DocumentText(format: .pdf, blocks: [
            Block(kind: .heading, text: "Findings", level: 1, page: 1), Block(kind: .paragraph, text: "Adoption rose to 80%.", page: 1),
            Block(kind: .paragraph, text: "Next steps", page: 2),
        ]), expect: ["presentation.no_notes"], metrics: ["slides": 2, "slide_words": 7]),
        Example("""
            # A report, not slides

            Submitted by mistake.
            """, expect: ["presentation.not_slides"]),
    ]

    /// A PPTX as the reader gives it: per slide, the title as a heading, the text, and
    /// the speaker notes, all with `page` = the slide's number.
    static func deck(_ slides: [(title: String, text: [String], notes: String)]) -> DocumentText {
        var blocks: [Block] = []
        for (index, slide) in slides.enumerated() {
            blocks.append(Block(kind: .heading, text: slide.title, level: 1, page: index + 1))
            blocks += slide.text.map { Block(kind: .slide, text: $0, page: index + 1) }
        }
        for (index, slide) in slides.enumerated() where !slide.notes.isEmpty {
            blocks.append(Block(kind: .notes, text: slide.notes, page: index + 1))
        }
        return DocumentText(format: .pptx, blocks: blocks)
    }
}
