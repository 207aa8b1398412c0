import AssessCore
import AssessDocuments
import Foundation

/// Applies the course's penalties to the mark of the processors listed before it
/// (`rubric`, or `peer`): late submission against the deadline or an extension, and
/// over-length from `wordcount`'s count. Each penalty carries its rule and its reason
/// into the feedback, because a student who loses marks must be able to see why.
///
/// Submission times come from `submissions.csv` (`candidate_id,submitted_at`, ISO 8601,
/// as the LMS's log or grading worksheet gives them), never from file times, which
/// copying and unzipping change. Extensions come from `extensions.csv`
/// (`candidate_id,extended_to` or `candidate_id,extra_days`).
struct PenaltiesProcessor: Processor, InputChecking {
    static let description = ProcessorDescription(
        identifier: "penalties",
        name: "Penalties",
        summary: "Applies the late-submission and over-length penalties of course.yaml to the mark, each with its rule and reason; times from submissions.csv, extensions from extensions.csv.",
        passingExamples: [
            Example("On time.", configuration: examplePolicy(submitted: "2027-01-15T11:59:00Z"), metrics: ["days_late": 0]),
            Example("Late, within an extension.", configuration: examplePolicy(submitted: "2027-01-18T09:00:00Z", extendedTo: "2027-01-19T12:00:00Z"), metrics: ["days_late": 0]),
        ],
        flaggedExamples: [
            Example("Late by a day and a minute: two days.", configuration: examplePolicy(submitted: "2027-01-16T12:01:00Z"),
                    expect: ["penalties.late"], metrics: ["days_late": 2]),
            Example("Late beyond the last day.", configuration: examplePolicy(submitted: "2027-01-22T12:00:00Z"), expect: ["penalties.late_zero"]),
            Example("No time recorded.", configuration: ["late": ["deduct_per_day": 5], "deadline": "2027-01-15T12:00:00Z", "submissions": ["C9": "2027-01-15T12:00:00Z"]],
                    expect: ["penalties.no_submission_time"]),
        ]
    )

