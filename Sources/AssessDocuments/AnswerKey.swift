/// The answer key of a multiple-choice test: its items in order, each with its options
/// (labelled A, B, C… in the key's own order, whatever order students saw) and the rule
/// that turns the options a candidate chose into marks.
///
/// Keys come from our own YAML/CSV format (read in `AssessCore`), Moodle XML exports
/// (``MoodleXMLKeyReader``) and IMS QTI 2.x/3.0 items, tests and content packages
/// (``QTIKeyReader``). Whatever the source, marking sees only this model.
public struct AnswerKey: Sendable, Equatable {
    /// Where a key was read from; it sets the marking semantics named in results.
    public enum Format: String, Sendable, Equatable, Codable {
        case yaml, csv
        case moodleXML = "moodle_xml"
        case qti
    }

    /// The format the key was read from.
    public var format: Format
    /// The test's title, when the key names one.
    public var title: String?
    /// The items that can be marked, in the key's order.
    public var items: [KeyItem]
    /// What was skipped or assumed while reading, for the module lead.
    public var warnings: [KeyWarning]

    /// Creates a key.
    public init(format: Format, title: String? = nil, items: [KeyItem], warnings: [KeyWarning] = []) {
        self.format = format
        self.title = title
        self.items = items
        self.warnings = warnings
    }

    /// The most items a key may hold.
    public static let maximumItems = 10_000
}

/// Something a key reader skipped or assumed: a stable code and one sentence.
public struct KeyWarning: Sendable, Equatable, Hashable, Codable {
    /// Dotted and stable, e.g. `mcq.key.unsupported_type`.
    public var code: String
    /// What happened and what it means for the marks.
    public var message: String

    /// Creates a warning.
    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// One question of a key.
public struct KeyItem: Sendable, Equatable {
    /// The item's name: a Moodle question name, a QTI item identifier, or the `item` of
    /// our own format. Answer-sheet columns may use it instead of `Q1…Qn`.
    public var id: String
    /// The question as plain text (HTML reduced to text); may be empty.
    public var text: String
    /// The options in the key's own order; option `i` is labelled ``KeyOption/label(_:)``.
    public var options: [KeyOption]
    /// Whether candidates may choose several options (Moodle `single=false`, QTI
    /// `cardinality="multiple"`).
    public var multipleAnswer: Bool
    /// The item's full marks (Moodle `defaultgrade`, QTI maximum score, our `marks`).
    public var marks: Double
    /// How chosen options become a fraction of ``marks``.
    public var scoring: KeyScoring
    /// The item's 1-based position among all questions of the source, skipped ones included.
    public var sourcePosition: Int

    /// Creates an item.
    public init(id: String, text: String = "", options: [KeyOption], multipleAnswer: Bool, marks: Double,
                scoring: KeyScoring, sourcePosition: Int) {
        self.id = id
        self.text = text
        self.options = options
        self.multipleAnswer = multipleAnswer
        self.marks = marks
        self.scoring = scoring
        self.sourcePosition = sourcePosition
    }

    /// The most options an item may have: A to O.
    public static let maximumOptions = 15
}

/// One option of an item.
public struct KeyOption: Sendable, Equatable {
    /// The option's text, plain; may be empty.
    public var text: String
    /// The identifier the source gave it (a QTI `simpleChoice` identifier, or the letter).
    public var identifier: String

    /// Creates an option.
    public init(text: String, identifier: String) {
        self.text = text
        self.identifier = identifier
    }

    /// The letter of the option at `index`: 0 is A, 1 is B…
    public static func label(_ index: Int) -> String {
        guard index >= 0 && index < 26, let scalar = Unicode.Scalar(UInt32(65 + index)) else { return "?" }
        return String(Character(scalar))
    }
}

/// The options a candidate chose on one item, as a bit set: bit `i` is option `i`
/// (A is bit 0). Compact, so a cohort of 200,000 sheets of 60 items fits in 24 MB.
public struct ChosenOptions: Sendable, Hashable, Codable {
    /// Bit `i` set: option `i` chosen; bit 15 set: the cell held something that is not
    /// an answer (an invalid mark).
    public var bits: UInt16

    /// Creates a set from its bits.
    public init(bits: UInt16) { self.bits = bits }

    /// Creates a set of option indices.
    public init(_ indices: some Sequence<Int>) {
        var bits: UInt16 = 0
        for index in indices where index >= 0 && index < KeyItem.maximumOptions { bits |= 1 << UInt16(index) }
        self.bits = bits
    }

    /// Nothing chosen: a blank.
    public static let blank = ChosenOptions(bits: 0)
    /// A cell that holds something other than answers.
    public static let invalid = ChosenOptions(bits: 0x8000)

    /// Whether nothing was chosen (and the cell was not invalid).
    public var isBlank: Bool { bits == 0 }
    /// Whether the cell held an invalid mark.
    public var isInvalid: Bool { bits & 0x8000 != 0 }
    /// The number of options chosen.
    public var count: Int { isInvalid ? 0 : bits.nonzeroBitCount }
    /// Whether option `index` was chosen.
    public func contains(_ index: Int) -> Bool { !isInvalid && index >= 0 && index < 15 && bits & (1 << UInt16(index)) != 0 }
    /// The chosen option indices, ascending.
    public var indices: [Int] { isInvalid ? [] : (0..<15).filter { bits & (1 << UInt16($0)) != 0 } }
    /// The chosen letters, e.g. `AC`; empty for a blank, `?` for an invalid mark.
    public var letters: String { isInvalid ? "?" : indices.map(KeyOption.label).joined() }
}

/// How an item turns the chosen options into a fraction of its marks.
public enum KeyScoring: Sendable, Equatable {
    /// Moodle's rule. Each option carries a fraction of the item's marks (−1…1): a
    /// single-answer item scores the chosen option's fraction; a multiple-answer item
    /// the sum of the chosen options' fractions, clamped to 0…1. Several lists: several
    /// accepted keys, and the best of them applies.
    case fractions([[Double]])
    /// QTI `match_correct`: full marks when the set of chosen options equals one of
    /// these sets (several: several accepted keys), nothing otherwise.
    case matchCorrect([ChosenOptions])
    /// QTI `map_response`: the mapped values of the chosen options, summed and clamped.
    case mapResponse(KeyMapping)
}

/// A QTI `mapping`, resolved to options: every option's value (its `mapEntry`, or the
/// `defaultValue`), and the bounds.
public struct KeyMapping: Sendable, Equatable {
    /// The value of choosing option `i`.
    public var values: [Double]
    /// `lowerBound`, when given.
    public var lowerBound: Double?
    /// `upperBound`, when given.
    public var upperBound: Double?

    /// Creates a mapping.
    public init(values: [Double], lowerBound: Double?, upperBound: Double?) {
        self.values = values
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The points of a chosen set: the sum of the values, clamped to the bounds.
    public func points(_ chosen: ChosenOptions) -> Double {
        var sum = 0.0
        for index in chosen.indices where index < values.count { sum += values[index] }
        if let lowerBound { sum = max(sum, lowerBound) }
        if let upperBound { sum = min(sum, upperBound) }
        return sum
    }

    /// The most points any response can earn: all positive values (one, for a
    /// single-answer item), clamped to the bounds.
    public func maximumPoints(multipleAnswer: Bool) -> Double {
        var best = multipleAnswer ? values.filter { $0 > 0 }.reduce(0, +) : (values.max() ?? 0)
        if let upperBound { best = min(best, upperBound) }
        if let lowerBound { best = max(best, lowerBound) }
        return best
    }
}
