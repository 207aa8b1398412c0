import AssessCore
import AssessDocuments
import Foundation

/// Finds near-duplicate passages between the submissions of one assessment: the flagship
/// cohort-phase processor. Collusion and shared drafts are found by comparing the cohort
/// with itself, locally: nothing leaves the machine. Quotations and the reference list
/// are left out (students quote the same sources and cite the same papers), and text
/// most of the cohort shares (the question, a template) is ignored. What it finds is for
/// the marker only: the passages go to the assessment's cohort report and to each
/// result's `restricted` figures, and a problem asks a person to look; a student's
/// archive shows nothing of it, since an allegation needs a person's judgement first.
struct SimilarityProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "similarity",
        name: "Similarity",
        summary: "Finds passages that submissions of the same assessment share (word shingles, winnowed), leaving out quotations, the reference list and text most of the cohort shares; the passages are shown to markers only.",
        passingExamples: [
            Example("""
                Electronic prescribing reduced medication errors on the three pilot wards within a year of go-live.

                # References

                Smith, J. (2020) Electronic prescribing in practice. London: Example Press.
                """),
        ],
        flaggedExamples: [
            Example("Too short to compare.", expect: ["similarity.too_short"]),
        ]
    )

    /// Words per shingle (k).
    let shingleWords: Int
    /// Shingles per winnowing window (w): any shared run of k + w − 1 words is found.
    let window: Int
    /// Shared passages shorter than this are not reported.
    let minimumPassageWords: Int
    /// A pair is reported when its shared words are at least this share of either text.
    let minimumOverlap: Double
    /// Shingles in more than this share of the cohort (and in at least 3 submissions) are ignored.
    let ignoreCommon: Double
    /// Section kinds compared.
    let sections: Set<DocumentSection>
    private let store = FingerprintStore()

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["shingle_words", "window", "min_passage_words", "min_overlap", "ignore_common", "sections"])
        shingleWords = try fields.int("shingle_words", in: 3...50) ?? 8
        window = try fields.int("window", in: 1...100) ?? 6
        let guaranteed = shingleWords + window - 1
        minimumPassageWords = try fields.int("min_passage_words", in: 3...10_000) ?? max(15, guaranteed)
        if minimumPassageWords < guaranteed {
            throw ConfigurationError("'min_passage_words' (\(minimumPassageWords)) must be at least shingle_words + window − 1 (\(guaranteed)), the shortest passage winnowing is sure to find",
                                     at: fields.raw("min_passage_words")?.location ?? fields.location)
        }
        minimumOverlap = try Self.percent(fields, "min_overlap") ?? 0
        ignoreCommon = try Self.percent(fields, "ignore_common") ?? 0.5
        var chosen: Set<DocumentSection> = [.body, .appendix]
        if let names = try fields.strings("sections") {
            chosen = []
            for name in names {
                guard let section = DocumentSection(rawValue: name), section != .references else {
                    throw ConfigurationError("'sections' of similarity may name front_matter, body and appendix, not '\(name)' (the reference list is never compared)",
                                             at: fields.raw("sections")?.location ?? fields.location)
                }
                chosen.insert(section)
            }
        }
        sections = chosen
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let text = ComparableText(submission.documents.map(\.text), sections: sections)
        store.put(submission.candidateID, Fingerprinted(text: text, shingleWords: shingleWords, window: window))
        // Nothing about other submissions for the student: the cohort phase adds what markers see.
        guard text.words.count < minimumPassageWords else { return ProcessorResult(processor: Self.identifier) }
        return ProcessorResult(processor: Self.identifier, findings: [
            Finding("similarity.too_short", .info, "There are \(text.words.count) words of prose outside quotations and references: too few to compare with other submissions.")
        ])
    }

    func review(cohort: [String: ProcessorResult]) -> CohortReview {
        let texts = store.take(cohort.keys)
        let ids = texts.keys.sorted()
        guard ids.count >= 2 else { return CohortReview() }

        // Every fingerprint of the cohort, sorted by hash: each run of equal hashes is the
        // submissions (and positions) that share it. One sort, no table of tables.
        var all: [(hash: UInt64, id: Int, position: Int)] = []
        for (number, id) in ids.enumerated() {
            guard let fingerprinted = texts[id] else { continue }
            for print in fingerprinted.prints { all.append((print.hash, number, print.position)) }
        }
        all.sort { ($0.hash, $0.id, $0.position) < ($1.hash, $1.id, $1.position) }
        guard !all.isEmpty else { return CohortReview() }
        var groups: [Range<Int>] = []
        var groupStart = 0
        for index in 1...all.count where index == all.count || all[index].hash != all[groupStart].hash {
            if all[index - 1].id != all[groupStart].id { groups.append(groupStart..<index) }  // held by two or more
            groupStart = index
        }
        // Text most of the cohort shares (the question, a template): its words are masked,
        // so no passage runs into it.
        var common: Set<UInt64> = []
        for group in groups {
            let holderCount = Set(all[group].map(\.id)).count
            if holderCount >= 3 && Double(holderCount) > ignoreCommon * Double(ids.count) { common.insert(all[group.lowerBound].hash) }
        }
        var masks: [Int: [Bool]] = [:]
        for (number, id) in ids.enumerated() {
            guard let fingerprinted = texts[id] else { continue }
            var mask = [Bool](repeating: false, count: fingerprinted.text.words.count)
            for print in fingerprinted.prints where common.contains(print.hash) {
                for position in print.position..<min(mask.count, print.position + shingleWords) { mask[position] = true }
            }
            masks[number] = mask
        }
        var pairs: [PairKey: [(Int, Int)]] = [:]
        for group in groups where !common.contains(all[group.lowerBound].hash) {
            let holdersByID = Dictionary(grouping: all[group], by: \.id)
            let owners = holdersByID.keys.sorted()
            for (i, a) in owners.enumerated() {
                for b in owners[(i + 1)...] {
                    for left in (holdersByID[a] ?? []).prefix(8) {
                        for right in (holdersByID[b] ?? []).prefix(8) { pairs[PairKey(a: a, b: b), default: []].append((left.position, right.position)) }
                    }
                }
            }
        }

        var rows: [[String]] = []
        var restricted: [String: [JSONValue]] = [:]
        var problems: [Finding] = []
        for key in pairs.keys.sorted() {
            guard let seeds = pairs[key], let a = texts[ids[key.a]], let b = texts[ids[key.b]] else { continue }
            let passages = Self.passages(a.text.words, b.text.words, masks: (masks[key.a] ?? [], masks[key.b] ?? []), seeds: seeds, shingleWords: shingleWords)
                .filter { $0.length >= minimumPassageWords }
            guard !passages.isEmpty else { continue }
            let shared = passages.reduce(0) { $0 + $1.length }
            let shareA = Double(shared) / Double(max(1, a.text.words.count)), shareB = Double(shared) / Double(max(1, b.text.words.count))
            guard max(shareA, shareB) >= minimumOverlap else { continue }
            let idA = ids[key.a], idB = ids[key.b]
            let shown = passages.map { passage in
                JSONValue.object(["words": .int(passage.length), "text": .string(a.text.excerpt(passage.startA, passage.length)),
                                  "position_in_\(idA)": .int(passage.startA), "position_in_\(idB)": .int(passage.startB)])
            }
            restricted[idA, default: []].append(["with": .string(idB), "shared_words": .int(shared), "percent": .double(Self.rounded(shareA * 100)), "passages": .array(shown)])
            restricted[idB, default: []].append(["with": .string(idA), "shared_words": .int(shared), "percent": .double(Self.rounded(shareB * 100)), "passages": .array(shown)])
            for passage in passages {
                rows.append([idA, idB, String(passage.length), percentText(shareA) + " / " + percentText(shareB), a.text.excerpt(passage.startA, passage.length)])
            }
            problems.append(Finding("similarity.shared_passages", .attention,
                                    "\(idA) and \(idB) share \(passages.count) passage\(passages.count == 1 ? "" : "s") of \(shared) words in all (\(percentText(shareA)) and \(percentText(shareB)) of their compared text); read them in the similarity section of results.json before deciding anything."))
        }
        guard !rows.isEmpty else {
            return CohortReview(report: [FeedbackSection(title: "Similarity", summary: "No submissions share passages of \(minimumPassageWords) words or more.",
                                                         facts: [.init("Submissions compared", String(ids.count))])])
        }
        let report = FeedbackSection(
            title: "Similarity",
            summary: "\(problems.count) pair\(problems.count == 1 ? "" : "s") of submissions share passages of \(minimumPassageWords) words or more (quotations and reference lists left out). For markers only: a match is a reason to read, not a finding of misconduct.",
            facts: [.init("Submissions compared", String(ids.count)), .init("Pairs with shared passages", String(problems.count), emphasis: true)],
            table: .init(caption: "Shared passages", columns: ["Candidate", "Other candidate", "Words", "Share of each text", "Passage"], rows: rows))
        return CohortReview(report: [report], restricted: restricted.mapValues { ["similarity": .array($0)] }, problems: problems)
    }
}