    let policy: PenaltyPolicy
    let deadline: Date?
    /// Submission times by candidate; nil when there is no record (no late check).
    let submittedAt: [String: Date]?
    let extensions: [String: Date]
    let rounding: MarkRounding
    let bands: [Band]
    let inputProblems: [ConfigurationError]

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["late", "over_length", "when_both", "deadline", "submissions", "extensions"])
        let course = configuration.course
        let passMark = course?.passMark ?? CourseSettings.passMark(Band.ukPostgraduate)
        // The course's policy, with any key the assessment sets replacing the course's.
        var entries = course?.penalties?.entries ?? []
        for entry in fields.value.entries where ["late", "over_length", "when_both"].contains(entry.key) {
            entries.removeAll { $0.key == entry.key }
            entries.append(entry)
        }
        policy = try PenaltyPolicy.read(ConfigFields(ConfigValue(.map(entries), at: fields.location), context: "the penalties"), passMark: passMark)
        deadline = try fields.date("deadline") ?? configuration.assessment.deadline
        rounding = course?.rounding ?? .wholeMarks
        bands = course?.bands ?? Band.ukPostgraduate
        let candidates = Set(course?.candidates.map(\.id) ?? [])
        var problems: [ConfigurationError] = []
        let directory = configuration.assessment.directory

        if let inline = try fields.fields("submissions") {
            submittedAt = try Self.dates(inline)
        } else if !directory.isEmpty, FileManager.default.fileExists(atPath: directory + "/submissions.csv") {
            do throws(ConfigurationError) {
                submittedAt = try Self.table(path: directory + "/submissions.csv", column: "submitted_at", candidates: candidates, deadline: nil)
            } catch {
                problems.append(error)
                submittedAt = nil
            }
        } else {
            submittedAt = nil
        }
        var extensions: [String: Date] = [:]
        if let inline = try fields.fields("extensions") {
            extensions = try Self.dates(inline)
        } else if !directory.isEmpty, FileManager.default.fileExists(atPath: directory + "/extensions.csv") {
            do throws(ConfigurationError) {
                extensions = try Self.table(path: directory + "/extensions.csv", column: "extended_to", candidates: candidates, deadline: deadline)
            } catch { problems.append(error) }
        }
        self.extensions = extensions
        inputProblems = problems
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let id = submission.candidateID
        let earlierMark = submission.earlier.last { $0.metrics["raw_mark"]?.numberValue != nil }
        let mark = earlierMark?.metrics["raw_mark"]?.numberValue
        var length: PenaltyPolicy.Length?
        if let count = submission.earlier.last(where: { $0.processor == "wordcount" }),
           let words = count.metrics["words"]?.intValue, let limit = count.metrics["limit"]?.intValue, let allowed = count.metrics["allowed"]?.intValue {
            length = .init(words: words, limit: limit, allowed: allowed)
        }
        var findings: [Finding] = []
        var timing: PenaltyPolicy.Timing?
        if policy.late != nil, let deadline {
            if let submittedAt {
                if let time = submittedAt[id] {
                    timing = .init(deadline: deadline, extendedTo: extensions[id], submittedAt: time)
                } else {
                    findings.append(Finding("penalties.no_submission_time", .attention, "No submission time is recorded for this script in submissions.csv, so lateness could not be checked."))
                }
            }
        }
        let outcome = policy.apply(mark: mark, timing: timing, length: length)
        for penalty in outcome.penalties {
            let what = penalty.applied ? (mark == nil ? "\(markText(penalty.deduction)) marks will be deducted" : "\(markText(penalty.deduction)) marks deducted") : "no deduction"
            switch penalty.kind {
            case .late where outcome.zeroed:
                findings.append(Finding("penalties.late_zero", .attention, "Late: \(penalty.reason). Under the rule (\(penalty.rule)) the mark is 0."))
            case .late:
                findings.append(Finding("penalties.late", .warning, "Late: \(penalty.reason); \(what) (\(penalty.rule))."))
            case .overLength:
                findings.append(Finding("penalties.over_length", .warning, "Over length: \(penalty.reason); \(what) (\(penalty.rule))."))
            case .peerNonSubmission:
                break
            }
        }
        let rounded = outcome.mark.map(rounding.apply)
        let band = rounded.flatMap { value in bands.first { value >= $0.minimum } }
        let applied = outcome.penalties.filter(\.applied)
        let described = applied.map { "\($0.kind == .late ? "late" : "over length"): −\(markText($0.deduction))" } + (outcome.zeroed ? ["late: mark of 0"] : [])
        let metrics: [String: JSONValue] = [
            "penalties": try JSONValue(encoding: outcome.penalties),
            "days_late": .int(outcome.daysLate),
            "submitted_at": timing.map { .string(ISO8601DateFormatter().string(from: $0.submittedAt)) } ?? .null,
            "extended_to": extensions[id].map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
            "mark_before": mark.map(JSONValue.number) ?? .null,
            "raw_mark": outcome.mark.map(JSONValue.number) ?? .null,
            "mark": rounded.map(JSONValue.number) ?? .null,
            "band": band.map { .string($0.name) } ?? .null,
            "would_apply": .string(described.joined(separator: "; ")),
        ]
        let columns = [
            ProcessorResult.Column("days_late", timing == nil ? "" : String(outcome.daysLate)),
            ProcessorResult.Column("penalties", described.joined(separator: "; ")),
            ProcessorResult.Column("final_mark", rounded.map(markText) ?? ""),
            ProcessorResult.Column("final_band", band?.name ?? ""),
        ]
        var feedback: [FeedbackSection] = []
        if !outcome.penalties.isEmpty {
            var facts: [FeedbackSection.Fact] = []
            for penalty in outcome.penalties {
                let label = penalty.kind == .late ? "Late submission" : "Over length"
                facts.append(.init(label, penalty.reason, emphasis: penalty.applied))
                facts.append(.init("Rule", penalty.rule))
            }
            if let mark, let rounded {
                facts.append(.init("Mark before penalties", markText(rounding.apply(mark))))
                facts.append(.init("Mark after penalties", markText(rounded), emphasis: true))
            }
            let summary = applied.isEmpty && !outcome.zeroed ? "No deduction." : outcome.zeroed ? "The late-submission rule gives a mark of 0." :
                "\(markText(applied.reduce(0) { $0 + $1.deduction })) marks \(mark == nil ? "will be" : "were") deducted."
            feedback.append(FeedbackSection(title: "Penalties", summary: summary, facts: facts,
                                            notes: outcome.penalties.count > 1 ? ["When both penalties apply, \(policy.whenBoth == .larger ? "only the larger one is deducted" : "both are deducted")."] : []))
        }
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings, feedback: feedback)
    }
}

