public import AssessDocuments

/// A test's key compiled for marking: the changes of its YAML applied (voided and
/// re-keyed items), every item's rule fixed, and a look-up table per item so that
/// marking a cell costs one array read.
///
/// The rules (see `docs/processors/mcq.md`, each with a worked example):
/// - blank: 0; an invalid mark (anything but option letters, or a letter the item
///   does not have): 0, flagged;
/// - several marks on a single-answer item: 0, flagged;
/// - Moodle's rule (keys from our YAML/CSV and Moodle XML): single answer, the chosen
///   option's fraction; multiple answer, the sum of the chosen options' fractions,
///   clamped to 0…1;
/// - QTI's rules (QTI keys): `match_correct`, full marks when the chosen set is the
///   correct one; `map_response`, the mapped values summed and clamped to the bounds;
/// - several accepted keys: the best of them;
/// - negative marking: a wrong answer to a single-answer item costs that share of its marks;
/// - voided items: removed from every score and from the maximum, or full marks to all;
/// - the floor: no total below it.
public struct MarkingScheme: Sendable {
    /// What became of one cell.
    public enum Outcome: String, Sendable, Codable {
        /// One or more options chosen and marked.
        case answered
        /// Nothing chosen.
        case blank
        /// Several options chosen on a single-answer item: 0, flagged.
        case severalMarks = "several_marks"
        /// Not option letters, or a letter the item does not have: 0, flagged.
        case invalid
    }

    /// How an item stands after the test's changes.
    public enum Status: String, Sendable, Codable {
        case normal
        /// Voided, removed from every score and from the maximum.
        case removed
        /// Voided, full marks given to every candidate.
        case givenToAll = "given_to_all"
        /// Marked against a new key.
        case rekeyed
    }

    /// One compiled item.
    public struct Item: Sendable {
        /// The item as marked (after a re-key).
        public let key: KeyItem
        /// Its 0-based position in the key.
        public let index: Int
        /// Whether it is voided or re-keyed.
        public let status: Status
        /// The change that applies to it, if any.
        public let change: MCQSettings.Change?
        /// The options that earn credit, for the key shown in feedback and the distractor analysis.
        public let keyed: ChosenOptions
        /// The marks it adds to the maximum (0 when removed).
        public let maximum: Double
        let negativeMarking: Double
        /// points, outcome and points as text per bit pattern, when the item has at most 12 options.
        let points: [Double]
        let outcomes: [Outcome]
        let texts: [String]

        /// The item's id.
        public var id: String { key.id }
        /// Its number of options.
        public var optionCount: Int { key.options.count }

        /// The key in words: `B`, `B or D`, `AC`.
        public var keyText: String {
            switch key.scoring {
            case .matchCorrect(let sets): return sets.map(\.letters).joined(separator: " or ")
            case .mapResponse(let mapping):
                return ChosenOptions(mapping.values.indices.filter { mapping.values[$0] > 0 }).letters
            case .fractions(let lists):
                if key.multipleAnswer {
                    return lists.map { list in ChosenOptions(list.indices.filter { list[$0] > 0 }).letters }.joined(separator: " or ")
                }
                let best = lists.flatMap { $0 }.max() ?? 0
                let full = (0..<key.options.count).filter { index in lists.contains { index < $0.count && $0[index] >= best - 1e-9 } }
                return full.map(KeyOption.label).joined(separator: " or ")
            }
        }

        /// The points of a chosen set as `results.csv` writes them (see ``MCQReport/marks(_:)``).
        public func pointsText(_ chosen: ChosenOptions) -> String {
            let bits = Int(chosen.bits)
            if bits < texts.count { return texts[bits] }
            return MCQReport.marks(evaluate(chosen).points)
        }

        /// The points and outcome of a chosen set (before the floor, which applies to totals).
        public func score(_ chosen: ChosenOptions) -> (points: Double, outcome: Outcome) {
            let bits = Int(chosen.bits)
            if bits < points.count { return (points[bits], outcomes[bits]) }
            return evaluate(chosen)
        }

        func evaluate(_ chosen: ChosenOptions) -> (points: Double, outcome: Outcome) {
            if chosen.isInvalid || Int(chosen.bits) >= 1 << optionCount { return (status == .givenToAll ? maximumMarks : 0, .invalid) }
            if chosen.isBlank { return (status == .givenToAll ? maximumMarks : 0, .blank) }
            if !key.multipleAnswer && chosen.count > 1 { return (status == .givenToAll ? maximumMarks : 0, .severalMarks) }
            if status == .givenToAll { return (maximumMarks, .answered) }
            if status == .removed { return (0, .answered) }
            var points = Self.fraction(of: chosen, key) * key.marks
            if negativeMarking > 0 && !key.multipleAnswer && points <= 0 {
                points = min(points, -negativeMarking * key.marks)
            }
            return (points, .answered)
        }