private extension SimilarityProcessor {
    struct PairKey: Hashable, Comparable {
        var a: Int, b: Int
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.a, lhs.b) < (rhs.a, rhs.b) }
    }

    struct Passage {
        var startA: Int, startB: Int, length: Int
    }

    /// Maximal runs of equal words around each shared fingerprint, without overlaps.
    static func passages(_ a: [Word], _ b: [Word], masks: ([Bool], [Bool]), seeds: [(Int, Int)], shingleWords: Int) -> [Passage] {
        func same(_ i: Int, _ j: Int) -> Bool {
            a[i].key == b[j].key && !(i < masks.0.count && masks.0[i]) && !(j < masks.1.count && masks.1[j])
        }
        var found: [Passage] = []
        for (seedA, seedB) in seeds.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            if found.contains(where: { seedA >= $0.startA && seedA < $0.startA + $0.length && seedB - seedA == $0.startB - $0.startA }) { continue }
            guard seedA + shingleWords <= a.count, seedB + shingleWords <= b.count,
                  (0..<shingleWords).allSatisfy({ same(seedA + $0, seedB + $0) }) else { continue }  // a collision, or common text
            var start = 0
            while seedA - start > 0, seedB - start > 0, same(seedA - start - 1, seedB - start - 1) { start += 1 }
            var end = shingleWords
            while seedA + end < a.count, seedB + end < b.count, same(seedA + end, seedB + end) { end += 1 }
            found.append(Passage(startA: seedA - start, startB: seedB - start, length: start + end))
        }
        // Keep the longest of overlapping runs (in A).
        var kept: [Passage] = []
        for passage in found.sorted(by: { ($0.length, -$0.startA) > ($1.length, -$1.startA) }) {
            let overlaps = kept.contains { passage.startA < $0.startA + $0.length && $0.startA < passage.startA + passage.length }
            if !overlaps { kept.append(passage) }
        }
        return kept.sorted { $0.startA < $1.startA }
    }

    static func percent(_ fields: ConfigFields, _ key: String) throws(ConfigurationError) -> Double? {
        guard let raw = fields.raw(key) else { return nil }
        var text = raw.text ?? ""
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() }
        guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw fields.wrongType(key, raw, expected: "a percent such as 10%")
        }
        let share = isPercent || number > 1 ? number / 100 : number
        guard (0...1).contains(share) else {
            throw ConfigurationError("'\(key)' of similarity must be between 0% and 100%", at: raw.location ?? fields.location)
        }
        return share
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

