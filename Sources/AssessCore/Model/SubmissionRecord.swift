/// A submission that arrives as one row of a file holding the whole cohort (an answer
/// sheet in an MCQ's `responses.csv`) rather than as files in the candidate's folder.
/// A processor that reads such a file returns the rows from
/// ``Processor/cohortSubmissions(candidates:)``; the runner hands each candidate their
/// row in ``SubmissionContent/records``.
public struct SubmissionRecord: Sendable, Equatable, Codable {
    /// The file's name, e.g. `responses.csv`.
    public var source: String
    /// The row's 1-based line in the file.
    public var line: Int
    /// The file's header.
    public var header: [String]
    /// The row's fields, in header order.
    public var fields: [String]

    /// Creates a record.
    public init(source: String, line: Int, header: [String], fields: [String]) {
        self.source = source
        self.line = line
        self.header = header
        self.fields = fields
    }

    /// How the record is named in results: `responses.csv, line 12`.
    public var name: String { "\(source), line \(line)" }
}

/// The rows of a cohort-wide file, matched to the roster.
public struct CohortSubmissions: Sendable, Equatable {
    /// Each matched candidate's row.
    public var records: [String: SubmissionRecord]
    /// Rows that matched nobody, second rows for one candidate, or a file that could not be read.
    public var unmatched: [UnmatchedSubmission]

    /// Creates the rows of a file.
    public init(records: [String: SubmissionRecord] = [:], unmatched: [UnmatchedSubmission] = []) {
        self.records = records
        self.unmatched = unmatched
    }
}