        private var maximumMarks: Double { key.marks }

        /// The fraction of its marks that an item gives a chosen set (no voids, no penalty).
        static func fraction(of chosen: ChosenOptions, _ item: KeyItem) -> Double {
            switch item.scoring {
            case .fractions(let lists):
                var best = -Double.infinity
                for list in lists {
                    var sum = 0.0
                    for index in chosen.indices where index < list.count { sum += list[index] }
                    if item.multipleAnswer { sum = min(max(sum, 0), 1) }
                    best = max(best, sum)
                }
                return best.isFinite ? best : 0
            case .matchCorrect(let sets):
                return sets.contains(chosen) ? 1 : 0
            case .mapResponse(let mapping):
                let maximum = mapping.maximumPoints(multipleAnswer: item.multipleAnswer)
                return maximum > 0 ? mapping.points(chosen) / maximum : 0
            }
        }

        init(key: KeyItem, index: Int, status: Status, change: MCQSettings.Change?, negativeMarking: Double) {
            self.key = key
            self.index = index
            self.status = status
            self.change = change
            self.negativeMarking = negativeMarking
            maximum = status == .removed ? 0 : key.marks
            switch key.scoring {
            case .fractions(let lists):
                keyed = ChosenOptions((0..<key.options.count).filter { index in lists.contains { index < $0.count && $0[index] > 0 } })
            case .matchCorrect(let sets):
                keyed = ChosenOptions(sets.flatMap(\.indices))
            case .mapResponse(let mapping):
                keyed = ChosenOptions(mapping.values.indices.filter { mapping.values[$0] > 0 })
            }
            points = []
            outcomes = []
            texts = []
        }

        /// Fills the look-up table (items of up to 12 options: 4,096 entries at most).
        mutating func tabulate() {
            guard optionCount <= 12 else { return }
            var points: [Double] = []
            var outcomes: [Outcome] = []
            for bits in 0..<(1 << optionCount) {
                let scored = evaluate(ChosenOptions(bits: UInt16(bits)))
                points.append(scored.points)
                outcomes.append(scored.outcome)
            }
            self = Item(copying: self, points: points, outcomes: outcomes)
        }

        private init(copying item: Item, points: [Double], outcomes: [Outcome]) {
            texts = points.map(MCQReport.marks)
            key = item.key
            index = item.index
            status = item.status
            change = item.change
            keyed = item.keyed
            maximum = item.maximum
            negativeMarking = item.negativeMarking
            self.points = points
            self.outcomes = outcomes
        }
    }

    /// The compiled items, in key order.
    public let items: [Item]
    /// Every item's table of points, one after another (items of up to 12 options),
    /// with each item's start and size: the marking loop reads only these.
    private let flatPoints: [Double]
    private let flatOutcomes: [Outcome]
    private let flatTexts: [String]
    /// The same texts as UTF-8, one after another, and where each starts (one more than entries).
    private let textBytes: [UInt8]
    private let textOffsets: [Int]
    private let tableStarts: [Int]
    private let tableSizes: [Int]
    private let counts: [Bool]
    /// The full marks of the test: the sum of the items' marks, removed items left out.
    public let maximum: Double
    /// The test's settings.
    public let settings: MCQSettings
    /// The test it was compiled from.
    public let test: MCQTest

    /// Compiles a test. Changes were checked when the test was read.
    public init(_ test: MCQTest) {
        self.test = test
        settings = test.settings
        var compiled: [Item] = []
        for (index, original) in test.key.items.enumerated() {
            var key = original
            var status = Status.normal
            let change = test.settings.changes.last { $0.item == original.id || $0.item.uppercased() == "Q\(index + 1)" }
            switch change?.action {
            case .voidRemoved?: status = .removed
            case .voidGivenToAll?: status = .givenToAll
            case .rekey(let answers)?:
                status = .rekeyed
                key.scoring = Self.rekeyed(original, answers)
            case nil: break
            }
            var item = Item(key: key, index: index, status: status, change: change, negativeMarking: test.settings.negativeMarking)
            item.tabulate()
            compiled.append(item)
        }
        items = compiled
        maximum = compiled.reduce(0) { $0 + $1.maximum }
        var points: [Double] = [], outcomes: [Outcome] = [], texts: [String] = [], starts: [Int] = [], sizes: [Int] = []
        for item in compiled {
            starts.append(points.count)
            sizes.append(item.points.count)
            points += item.points
            outcomes += item.outcomes
            texts += item.texts
        }
        flatPoints = points
        flatOutcomes = outcomes
        flatTexts = texts
        var bytes: [UInt8] = [], offsets: [Int] = [0]
        for text in texts {
            bytes += Array(text.utf8)
            offsets.append(bytes.count)
        }
        textBytes = bytes
        textOffsets = offsets
        tableStarts = starts
        tableSizes = sizes
        counts = compiled.map { $0.status != .removed }
    }