private func percentText(_ share: Double) -> String {
    String(format: "%.1f%%", share * 100)
}

/// One compared word: its comparison key (lower case, letters and digits) and where it is.
struct Word: Sendable {
    var key: String
    var segment: Int
    var range: Range<String.Index>
}

/// The text a similarity check compares: chosen sections' prose, quotations removed.
/// Each block is a segment; a removed quotation splits its block, so no shingle spans it.
struct ComparableText: Sendable {
    /// Kinds of block compared (headings, headers, footers, comments, deleted and hidden
    /// text are not: they are short, shared or not the student's text).
    static let kinds: Set<BlockKind> = [.paragraph, .listItem, .tableCell, .caption, .footnote, .endnote, .textBox, .slide, .notes]

    var segments: [String] = []
    var words: [Word] = []

    init(_ documents: [DocumentText], sections: Set<DocumentSection>) {
        for document in documents {
            for block in document.blocks where sections.contains(block.section) && Self.kinds.contains(block.kind) {
                if Self.isBlockQuotation(block.text) { continue }
                for piece in Self.outsideQuotations(block.text) {
                    let segment = segments.count
                    segments.append(piece)
                    Self.tokenize(piece, segment: segment, into: &words)
                }
            }
        }
    }

    /// The passage of `length` words from word `start`, as written (at most 400 characters).
    func excerpt(_ start: Int, _ length: Int) -> String {
        guard start >= 0, length > 0, start + length <= words.count else { return "" }
        var pieces: [String] = []
        var index = start
        while index < start + length {
            let segment = words[index].segment
            var last = index
            while last + 1 < start + length && words[last + 1].segment == segment { last += 1 }
            pieces.append(String(segments[segment][words[index].range.lowerBound..<words[last].range.upperBound]))
            index = last + 1
        }
        let text = pieces.joined(separator: " … ")
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }

