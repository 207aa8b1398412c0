/// One line of a PDF page as poppler lays it out: its text, its box in points from the
/// top-left corner, and the font most of its characters use.
struct PdfLine: Equatable {
    var text: String
    var x1: Double, y1: Double, x2: Double, y2: Double
    /// The font size of most of its characters.
    var size: Double
    /// Whether nearly all its characters are in a bold font.
    var bold: Bool
    /// Whether it starts with a raised note number (smaller than the rest of the line).
    var raisedMarker: Bool
    /// How many of the text's first characters are that number (0 when poppler gave
    /// the number as a line of its own).
    var markerLength = 0
    /// Whether it ends with a page number set apart from it (a contents entry).
    var tabbedNumber = false
    var page = 0

    var height: Double { y2 - y1 }
}

/// The lines of one page in poppler's reading order.
struct PdfPageText {
    var number: Int
    var width: Double
    var height: Double
    var lines: [PdfLine]
}

/// Gathers a line's characters with their boxes and fonts.
struct PdfLineBuilder {
    private var scalars = String.UnicodeScalarView()
    private var box: (x1: Double, y1: Double, x2: Double, y2: Double)?
    private var sizes: [Double: Int] = [:]
    private var boldCount = 0
    private var visibleCount = 0
    private var markerSizes: [Double] = []
    private var markerDone = false
    private var lastRight: Double?
    private var lastWasSpace = true

    mutating func add(_ scalar: Unicode.Scalar, x1: Double?, y1: Double?, x2: Double?, y2: Double?, size: Double?, bold: Bool) {
        let visible = !scalar.properties.isWhitespace
        // Poppler joins text set far apart on one baseline (a contents entry and its
        // page number, table cells) without a space: put one back.
        if visible, !lastWasSpace, let lastRight, let x1, x1 - lastRight > 1.5 * max(size ?? 10, 1) {
            scalars.append(" ")
        }
        scalars.append(scalar)
        lastWasSpace = !visible
        if visible, let x2 { lastRight = x2 }
        if visible, let x1, let y1, let x2, let y2, x2 >= x1, y2 >= y1 {
            if let current = box {
                box = (min(current.x1, x1), min(current.y1, y1), max(current.x2, x2), max(current.y2, y2))
            } else {
                box = (x1, y1, x2, y2)
            }
        }
        guard visible else {
            if !markerSizes.isEmpty { markerDone = true }
            return
        }
        visibleCount += 1
        if bold { boldCount += 1 }
        let rounded = ((size ?? 0) * 2).rounded() / 2
        sizes[rounded, default: 0] += 1
        if !markerDone {
            if scalar.properties.numericType != nil || "*†‡§".unicodeScalars.contains(scalar) {
                markerSizes.append(rounded)
            } else {
                markerDone = true
                if !markerSizes.isEmpty { markerSizes.append(-rounded) }  // the first letter's size, marked
            }
        }
    }

    /// The finished line, or nil when it holds no visible character; starts a new line.
    mutating func finish() -> PdfLine? {
        defer { self = PdfLineBuilder() }
        guard visibleCount > 0 else { return nil }
        let text = PdfLayout.clean(String(scalars))
        guard !text.isEmpty else { return nil }
        let size = sizes.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
        var raised = false
        if let last = markerSizes.last, last < 0, markerSizes.count >= 2 {
            let textSize = -last
            raised = markerSizes.dropLast().allSatisfy { $0 > 0 && $0 < textSize * 0.85 }
        }
        let frame = box ?? (0, 0, 0, 0)
        return PdfLine(text: text, x1: frame.x1, y1: frame.y1, x2: frame.x2, y2: frame.y2, size: size,
                       bold: boldCount * 10 >= visibleCount * 9, raisedMarker: raised, markerLength: raised ? markerSizes.count - 1 : 0)
    }
}

/// Finds paragraphs, headings, lists, captions, running headers and footers, page
/// numbers and footnotes in the lines of a PDF's pages, and builds ``DocumentText``.
struct PdfLayout {
    private var pages: [PdfPageText]

    init(pages: [PdfPageText]) {
        self.pages = pages.map { page in
            var page = page
            for index in page.lines.indices { page.lines[index].page = page.number }
            page.lines = Self.attachFragments(Self.mergeMarkers(page.lines), pageHeight: page.height)
            return page
        }
    }