private extension PenaltiesProcessor {
    /// `{candidate: date}` written in the options.
    static func dates(_ fields: ConfigFields) throws(ConfigurationError) -> [String: Date] {
        var result: [String: Date] = [:]
        for entry in fields.value.entries {
            guard let date = try fields.date(entry.key) else { continue }
            result[entry.key] = date
        }
        return result
    }

    /// `submissions.csv` (`candidate_id,submitted_at`) or `extensions.csv`
    /// (`candidate_id,extended_to`, or `extra_days` added to the deadline).
    static func table(path: String, column: String, candidates: Set<String>, deadline: Date?) throws(ConfigurationError) -> [String: Date] {
        try CSVTable.checkSize(path: path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("cannot read the file as UTF-8 text", at: SourceLocation(file: path))
        }
        let table = try CSVTable.parse(text, file: path)
        let days = column == "extended_to" ? table.column("extra_days") : nil
        guard let key = table.column("candidate_id"), let dateColumn = table.column(column) ?? days else {
            throw ConfigurationError("the header must name 'candidate_id' and '\(column)'\(column == "extended_to" ? " (or 'extra_days')" : "") columns (found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        var result: [String: Date] = [:]
        var lines: [String: Int] = [:]
        for row in table.rows {
            func cell(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmingWhitespace() : "" }
            let id = cell(key)
            guard candidates.isEmpty || candidates.contains(id) else {
                throw ConfigurationError("'\(id)' is not on the roster; check the candidate_id", at: row.location(key, file: path))
            }
            if let first = lines[id] { throw ConfigurationError("'\(id)' appears again (first on line \(first)); keep one row", at: row.location(key, file: path)) }
            lines[id] = row.line
            if dateColumn == days, let deadline {
                guard let extra = Int(cell(dateColumn)), extra > 0 else {
                    throw ConfigurationError("'extra_days' must be a whole number of days, not '\(cell(dateColumn))'", at: row.location(dateColumn, file: path))
                }
                result[id] = deadline.addingTimeInterval(Double(extra) * 86_400)
            } else {
                guard let date = ConfigFields.parseDate(cell(dateColumn)) else {
                    throw ConfigurationError("'\(cell(dateColumn))' is not a date and time such as 2027-01-15T11:58:00Z", at: row.location(dateColumn, file: path))
                }
                result[id] = date
            }
        }
        return result
    }
}

/// The policy of the examples: 5 marks a day, capped at the pass mark, 0 after 5 days.
private func examplePolicy(submitted: String, extendedTo: String? = nil) -> ConfigValue {
    let late: ConfigValue = ["deduct_per_day": 5, "cap_at": "pass", "zero_after_days": 5]
    let submissions: ConfigValue = ["C1": .init(.string(submitted))]
    guard let extendedTo else { return ["late": late, "deadline": "2027-01-15T12:00:00Z", "submissions": submissions] }
    return ["late": late, "deadline": "2027-01-15T12:00:00Z", "submissions": submissions, "extensions": ["C1": .init(.string(extendedTo))]]
}
