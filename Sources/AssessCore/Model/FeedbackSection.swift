/// Feedback in a form every writer can render (HTML, plain text, JSON) without knowing
/// which processor wrote it: a title, a sentence, facts, a table and notes.
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

    /// Creates a section.
    public init(title: String, summary: String? = nil, facts: [Fact] = [], table: Table? = nil, notes: [String] = [], chart: Chart? = nil) {
        self.title = title
        self.summary = summary
        self.facts = facts
        self.table = table
        self.notes = notes
        self.chart = chart
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