    // MARK: The whole document

    func document() throws(DocumentError) -> DocumentText {
        let allLines = pages.flatMap(\.lines)
        if allLines.allSatisfy({ WordCounter.count($0.text) == 0 }) {
            throw .noTextLayer(pages: pages.count)
        }
        let bodySize = Self.bodySize(allLines)
        let running = runningLines(bodySize: bodySize)
        var body: [PdfLine] = []
        var notes: [[PdfLine]] = []
        for (pageIndex, page) in pages.enumerated() {
            let kept = page.lines.indices.filter { running[pageIndex][$0] == nil }.map { page.lines[$0] }
            let (main, pageNotes) = Self.splitFootnotes(kept, bodySize: bodySize, pageHeight: page.height)
            body += main
            notes += pageNotes
        }
        let lexicon = Self.lexicon(allLines)
        let pitches = Self.pitches(body)
        let paragraphs = Self.paragraphs(body, pitches: pitches, lexicon: lexicon)

        var builder = DocumentBuilder()
        let texts = paragraphs.map { Self.join($0, lexicon: lexicon) }
        let roles = Self.roles(of: paragraphs, texts: texts, bodySize: bodySize)
        let titlePage = titlePage(paragraphs, texts: texts, roles: roles)
        for (index, (paragraph, role)) in zip(paragraphs, roles).enumerated() {
            let page = paragraph.first?.page
            let cover = titlePage.contains(index)
            switch role {
            case .heading(let level):
                builder.addMain(.heading, text: texts[index], level: cover ? 0 : level, page: page)
            case .contentsEntry:
                builder.addMain(.paragraph, text: texts[index], frontMatter: true, page: page)
            case .listItem:
                builder.addMain(.listItem, text: Self.stripListMarker(texts[index]), frontMatter: cover, page: page)
            case .caption:
                builder.addMain(.caption, text: texts[index], frontMatter: cover, page: page)
            case .paragraph:
                builder.addMain(.paragraph, text: texts[index], frontMatter: cover, page: page)
            }
        }
        for var note in notes {
            if let first = note.first, first.markerLength > 0 {
                note[0].text = String(first.text.unicodeScalars.dropFirst(first.markerLength)).trimmingWhitespace()
            }
            builder.addStory(.footnote, text: Self.join(note, lexicon: lexicon), page: note.first?.page)
        }
        for kind in [BlockKind.header, .footer] {
            for (pageIndex, page) in pages.enumerated() {
                for (lineIndex, line) in page.lines.enumerated() where running[pageIndex][lineIndex] == kind {
                    builder.addStory(kind, text: line.text, page: page.number)
                }
            }
        }
        return builder.build(.pdf)
    }

    /// The paragraphs of a title page (a cover sheet): a first page of a document of
    /// three pages or more that holds a few short lines only (80 words at most, none
    /// over 30) and no section heading such as Abstract or Contents. Its lines are
    /// front matter, so its headings do not start the body.
    func titlePage(_ paragraphs: [[PdfLine]], texts: [String], roles: [Role]) -> Set<Int> {
        guard pages.count >= 3, let first = pages.first?.number else { return [] }
        let onFirst = paragraphs.indices.filter { paragraphs[$0].first?.page == first }
        guard !onFirst.isEmpty, onFirst.count < paragraphs.count else { return [] }
        let words = onFirst.map { WordCounter.count(texts[$0]) }
        guard words.reduce(0, +) <= 80, words.allSatisfy({ $0 <= 30 }) else { return [] }
        let namesSection = onFirst.contains { index in
            if case .heading = roles[index] { return SectionTracker.classify(texts[index]) != nil }
            return false
        }
        return namesSection ? [] : Set(onFirst)
    }

    /// The font size most characters of the document use.
    static func bodySize(_ lines: [PdfLine]) -> Double {
        var counts: [Double: Int] = [:]
        for line in lines { counts[line.size, default: 0] += line.text.unicodeScalars.count }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 10
    }

    // MARK: Lines

