/// Feedback in a form every writer can render (HTML, plain text, JSON) without knowing
/// which processor wrote it: a title, a sentence, facts, a table, a rubric grid and notes.
public struct FeedbackSection: Sendable, Equatable, Codable {
    /// A labelled value, such as "Words counted: 2,412".
    public struct Fact: Sendable, Equatable, Codable {
        public var label: String
        public var value: String
        /// Draw the reader's eye to it (also marked in text, never by colour alone).
        public var emphasis: Bool

        /// Creates a fact.
        public init(_ label: String, _ value: String, emphasis: Bool = false) {
            self.label = label
            self.value = value
            self.emphasis = emphasis
        }
    }

    /// A table with a caption and column headers.
    public struct Table: Sendable, Equatable, Codable {
        public var caption: String
        public var columns: [String]
        public var rows: [[String]]

        /// Creates a table.
        public init(caption: String, columns: [String], rows: [[String]]) {
            self.caption = caption
            self.columns = columns
            self.rows = rows
        }
    }

    public var title: String
    /// One plain sentence that says what matters most.
    public var summary: String?
    public var facts: [Fact]
    public var table: Table?
    /// Further points, shown as a list.
    public var notes: [String]
    /// A chart drawn before the table (reports only), whose data the table repeats.
    public var chart: Chart?
    /// A rubric with every criterion and level and the levels chosen; nil for sections
    /// that are not a rubric (absent from JSON then, so older results still read).
    public var grid: RubricGrid?

    /// Creates a section.
    public init(title: String, summary: String? = nil, facts: [Fact] = [], table: Table? = nil, notes: [String] = [], chart: Chart? = nil,
                grid: RubricGrid? = nil) {
        self.title = title
        self.summary = summary
        self.facts = facts
        self.table = table
        self.notes = notes
        self.chart = chart
        self.grid = grid
    }
}

/// A rubric as a student reads it: every criterion, every level with its descriptor, the
/// level the marker chose (writers mark it in words and shape, never by colour alone),
/// the criterion's comment and the overall comment. Built by whatever processor applies
/// a rubric; the writers know nothing of rubric files or mark sheets.
public struct RubricGrid: Sendable, Equatable, Codable {
    /// One level of a criterion.
    public struct Level: Sendable, Equatable, Codable {
        public var name: String
        /// What work at this level looks like (may be empty).
        public var descriptor: String
        /// The points the level carries, as text ("65").
        public var points: String
        /// Whether the marker chose this level.
        public var chosen: Bool

        /// Creates a level.
        public init(name: String, descriptor: String = "", points: String, chosen: Bool) {
            self.name = name
            self.descriptor = descriptor
            self.points = points
            self.chosen = chosen
        }
    }

    /// One criterion: its levels, or a free score for a marking guide.
    public struct Criterion: Sendable, Equatable, Codable {
        public var title: String
        public var description: String
        /// The weight as text ("60%"), nil when the rubric does not weight criteria.
        public var weight: String?
        /// Every level, lowest first as the rubric lists them; empty for a marking guide.
        public var levels: [Level]
        /// The score given, as text ("7 of 10"), for a marking guide or when no level was
        /// chosen; nil when a level carries it.
        public var score: String?
        /// The marker's comment on this criterion.
        public var comment: String?

        /// Creates a criterion.
        public init(title: String, description: String = "", weight: String? = nil, levels: [Level] = [], score: String? = nil, comment: String? = nil) {
            self.title = title
            self.description = description
            self.weight = weight
            self.levels = levels
            self.score = score
            self.comment = comment
        }

        /// The chosen level, if any.
        public var chosen: Level? { levels.first { $0.chosen } }
    }

    /// The rubric's title.
    public var title: String
    public var criteria: [Criterion]
    /// The marker's overall comment.
    public var overallComment: String?

    enum CodingKeys: String, CodingKey {
        case title, criteria
        case overallComment = "overall_comment"
    }

    /// Creates a grid.
    public init(title: String, criteria: [Criterion], overallComment: String? = nil) {
        self.title = title
        self.criteria = criteria
        self.overallComment = overallComment
    }
}

/// What one processor made of one submission.
public struct ProcessorResult: Sendable, Equatable, Codable {
    /// A value for the assessment's `results.csv`.
    public struct Column: Sendable, Equatable, Codable {
        public var name: String
        public var value: String
        /// Creates a column value.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The processor's identifier.
    public var processor: String
    /// Machine-readable figures (in `feedback.json`).
    public var metrics: [String: JSONValue]
    /// Figures for staff only (markers' marks, moderation): in `results.json` and the
    /// ledger, never in a student's archive. Nil when there are none.
    public var restricted: [String: JSONValue]?
    /// Columns for `results.csv`, in order.
    public var columns: [Column]
    public var findings: [Finding]
    /// What the student and the marker read.
    public var feedback: [FeedbackSection]

    /// Creates a result.
    public init(processor: String, metrics: [String: JSONValue] = [:], columns: [Column] = [],
                findings: [Finding] = [], feedback: [FeedbackSection] = [], restricted: [String: JSONValue]? = nil) {
        self.processor = processor
        self.restricted = restricted
        self.metrics = metrics
        self.columns = columns
        self.findings = findings
        self.feedback = feedback
    }
}
