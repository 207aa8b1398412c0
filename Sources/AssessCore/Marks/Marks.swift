/// The marks model: plain values, independent of how they are stored (files, the SQLite
/// ledger, or a future server's database). Processors write them into results, the
/// ledger reads them back.

/// Which marking a mark is.
public enum MarkingRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// The first marker's mark.
    case first
    /// The second (blind or open) marker's mark.
    case second
    /// A third marker, called in when the first two disagree.
    case third

    private var rank: Int { self == .first ? 0 : self == .second ? 1 : 2 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A row of a mark sheet: where a mark came from.
public struct SheetRow: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The sheet's path, as found under the assessment's `marks/`.
    public var file: String
    /// The 1-based line of the row (CSV) or of the entry (YAML).
    public var row: Int

    /// Creates a sheet location.
    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }

    public var description: String { "\(file) row \(row)" }
}

/// A marker's choice for one criterion.
public struct CriterionSelection: Sendable, Equatable, Codable {
    /// The criterion's id.
    public var criterion: String
    /// The chosen level's name; nil for a marking-guide score.
    public var level: String?
    /// The points of the level, or the score given.
    public var points: Double
    /// The marker's comment on this criterion (bank comments expanded).
    public var comment: String?

    /// Creates a selection.
    public init(criterion: String, level: String? = nil, points: Double, comment: String? = nil) {
        self.criterion = criterion
        self.level = level
        self.points = points
        self.comment = comment
    }
}

/// One marker's mark for one script, as imported from a sheet.
public struct MarkRecord: Sendable, Equatable, Codable {
    /// The candidate id, or the group for group work marked by group.
    public var script: String
    /// The marker's id as the allocation and sheets name them.
    public var marker: String
    public var role: MarkingRole
    /// A choice per criterion, in rubric order.
    public var selections: [CriterionSelection]
    public var overallComment: String?
    /// The mark the rubric gives for the selections, unrounded.
    public var mark: Double
    /// Where it was read.
    public var source: SheetRow

    enum CodingKeys: String, CodingKey {
        case script, marker, role, selections, mark, source
        case overallComment = "overall_comment"
    }

    /// Creates a mark record.
    public init(script: String, marker: String, role: MarkingRole, selections: [CriterionSelection], overallComment: String? = nil, mark: Double, source: SheetRow) {
        self.script = script
        self.marker = marker
        self.role = role
        self.selections = selections
        self.overallComment = overallComment
        self.mark = mark
        self.source = source
    }
}

/// A mark the markers agreed after a discrepancy, with the reason: from `marks/agreed.csv`.
public struct AgreedMark: Sendable, Equatable, Codable {
    public var script: String
    public var mark: Double
    /// Why this mark: required, for the exam board.
    public var reason: String
    /// Who agreed it (free text, such as "AB and CD").
    public var agreedBy: String?
    public var source: SheetRow

    enum CodingKeys: String, CodingKey {
        case script, mark, reason, source
        case agreedBy = "agreed_by"
    }

    /// Creates an agreed mark.
    public init(script: String, mark: Double, reason: String, agreedBy: String? = nil, source: SheetRow) {
        self.script = script
        self.mark = mark
        self.reason = reason
        self.agreedBy = agreedBy
        self.source = source
    }
}

/// How a script's final mark was reached.
public enum Resolution: String, Sendable, Codable {
    /// One mark only (no second marking allocated, or none yet).
    case single
    /// First and second within the threshold: their mean (or the first's, by policy).
    case combined
    /// An agreed mark with its reason.
    case agreed
    /// A third marker's mark decided.
    case thirdMarker = "third_marker"
    /// The first two disagree and nothing resolves it yet: no final mark.
    case unresolved
    /// Nobody has marked the script.
    case unmarked
}

/// Everything about the marking of one script: the marks, how they were reconciled,
/// and whether the moderator samples it.
public struct ScriptMarking: Sendable, Equatable, Codable {
    public var script: String
    /// Every imported mark, first, second, third.
    public var marks: [MarkRecord]
    public var agreed: AgreedMark?
    /// The final mark before penalties, unrounded; nil when unresolved or unmarked.
    public var finalMark: Double?
    public var resolution: Resolution
    /// Why the first and second marks need agreement (nil when they do not).
    public var discrepancy: String?
    /// Whether a second mark is allocated but not in yet.
    public var awaitingSecond: Bool
    /// Why the moderator's sample holds the script (empty: not sampled).
    public var sampleReasons: [String]

    enum CodingKeys: String, CodingKey {
        case script, marks, agreed, resolution, discrepancy
        case finalMark = "final_mark"
        case awaitingSecond = "awaiting_second"
        case sampleReasons = "sample_reasons"
    }

    /// Creates a script's marking.
    public init(script: String, marks: [MarkRecord] = [], agreed: AgreedMark? = nil, finalMark: Double? = nil, resolution: Resolution = .unmarked,
                discrepancy: String? = nil, awaitingSecond: Bool = false, sampleReasons: [String] = []) {
        self.script = script
        self.marks = marks
        self.agreed = agreed
        self.finalMark = finalMark
        self.resolution = resolution
        self.discrepancy = discrepancy
        self.awaitingSecond = awaitingSecond
        self.sampleReasons = sampleReasons
    }

    /// The mark of a role, if given.
    public func mark(_ role: MarkingRole) -> MarkRecord? { marks.first { $0.role == role } }
}

/// A penalty as applied to a mark, with its rule and its reason.
public struct AppliedPenalty: Sendable, Equatable, Codable {
    /// What the penalty is for.
    public enum Kind: String, Sendable, Codable {
        case late
        case overLength = "over_length"
        case peerNonSubmission = "peer_non_submission"
    }

    public var kind: Kind
    /// The rule as the policy states it ("5 marks per day or part day late").
    public var rule: String
    /// Why it applies to this script ("submitted 2 days after the deadline of …").
    public var reason: String
    /// Marks taken off (0 when another penalty was larger and the policy takes the larger).
    public var deduction: Double
    /// Whether it changed the mark (false: superseded by a larger penalty).
    public var applied: Bool

    /// Creates an applied penalty.
    public init(kind: Kind, rule: String, reason: String, deduction: Double, applied: Bool = true) {
        self.kind = kind
        self.rule = rule
        self.reason = reason
        self.deduction = deduction
        self.applied = applied
    }
}