    /// Joins a lone list bullet or section number to the text poppler set beside it
    /// on the same baseline ("1" + "Introduction" → "1 Introduction").
    static func mergeMarkers(_ lines: [PdfLine]) -> [PdfLine] {
        var result: [PdfLine] = []
        for line in lines {
            if let last = result.last, isMarker(last.text), last.size >= line.size * 0.85, line.x1 >= last.x2 - 1,
               line.x1 - last.x2 < 4 * max(line.size, last.size, 1),
               abs((line.y1 + line.y2) - (last.y1 + last.y2)) / 2 < 0.4 * max(line.height, last.height, 1) {
                var merged = line
                merged.text = last.text + " " + line.text
                merged.x1 = last.x1
                merged.y1 = min(last.y1, line.y1)
                merged.y2 = max(last.y2, line.y2)
                result[result.count - 1] = merged
            } else {
                result.append(line)
            }
        }
        return result
    }

    /// Puts back what poppler set apart from its line: a raised note number before or
    /// after the text it belongs to, and a page number across from a contents entry.
    static func attachFragments(_ input: [PdfLine], pageHeight: Double) -> [PdfLine] {
        var lines = input
        var removed = Set<Int>()
        func sameRow(_ a: PdfLine, _ b: PdfLine) -> Bool {
            abs((a.y1 + a.y2) - (b.y1 + b.y2)) / 2 < 0.3 * max(a.height, b.height, 1)
        }
        for index in lines.indices {
            let fragment = lines[index]
            if fragment.text.utf8.count <= 9, fragment.text.wholeMatch(of: /[0-9*†‡§]{1,3}/) != nil {
                // A raised number: top within (or just above) a larger line beside it.
                let owner = lines.indices.first { other in
                    let line = lines[other]
                    return other != index && !removed.contains(other) && fragment.size < line.size * 0.85
                        && fragment.y1 >= line.y1 - 0.6 * line.height && fragment.y1 <= line.y2
                        && fragment.y2 <= line.y2 + 0.2 * line.height
                        && ((line.x1 >= fragment.x2 - 1 && line.x1 - fragment.x2 < 1.5 * line.size)
                            || (fragment.x1 >= line.x2 - 1 && fragment.x1 - line.x2 < 0.5 * line.size))
                }
                if let owner {
                    if lines[owner].x1 >= fragment.x2 - 1 {
                        lines[owner].raisedMarker = true
                        lines[owner].markerLength = 0
                    } else {
                        lines[owner].text += fragment.text  // a note reference glued to its word
                    }
                    removed.insert(index)
                    continue
                }
            }
            if fragment.text.utf8.count <= 6, fragment.text.wholeMatch(of: /\d{1,4}|[ivxlc]{1,6}/) != nil {
                // A page number across from a contents entry on the same row.
                let owner = lines.indices.last { other in
                    let line = lines[other]
                    return other != index && !removed.contains(other) && line.x2 < fragment.x1 && sameRow(line, fragment)
                        && line.y1 > pageHeight * 0.1 && line.y2 < pageHeight * 0.9
                }
                if let owner {
                    lines[owner].text += " " + fragment.text
                    lines[owner].x2 = fragment.x2
                    lines[owner].tabbedNumber = true
                    removed.insert(index)
                }
            }
        }
        return lines.indices.filter { !removed.contains($0) }.map { lines[$0] }
    }