    /// Which rules the key's items follow, in words.
    public var semantics: String {
        test.key.format == .qti ? "QTI response processing (match_correct, map_response)" : "Moodle's rules (fractions of an item's marks)"
    }

    /// The scoring of an item re-keyed to `answers`: QTI items become match_correct on
    /// the new key; others get our format's fractions (see ``OwnKeyFormat/moodleFractions(for:options:multiple:)``).
    static func rekeyed(_ item: KeyItem, _ answers: [ChosenOptions]) -> KeyScoring {
        var alternatives = answers
        if !item.multipleAnswer { alternatives = answers.flatMap { $0.indices.map { ChosenOptions([$0]) } } }
        switch item.scoring {
        case .matchCorrect, .mapResponse:
            return .matchCorrect(alternatives)
        case .fractions:
            return .fractions(alternatives.map { OwnKeyFormat.moodleFractions(for: $0, options: item.options.count, multiple: item.multipleAnswer) })
        }
    }

    /// Marks one sheet.
    /// - Parameters:
    ///   - responses: one chosen set per item, in key order.
    ///   - points: receives each item's points (0 for removed items).
    ///   - outcomes: receives each cell's outcome.
    /// - Returns: the sum of the items' points (`raw`, which the statistics use) and the
    ///   total after the floor (`total`, the candidate's score).
    public func mark(_ responses: [ChosenOptions], points: inout [Double], outcomes: inout [Outcome]) -> (raw: Double, total: Double) {
        if points.count != items.count { points = Array(repeating: 0, count: items.count) }
        if outcomes.count != items.count { outcomes = Array(repeating: .blank, count: items.count) }
        var raw = 0.0
        flatPoints.withUnsafeBufferPointer { table in
            flatOutcomes.withUnsafeBufferPointer { kinds in
                for index in 0..<tableStarts.count {
                    let chosen = index < responses.count ? responses[index] : .blank
                    let bits = Int(chosen.bits)
                    let scored: (points: Double, outcome: Outcome)
                    if bits < tableSizes[index] {
                        scored = (table[tableStarts[index] + bits], kinds[tableStarts[index] + bits])
                    } else {
                        scored = items[index].score(chosen)
                    }
                    points[index] = scored.points
                    outcomes[index] = scored.outcome
                    if counts[index] { raw += scored.points }
                }
            }
        }
        return (raw, settings.floor.map { max(raw, $0) } ?? raw)
    }

    /// Whether item `index` counts in totals (it is not removed).
    public func counts(_ index: Int) -> Bool { counts[index] }

    /// Item `index`'s marks for a chosen set as `results.csv` writes them; empty for a
    /// removed item. Reads the flat tables only (a results file calls this millions of times).
    public func pointsText(_ index: Int, _ chosen: ChosenOptions) -> String {
        guard counts[index] else { return "" }
        let bits = Int(chosen.bits)
        if bits < tableSizes[index] { return flatTexts[tableStarts[index] + bits] }
        return items[index].pointsText(chosen)
    }

    /// Appends every item's ``pointsText(_:_:)`` for a sheet, each after a comma, as UTF-8.
    public func appendPointsTexts(_ responses: [ChosenOptions], to buffer: inout [UInt8]) {
        textBytes.withUnsafeBufferPointer { bytes in
            textOffsets.withUnsafeBufferPointer { offsets in
                for index in 0..<min(responses.count, tableStarts.count) {
                    buffer.append(UInt8(ascii: ","))
                    guard counts[index] else { continue }
                    let bits = Int(responses[index].bits)
                    if bits < tableSizes[index] {
                        let entry = tableStarts[index] + bits
                        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offsets[entry]..<offsets[entry + 1]]))
                    } else {
                        buffer.append(contentsOf: items[index].pointsText(responses[index]).utf8)
                    }
                }
            }
        }
    }

    /// Appends what ``pointsText(_:_:)`` returns, as UTF-8, without making a string.
    public func appendPointsText(_ index: Int, _ chosen: ChosenOptions, to buffer: inout [UInt8]) {
        guard counts[index] else { return }
        let bits = Int(chosen.bits)
        if bits < tableSizes[index] {
            let entry = tableStarts[index] + bits
            textBytes.withUnsafeBufferPointer { bytes in
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[textOffsets[entry]..<textOffsets[entry + 1]]))
            }
        } else {
            buffer.append(contentsOf: items[index].pointsText(chosen).utf8)
        }
    }

    /// The changes made to the key, in words, for the record in the results.
    public var changeRecord: [String] { items.compactMap { $0.change?.summary } }
}