    /// A paragraph that is one quotation (with, perhaps, its citation after it).
    static func isBlockQuotation(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, openers.keys.contains(first) else { return false }
        let pieces = outsideQuotations(trimmed)
        let outside = pieces.joined(separator: " ").filter { $0.isLetter }.count
        return outside <= 40 && pieces.count <= 2 && trimmed.filter({ $0.isLetter }).count > outside * 3
    }

    static let openers: [Character: Character] = ["\u{201C}": "\u{201D}", "\"": "\"", "\u{00AB}": "\u{00BB}", "\u{201E}": "\u{201C}"]

    /// The text outside quotation marks, in pieces; an opening mark with no closing mark
    /// in the block is left as text.
    static func outsideQuotations(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let closer = openers[character], let close = text[text.index(after: index)...].firstIndex(of: closer) {
                pieces.append(current)
                current = ""
                index = text.index(after: close)
                continue
            }
            current.append(character)
            index = text.index(after: index)
        }
        pieces.append(current)
        return pieces.filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    static func tokenize(_ text: String, segment: Int, into words: inout [Word]) {
        var start: String.Index?
        var key = String.UnicodeScalarView()
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func finish(at end: String.Index) {
            if let begin = start, !key.isEmpty { words.append(Word(key: String(key), segment: segment, range: begin..<end)) }
            start = nil
            key = String.UnicodeScalarView()
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value < 0x80 {
                switch scalar.value {
                case 0x61...0x7A, 0x30...0x39:
                    if start == nil { start = index }
                    key.append(scalar)
                case 0x41...0x5A:
                    if start == nil { start = index }
                    key.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
                case 0x27 where start != nil:
                    break  // an apostrophe inside a word is part of it; the key leaves it out
                default:
                    finish(at: index)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if start == nil { start = index }
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar == "\u{2019}" && start != nil {
                // As the ASCII apostrophe.
            } else if scalar.properties.generalCategory == .nonspacingMark && start != nil {
                key.append(scalar)  // a combining accent belongs to its letter
            } else {
                finish(at: index)
            }
            index = scalars.index(after: index)
        }
        finish(at: scalars.endIndex)
    }
}

/// A submission's comparable text and its winnowed fingerprints.
struct Fingerprinted: Sendable {
    struct Print: Sendable {
        var hash: UInt64
        var position: Int
    }

    var text: ComparableText
    var prints: [Print] = []

    /// Hashes every k-word shingle that lies in one segment, then keeps the rightmost
    /// smallest hash of each window of `window` shingles (Schleimer, Wilkerson and
    /// Aiken's winnowing): any shared run of k + w − 1 words shares a fingerprint.
    init(text: ComparableText, shingleWords: Int, window: Int) {
        self.text = text
        let words = text.words
        guard words.count >= shingleWords else { return }
        var hashes: [(hash: UInt64, position: Int)] = []
        for start in 0...(words.count - shingleWords) where words[start].segment == words[start + shingleWords - 1].segment {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<(start + shingleWords)] {
                for byte in word.key.utf8 {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
                hash ^= 0x20
                hash = hash &* 0x100_0000_01b3
            }
            hashes.append((hash, start))
        }
        guard !hashes.isEmpty else { return }
        var lastChosen = -1
        let span = min(window, hashes.count)
        for windowStart in 0...(hashes.count - span) {
            var best = windowStart
            for candidate in windowStart..<(windowStart + span) where hashes[candidate].hash <= hashes[best].hash { best = candidate }
            if best != lastChosen {
                prints.append(Print(hash: hashes[best].hash, position: hashes[best].position))
                lastChosen = best
            }
        }
    }
}

/// Fingerprints by candidate between the two phases of one run: the per-submission phase
/// puts, the cohort phase takes (and so frees) them. Guarded by a lock: submissions are
/// processed in parallel.
final class FingerprintStore: @unchecked Sendable {
    private let lock = NSLock()
    private var byCandidate: [String: Fingerprinted] = [:]

    func put(_ candidate: String, _ fingerprinted: Fingerprinted) {
        lock.lock()
        defer { lock.unlock() }
        byCandidate[candidate] = fingerprinted
    }

    func take<Keys: Sequence>(_ candidates: Keys) -> [String: Fingerprinted] where Keys.Element == String {
        lock.lock()
        defer { lock.unlock() }
        var taken: [String: Fingerprinted] = [:]
        for candidate in candidates { taken[candidate] = byCandidate[candidate] }
        byCandidate = [:]
        return taken
    }
}