    static func isMarker(_ text: String) -> Bool {
        if text.count == 1, let scalar = text.unicodeScalars.first, bullets.contains(scalar) { return true }
        return text.utf8.count <= 8 && text.wholeMatch(of: /(\d{1,2}(\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.|\(?[a-z]\)|\(?[ivx]{1,4}\))/) != nil
    }

    static let bullets: Set<Unicode.Scalar> = ["•", "◦", "▪", "▫", "●", "○", "■", "□", "◆", "◇", "➢", "➤", "►", "▶", "✓", "✔", "-", "–", "—", "*", "·", "\u{F0B7}", "\u{F0A7}", "\u{F0D8}", "\u{F076}", "\u{F0FC}"]

    /// Removes characters poppler adds or that only shape the text: direction marks,
    /// and the typographic ligatures (ﬁ, ﬂ…) spelt out as letters.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isDirectionMark(scalar) { continue }
            switch scalar.value {
            case 0xFB00: scalars.append(contentsOf: "ff".unicodeScalars)
            case 0xFB01: scalars.append(contentsOf: "fi".unicodeScalars)
            case 0xFB02: scalars.append(contentsOf: "fl".unicodeScalars)
            case 0xFB03: scalars.append(contentsOf: "ffi".unicodeScalars)
            case 0xFB04: scalars.append(contentsOf: "ffl".unicodeScalars)
            case 0xFB05, 0xFB06: scalars.append(contentsOf: "st".unicodeScalars)
            case 0x09, 0x0D: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingWhitespace()
    }

    static func isDirectionMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func isBoldFont(_ name: String) -> Bool {
        var lower = name.lowercased()
        if let plus = lower.firstIndex(of: "+"), lower.distance(from: lower.startIndex, to: plus) == 6 {
            lower = String(lower[lower.index(after: plus)...])  // subset prefix "ABCDEF+"
        }
        return lower.contains("bold") || lower.contains("black") || lower.contains("heavy") || lower.contains("demi")
            || lower.contains("semibold") || lower.hasPrefix("cmbx") || lower.hasPrefix("cmb10") || lower.hasSuffix(",b")
            || lower.hasSuffix("-bd") || lower.hasSuffix("bd")
    }

    // MARK: Running headers and footers

    /// For every page, the lines that are running headers or footers (by index), and
    /// which: lines in the top or bottom eighth of the page that are page numbers, or
    /// that recur on at least two fifths of the pages. A line that recurs word for word
    /// is running; one that recurs only with other numbers or near enough (as OCR'd
    /// running heads do) must also look like page furniture: set smaller than the body,
    /// set well apart from it, or naming the page. So a journal whose every page starts
    /// "Entry 3 – 12 March" keeps its entries.
    func runningLines(bodySize: Double) -> [[Int: BlockKind]] {
        struct Candidate {
            var page: Int, line: Int, kind: BlockKind, key: String, text: String
            /// Running lines keep their place and font: compare within kind and size.
            var band: String
        }
        var candidates: [Candidate] = []
        var furniture = Set<[Int]>()  // [page, line] of candidates that look like page furniture
        for (pageIndex, page) in pages.enumerated() {
            let height = page.height > 0 ? page.height : 792
            let top = Array(page.lines.indices.filter { page.lines[$0].y2 <= height * 0.125 }.prefix(3))
            let bottom = Array(page.lines.indices.filter { page.lines[$0].y1 >= height * 0.875 }.suffix(3)).filter { !top.contains($0) }
            for (kind, indices) in [(BlockKind.header, top), (.footer, bottom)] {
                for index in indices {
                    let line = page.lines[index]
                    candidates.append(Candidate(page: pageIndex, line: index, kind: kind, key: Self.runningKey(line.text), text: line.text.lowercased(),
                                                band: "\(kind.rawValue) \(Int(line.size.rounded()))|"))
                    let others = page.lines.indices.filter { !indices.contains($0) }.map { page.lines[$0] }
                    let gap = others.map { kind == .header ? $0.y1 - line.y2 : line.y1 - $0.y2 }.filter { $0 > -1 }.min() ?? .infinity
                    if line.size < bodySize * 0.95 || gap > 1.2 * max(bodySize, 1) || line.text.lowercased().contains("page") {
                        furniture.insert([pageIndex, index])
                    }
                }
            }
        }
        let needed = max(2, Int((Double(pages.count) * 0.4).rounded(.up)))
        var sameText: [String: Set<Int>] = [:]
        var sameKey: [String: Set<Int>] = [:]
        for candidate in candidates {
            sameText[candidate.band + candidate.text, default: []].insert(candidate.page)
            sameKey[candidate.band + candidate.key, default: []].insert(candidate.page)
        }
        // Widen each key's pages by keys near enough to it.
        var nearKey = sameKey
        let keys = sameKey.keys.sorted()
        for key in keys where sameKey[key, default: []].count < needed && key.count <= 90 {
            let band = key.prefix { $0 != "|" }
            for other in keys where other != key && other.hasPrefix(band + "|") {
                if Self.nearlyEqual(String(key.dropFirst(band.count + 1)), String(other.dropFirst(band.count + 1)), minimum: 10) {
                    nearKey[key, default: []].formUnion(sameKey[other, default: []])
                }
            }
        }
        var result = [[Int: BlockKind]](repeating: [:], count: pages.count)
        for candidate in candidates where pages.count >= 2 || Self.isPageNumber(candidate.text) {
            let band = candidate.band
            let verbatim = sameText[band + candidate.text, default: []].count >= needed
            let alike = !candidate.key.isEmpty && nearKey[band + candidate.key, default: []].count >= needed
                && furniture.contains([candidate.page, candidate.line])
            if Self.isPageNumber(candidate.text) || verbatim || alike {
                result[candidate.page][candidate.line] = candidate.kind
            }
        }
        return result
    }

    /// Lower case, digits as `#`, letters and digits only.
    static func runningKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            if scalar.properties.numericType != nil { return "#" }
            return scalar.properties.isAlphabetic ? Character(scalar) : nil
        })
    }

    /// A page number alone: `12`, `- 12 -`, `Page 3`, `Page 3 of 10`, `3/10`, `iv`,
    /// `12 | Page` (spaces anywhere, any case).
    static func isPageNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        var rest = Substring(String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
        rest = rest.drop { "-–—".contains($0) }
        while let last = rest.last, "-–—".contains(last) { rest.removeLast() }
        if rest.hasPrefix("page") { rest = rest.dropFirst(4) }
        func number(_ text: inout Substring, roman: Bool) -> Bool {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if (1...4).contains(digits.count) { text = text.dropFirst(digits.count); return true }
            guard roman else { return false }
            let numerals = text.prefix { "ivxlc".contains($0) }
            if (1...6).contains(numerals.count) { text = text.dropFirst(numerals.count); return true }
            return false
        }
        guard number(&rest, roman: true) else { return false }
        if rest.isEmpty || rest == "|page" { return true }
        if rest.hasPrefix("of") { rest = rest.dropFirst(2) } else if rest.hasPrefix("/") { rest = rest.dropFirst() } else { return false }
        return number(&rest, roman: false) && rest.isEmpty
    }

    /// Edit distance within an eighth of the length (OCR'd running heads vary),
    /// computed in a band and given up as soon as it cannot be met.
    /// Strings shorter than `minimum` must be equal.
    static func nearlyEqual(_ a: String, _ b: String, minimum: Int = 0) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let allowed = max(1, max(x.count, y.count) / 8)
        guard abs(x.count - y.count) <= allowed, min(x.count, y.count) >= max(minimum, 1) else { return false }
        let outside = allowed + 1
        var previous = (0...y.count).map { min($0, outside) }
        for i in 1...x.count {
            var current = [Int](repeating: outside, count: y.count + 1)
            current[0] = min(i, outside)
            var best = current[0]
            for j in max(1, i - allowed)...min(y.count, i + allowed) {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside)
                best = min(best, current[j])
            }
            if best > allowed { return false }
            previous = current
        }
        return previous[y.count] <= allowed
    }

    // MARK: Footnotes

    /// Splits a page's lines into the main text and its footnotes: text below the body,
    /// in a smaller font, from the first line that starts with a raised note number.
    static func splitFootnotes(_ lines: [PdfLine], bodySize: Double, pageHeight: Double) -> ([PdfLine], [[PdfLine]]) {
        guard let start = lines.indices.first(where: { index in
            let line = lines[index]
            return line.raisedMarker && line.size < bodySize * 0.97 && line.y1 > pageHeight * 0.4
                && !lines.contains { $0.size >= bodySize * 0.97 && $0.y1 > line.y1 + 1 }
        }) else { return (lines, []) }
        let top = lines[start].y1 - 1
        var main: [PdfLine] = []
        var notes: [[PdfLine]] = []
        for (index, line) in lines.enumerated() {
            if index >= start, line.y1 >= top, line.size < bodySize * 0.97 {
                if line.raisedMarker || notes.isEmpty || line.text.wholeMatch(of: /\d{1,3}\s.*/) != nil && line.x1 <= (notes.last?.first?.x1 ?? 0) + 1 {
                    notes.append([line])
                } else {
                    notes[notes.count - 1].append(line)
                }
            } else {
                main.append(line)
            }
        }
        return (main, notes)
    }

    // MARK: Paragraphs

    /// The usual distance from one line's top to the next, by font size.
    static func pitches(_ lines: [PdfLine]) -> [Double: Double] {
        var samples: [Double: [Double]] = [:]
        for (previous, line) in zip(lines, lines.dropFirst()) where previous.page == line.page && abs(previous.size - line.size) < 0.5 {
            let step = line.y1 - previous.y1
            if step > 0.5 * line.size && step < 2.5 * max(line.size, 1) { samples[line.size, default: []].append(step) }
        }
        return samples.mapValues { values in values.sorted()[values.count / 2] }
    }

    /// Groups lines into paragraphs.
    static func paragraphs(_ lines: [PdfLine], pitches: [Double: Double], lexicon: Set<String>) -> [[PdfLine]] {
        let edges = columnEdges(lines)
        var result: [[PdfLine]] = []
        var current: [PdfLine] = []
        for (index, line) in lines.enumerated() {
            guard let previous = current.last else { current = [line]; continue }
            var edge = max(edges[index - 1], line.x2)
            for other in current { edge = max(edge, other.x2) }
            if startsNewParagraph(line, after: previous, in: current, edge: edge, pitches: pitches) {
                result.append(current)
                current = [line]
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// For each line, the right edge of its column: the furthest any line of the page
    /// that starts near it (within three characters) reaches.
    static func columnEdges(_ lines: [PdfLine]) -> [Double] {
        var edges = lines.map(\.x2)
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count && lines[end].page == lines[start].page { end += 1 }
            for index in start..<end {
                let reach = 3 * max(lines[index].size, 1)
                for other in start..<end where abs(lines[other].x1 - lines[index].x1) < reach {
                    edges[index] = max(edges[index], lines[other].x2)
                }
            }
            start = end
        }
        return edges
    }

    static func startsNewParagraph(_ line: PdfLine, after previous: PdfLine, in paragraph: [PdfLine], edge: Double, pitches: [Double: Double]) -> Bool {
        let size = max(line.size, 1)
        let lastCharacter = previous.text.last ?? " "
        let endsSentence = ".!?:;\"”’)".contains(lastCharacter)
        let endsHyphen = "-‐\u{00AD}".contains(lastCharacter)
        let startsLower = line.text.first?.isLowercase == true
        // Whether the previous line stops well short of the column's right edge.
        let left = min(previous.x1, line.x1)
        let short = previous.x2 < edge - max(3 * max(previous.size, 1), 0.1 * (edge - left))
        // Font changes: a heading and its text, or body text and a quotation.
        if abs(line.size - previous.size) > 0.12 * max(line.size, previous.size) { return true }
        if line.bold != previous.bold { return true }
        // A new page or column: carry on only where the sentence plainly does.
        if line.page != previous.page || line.y1 < previous.y1 - 0.5 * size {
            return !(endsHyphen || (!endsSentence && startsLower))
        }
        if startsListItem(line.text) && (endsSentence || short || isBullet(line.text)) { return true }
        if previous.tabbedNumber || line.tabbedNumber { return true }  // contents entries
        // Extra space between lines.
        let pitch = pitches[line.size] ?? 1.2 * size
        if line.y1 - previous.y1 > pitch * 1.3 { return true }
        // A heading-like line alone, set in the body font.
        if paragraph.count == 1, short, PlainTextReader.headingLevel(previous.text) != nil { return true }
        // Indentation: back to where the paragraph's first line started (first-line
        // indents and hanging indents alike), or an indent after even lines.
        let tolerance = 0.5 * size
        if paragraph.count >= 2 {
            let first = paragraph[0].x1, body = paragraph[1].x1
            if abs(first - body) > tolerance {
                if abs(line.x1 - first) < tolerance && abs(line.x1 - body) > tolerance { return true }
            } else if line.x1 > body + 0.8 * size && !endsHyphen {
                return true
            }
        }
        // A short line that ends a sentence ends its paragraph.
        return endsSentence && short
    }

    static func startsListItem(_ text: String) -> Bool {
        isBullet(text) || listNumberLength(text) != nil
    }

    static func isBullet(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, bullets.contains(first) else { return false }
        let rest = text.unicodeScalars.dropFirst()
        return rest.first.map { $0.properties.isWhitespace } ?? false
    }

    /// The length, in scalars, of a list number and the space after it (`1.`, `12)`,
    /// `(3)`, `a.`, `b)`, `(c)`, `iv.`, `(ii)`), when text follows; else nil.
    static func listNumberLength(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars.prefix(12))
        var index = 0
        let open = scalars.first == "("
        if open { index += 1 }
        let start = index
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func isLower(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
        func isRoman(_ s: Unicode.Scalar) -> Bool { s == "i" || s == "v" || s == "x" }
        if index < scalars.count, isDigit(scalars[index]) {
            while index < scalars.count, isDigit(scalars[index]), index - start < 3 { index += 1 }
            if index - start > 2 { return nil }
        } else if index < scalars.count, isRoman(scalars[index]) {
            while index < scalars.count, isRoman(scalars[index]) { index += 1 }
            if index - start > 4 { return nil }
        } else if index < scalars.count, isLower(scalars[index]) {
            index += 1
        } else {
            return nil
        }
        guard index < scalars.count else { return nil }
        let close = scalars[index]
        if open { guard close == ")" else { return nil } } else { guard close == "." || close == ")" else { return nil } }
        index += 1
        let spaceStart = index
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index > spaceStart, index < scalars.count else { return nil }
        return index
    }

    static func stripListMarker(_ text: String) -> String {
        if isBullet(text) { return String(text.unicodeScalars.dropFirst()).trimmingWhitespace() }
        if let length = listNumberLength(text) { return String(text.unicodeScalars.dropFirst(length)) }
        return text
    }

    // MARK: Joining lines

    /// Every word of the document in lower case, to tell a word split at a line end
    /// ("dan-" "gerous") from a hyphenated compound ("evidence-" "based").
    static func lexicon(_ lines: [PdfLine]) -> Set<String> {
        var words = Set<String>()
        var continuesWord = false
        for line in lines {
            let tokens = line.text.split(separator: " ")
            for (index, token) in tokens.enumerated() {
                // Leave out both halves of a word split at a line end.
                if index == 0 && continuesWord { continue }
                if index == tokens.count - 1, let last = token.last, "-‐\u{00AD}".contains(last) { continue }
                let word = token.lowercased().trimmingCharacters(where: { !$0.isLetter })
                if word.isEmpty { continue }
                words.insert(word)
                for part in word.split(separator: "-") where part.count > 1 { words.insert(String(part)) }
            }
            continuesWord = tokens.last.flatMap(\.last).map { "-‐\u{00AD}".contains($0) } ?? false
        }
        return words
    }

    /// The lines' text as one paragraph, with words split at line ends joined again.
    static func join(_ lines: [PdfLine], lexicon: Set<String>) -> String {
        var text = ""
        for line in lines {
            guard !text.isEmpty else { text = line.text; continue }
            if let last = text.last, "-‐\u{00AD}".contains(last), let next = line.text.first, next.isLowercase,
               text.dropLast().last?.isLetter == true {
                text.removeLast()
                if last != "\u{00AD}" {
                    let head = String(text.reversed().prefix { $0.isLetter }.reversed()).lowercased()
                    let tail = String(line.text.prefix { $0.isLetter }).lowercased()
                    if !lexicon.contains(head + tail) && lexicon.contains(head) && lexicon.contains(tail) { text.append("-") }
                }
                text += line.text
            } else {
                text += " " + line.text
            }
        }
        return text
    }

    // MARK: What each paragraph is

    enum Role: Equatable { case heading(Int), contentsEntry, listItem, caption, paragraph }

    struct HeadingStyle: Hashable { var size: Double; var bold: Bool }

    static func roles(of paragraphs: [[PdfLine]], texts: [String], bodySize: Double) -> [Role] {
        var roles = [Role](repeating: .paragraph, count: paragraphs.count)
        var styled: [(index: Int, style: HeadingStyle)] = []
        var inContents = false
        for (index, lines) in paragraphs.enumerated() {
            let text = texts[index]
            if isCaption(text) { roles[index] = .caption; continue }
            let contentsLine = Self.endsWithLeaderAndNumber(text)
                || (inContents && (lines.contains(where: \.tabbedNumber) || Self.endsWithPageNumber(text)))
            if contentsLine { roles[index] = .contentsEntry; continue }
            if isBullet(text) || (startsListItem(text) && PlainTextReader.headingLevel(text) == nil) { roles[index] = .listItem; continue }
            guard lines.count <= 2, let kind = headingKind(text, lines: lines, bodySize: bodySize) else {
                inContents = false
                continue
            }
            let name = SectionTracker.normalise(text)
            inContents = name == "contents" || name == "table of contents" || name == "list of contents"
            switch kind {
            case .numbered(let level): roles[index] = .heading(level)
            case .styled(let style): styled.append((index, style))
            case .named: roles[index] = .heading(1)
            }
        }
        // Levels of styled headings: larger first, bold before plain at one size.
        var styles = Array(Set(styled.map(\.style))).sorted { $0.size != $1.size ? $0.size > $1.size : $0.bold && !$1.bold }
        // The title: the document's first paragraph, set larger than every heading after it.
        if let first = styled.first, first.index == 0, first.style.size >= bodySize * 1.3,
           styled.dropFirst().allSatisfy({ $0.style.size < first.style.size }),
           SectionTracker.classify(texts[0]) == nil {
            roles[0] = .heading(0)
            styled.removeFirst()
            styles = Array(Set(styled.map(\.style))).sorted { $0.size != $1.size ? $0.size > $1.size : $0.bold && !$1.bold }
        }
        for (index, style) in styled {
            roles[index] = .heading(min(6, (styles.firstIndex(of: style) ?? 0) + 1))
        }
        return roles
    }

    enum HeadingKind { case numbered(Int), styled(HeadingStyle), named }

    /// Whether a short paragraph reads as a heading, and how its level is found.
    static func headingKind(_ text: String, lines: [PdfLine], bodySize: Double) -> HeadingKind? {
        let words = WordCounter.count(text)
        guard words >= 1, words <= 15, let last = text.last, !"-‐,;".contains(last), last != "." else {
            return nil
        }
        let size = lines.map(\.size).max() ?? bodySize
        let larger = size >= bodySize * 1.12
        let bold = lines.allSatisfy(\.bold)
        if let level = PlainTextReader.headingLevel(text) {
            if larger || bold || level >= 2 || SectionTracker.classify(text) != nil { return .numbered(level) }
        }
        if larger || bold { return .styled(HeadingStyle(size: size, bold: bold)) }
        if words <= 6, SectionTracker.classify(text) != nil { return .named }
        return nil
    }

    /// A contents entry's page number: a last word of digits or roman numerals after
    /// some other text.
    static func endsWithPageNumber(_ text: String) -> Bool {
        guard let space = text.lastIndex(where: { $0.isWhitespace }), space > text.startIndex else { return false }
        let last = text[text.index(after: space)...]
        return (1...5).contains(last.count) && (last.allSatisfy(\.isASCII) && last.allSatisfy(\.isNumber) || last.allSatisfy { "ivxlc".contains($0) })
    }

    /// Dot leaders, then a page number ("Methods ........ 12", "Methods … 12").
    static func endsWithLeaderAndNumber(_ text: String) -> Bool {
        guard endsWithPageNumber(text) || text.last?.isNumber == true else { return false }
        let body = text.reversed().drop { $0.isNumber || "ivxlc".contains($0) }.drop { $0.isWhitespace }
        let leader = body.prefix { $0 == "." || $0 == "…" || $0 == "·" || $0 == " " }
        return leader.contains("…") || leader.filter { $0 == "." || $0 == "·" }.count >= 4
    }

    static let captionWords = ["Figure", "Fig.", "Table", "Chart", "Graph", "Image", "Exhibit", "Box"]

    static func isCaption(_ text: String) -> Bool {
        captionWords.contains(where: { text.hasPrefix($0) }) && WordCounter.count(text) <= 60
            && text.prefix(40).prefixMatch(of: /(Figure|Fig\.|Table|Chart|Graph|Image|Exhibit|Box)\s+[A-Z]?\d+(\.\d+)*\s*[:.–—-]\s*\S/) != nil
    }
}

private extension Substring {
    func trimmingCharacters(where predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else { return "" }
        return String(self[first...last])
    }
}

private extension String {
    func trimmingCharacters(where predicate: (Character) -> Bool) -> String { self[...].trimmingCharacters(where: predicate) }
}
