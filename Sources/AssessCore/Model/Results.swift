/// What happened to one candidate's submission for one assessment.
public struct SubmissionResult: Sendable, Equatable, Codable {
    /// Where a submission stands.
    public enum Status: String, Sendable, Codable {
        /// Read and processed.
        case processed
        /// Nothing was handed in.
        case notSubmitted = "not_submitted"
        /// Handed in, but no file could be read.
        case unreadable
    }

    /// A submitted file and what became of it.
    public struct FileReport: Sendable, Equatable, Codable {
        public var name: String
        /// The format it was read as; nil when unread.
        public var format: String?
        /// Why it could not be read; nil when it was.
        public var error: String?
        /// SHA-256 of the file's bytes, to tie the feedback to what was handed in.
        public var sha256: String?

        /// Creates a file report.
        public init(name: String, format: String?, error: String?, sha256: String? = nil) {
            self.name = name
            self.format = format
            self.error = error
            self.sha256 = sha256
        }
    }

    public var candidateID: String
    public var status: Status
    public var files: [FileReport]
    /// Findings of the runner and of every processor, including the cohort phase.
    public var findings: [Finding]
    /// One result per configured processor that ran, in configuration order.
    public var processors: [ProcessorResult]

    enum CodingKeys: String, CodingKey {
        case status, files, findings, processors
        case candidateID = "candidate_id"
    }

    /// Creates a submission result.
    public init(candidateID: String, status: Status, files: [FileReport] = [], findings: [Finding] = [], processors: [ProcessorResult] = []) {
        self.candidateID = candidateID
        self.status = status
        self.files = files
        self.findings = findings
        self.processors = processors
    }

    /// Findings that need a person before marks are final.
    public var needsAttention: [Finding] { findings.filter { $0.severity == .attention } }
}

/// Every candidate's result for one assessment, plus the cohort reports.
public struct AssessmentResults: Sendable, Equatable, Codable {
    public var assessment: Assessment
    /// One result per roster candidate, sorted by candidate id.
    public var submissions: [SubmissionResult]
    /// Folders, files or archive entries that matched no candidate.
    public var unmatched: [UnmatchedSubmission]
    /// Cohort-phase reports by processor identifier.
    public var cohortReports: [String: [FeedbackSection]]
    /// Problems of the assessment's own input files (a mark sheet with a wrong level
    /// name…), not of one submission: each needs a person.
    public var problems: [Finding]
    /// Cohort-phase tables by processor identifier (written as CSV beside `results.csv`).
    public var cohortFiles: [String: [ReportFile]]

    enum CodingKeys: String, CodingKey {
        case assessment, submissions, unmatched, problems
        case cohortReports = "cohort_reports"
        case cohortFiles = "cohort_files"
    }

    /// Creates results.
    public init(assessment: Assessment, submissions: [SubmissionResult], unmatched: [UnmatchedSubmission] = [],
                cohortReports: [String: [FeedbackSection]] = [:], cohortFiles: [String: [ReportFile]] = [:], problems: [Finding] = []) {
        self.assessment = assessment
        self.submissions = submissions
        self.unmatched = unmatched
        self.cohortReports = cohortReports
        self.problems = problems
        self.cohortFiles = cohortFiles
    }

    /// Reads results, including those written before `problems` and cohort files existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        assessment = try container.decode(Assessment.self, forKey: .assessment)
        submissions = try container.decode([SubmissionResult].self, forKey: .submissions)
        unmatched = try container.decode([UnmatchedSubmission].self, forKey: .unmatched)
        cohortReports = try container.decode([String: [FeedbackSection]].self, forKey: .cohortReports)
        problems = try container.decodeIfPresent([Finding].self, forKey: .problems) ?? []
        cohortFiles = try container.decodeIfPresent([String: [ReportFile]].self, forKey: .cohortFiles) ?? [:]
    }

    /// The result of one candidate.
    public func result(for candidateID: String) -> SubmissionResult? {
        // The runner gives submissions in candidate-id order: a binary search keeps the
        // writing of N archives from costing N² comparisons (20,000 candidates: 4×10⁸).
        var low = 0, high = submissions.count
        while low < high {
            let middle = (low + high) / 2
            if submissions[middle].candidateID < candidateID { low = middle + 1 } else { high = middle }
        }
        if low < submissions.count && submissions[low].candidateID == candidateID { return submissions[low] }
        // Results built in another order (by hand, or read from an older results.json).
        return submissions.first { $0.candidateID == candidateID }
    }

    /// Counts for `run.json` and the summary line.
    public var counts: Counts {
        Counts(
            candidates: submissions.count,
            submitted: submissions.filter { $0.status != .notSubmitted }.count,
            processed: submissions.filter { $0.status == .processed }.count,
            unreadable: submissions.filter { $0.status == .unreadable }.count,
            findings: submissions.reduce(0) { $0 + $1.findings.count },
            needsAttention: submissions.filter { !$0.needsAttention.isEmpty }.count + unmatched.count + problems.count)
    }

    /// Counts of submissions and findings.
    public struct Counts: Sendable, Equatable, Codable {
        public var candidates, submitted, processed, unreadable, findings, needsAttention: Int

        enum CodingKeys: String, CodingKey {
            case candidates, submitted, processed, unreadable, findings
            case needsAttention = "needs_attention"
        }
    }
}

/// The mark a student sees for an assessment, with the band and the processor that gave it.
public struct ResultMark: Sendable, Equatable {
    /// The mark, rounded as the processor rounds it.
    public var mark: Double
    /// The band's name, when the processor gave one.
    public var band: String?
    /// The identifier of the processor that gave it.
    public var processor: String
}

extension SubmissionResult {
    /// The last mark given in processor order (penalties come after the rubric that gave
    /// the mark they reduce, so the last one is the one that stands); nil when unmarked.
    public var mark: ResultMark? {
        for result in processors.reversed() {
            guard let mark = result.metrics["mark"]?.numberValue else { continue }
            return ResultMark(mark: mark, band: result.metrics["band"]?.stringValue, processor: result.processor)
        }
        return nil
    }
}

extension AssessmentResults {
    /// Why this assessment's marks are not yet complete and agreed, one line per script;
    /// empty when its feedback may be released. An assessment whose processors give no
    /// marks (a `mark` metric, even null) holds nothing back. A submitted script holds
    /// the release while it has no mark (not marked, marks not agreed, unreadable) or a
    /// processor calls its mark `provisional`.
    public var releaseHolds: [String] {
        guard submissions.contains(where: { $0.processors.contains { $0.metrics["mark"] != nil } }) else { return [] }
        var holds: [String] = []
        for submission in submissions where submission.status != .notSubmitted {
            if submission.mark == nil {
                holds.append("\(submission.candidateID): no agreed mark yet")
            } else if submission.processors.contains(where: { $0.metrics["provisional"] == .bool(true) }) {
                holds.append("\(submission.candidateID): the mark is provisional")
            }
        }
        return holds
    }
}
