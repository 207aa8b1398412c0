import AssessCore
import AssessDocuments
import Foundation

/// Turns a group mark into each member's mark by peer assessment, with Loughborough's
/// WebPA method (see ``WebPA``): the group mark is the mark of the processor listed
/// before it (`rubric`, marked by group), groups come from the roster, and ratings from
/// `peer.csv` (`rater,ratee` and one column of points per criterion). Group work is
/// where students most often feel a mark is unfair, so the feedback shows every figure.
struct PeerProcessor: Processor, InputChecking {
    static let description = ProcessorDescription(
        identifier: "peer",
        name: "Peer assessment (WebPA)",
        summary: "Adjusts a group mark for each member by WebPA peer assessment (scores normalised per rater, fudge factor, PA weighting, non-submission penalty); groups from the roster, ratings from peer.csv.",
        passingExamples: [
            Example("Group work.", configuration: exampleOptions(raters: ["C1", "C2", "C3"]), metrics: ["webpa_score": 1, "fudge_factor": 1]),
        ],
        flaggedExamples: [
            Example("Group work.", configuration: exampleOptions(raters: ["C2", "C3"]), expect: ["peer.not_submitted"], metrics: ["fudge_factor": 1.5]),
            Example("Group work.", configuration: ["groups": ["G1": ["C2", "C3"]], "ratings": []], expect: ["peer.no_group"]),
        ]
    )

    let scores: [String: WebPA.Score]
    /// The PA weighting, 0…1.
    let weighting: Double
    let penalty: WebPA.Penalty?
    let rounding: MarkRounding
    let inputProblems: [ConfigurationError]

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["weighting", "penalty", "self_assessment", "groups", "ratings"])
        weighting = try Self.percent(fields, "weighting") ?? 0.5
        if let penaltyFields = try fields.fields("penalty") {
            try penaltyFields.allowOnly(["percent", "marks"])
            if let percent = try penaltyFields.number("percent") {
                guard (0...100).contains(percent) else { throw ConfigurationError("'percent' must be from 0 to 100", at: penaltyFields.raw("percent")?.location) }
                penalty = .percent(percent)
            } else if let marks = try penaltyFields.number("marks") {
                penalty = .marks(marks)
            } else {
                throw ConfigurationError("a penalty needs 'percent' (of the mark) or 'marks'", at: penaltyFields.location)
            }
        } else {
            penalty = nil
        }
        let selfAssessment = try fields.bool("self_assessment") ?? true
        rounding = configuration.course?.rounding ?? .wholeMarks

        var groups: [String: [String]] = [:]
        if let inline = try fields.fields("groups") {
            for entry in inline.value.entries { groups[entry.key] = try inline.strings(entry.key) ?? [] }
        } else {
            for candidate in configuration.course?.candidates ?? [] {
                if let group = candidate.group { groups[group, default: []].append(candidate.id) }
            }
        }
        var ratings: [WebPA.Rating] = []
        var problems: [ConfigurationError] = []
        if let inline = fields.raw("ratings") {
            guard case .list(let items) = inline.kind else { throw fields.wrongType("ratings", inline, expected: "a list of {rater, ratee, score}") }
            for item in items {
                let rating = try ConfigFields(item, context: "a rating")
                try rating.allowOnly(["rater", "ratee", "score"])
                ratings.append(WebPA.Rating(rater: try rating.string("rater", required: true) ?? "", ratee: try rating.string("ratee", required: true) ?? "",
                                            score: try rating.number("score", required: true) ?? 0))
            }
        } else if !configuration.assessment.directory.isEmpty {
            let path = configuration.assessment.directory + "/peer.csv"
            if FileManager.default.fileExists(atPath: path) {
                do throws(ConfigurationError) { ratings = try Self.ratings(path: path, groups: groups) } catch { problems.append(error) }
            }
        }
        inputProblems = problems
        scores = WebPA(groups: groups, ratings: ratings, selfAssessment: selfAssessment).scores()
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        guard let score = scores[submission.candidateID] else {
            return ProcessorResult(processor: Self.identifier, findings: [
                Finding("peer.no_group", .attention, "The roster gives no group for this candidate, so peer assessment cannot adjust the group mark; add the group to roster.csv."),
            ])
        }
        let groupMark = submission.earlier.last { $0.metrics["raw_mark"]?.numberValue != nil }?.metrics["raw_mark"]?.numberValue
        let mark = groupMark.map { WebPA.mark(groupMark: $0, score: score, weighting: weighting, penalty: penalty) }
        var findings: [Finding] = []
        if !score.submitted {
            let consequence = penalty.map { " The non-submission penalty applies: \($0.description)." } ?? ""
            findings.append(Finding("peer.not_submitted", .warning, "No peer assessment was submitted by this candidate.\(consequence)"))
        }
        func figure(_ value: Double) -> JSONValue { .number((value * 1_000_000).rounded() / 1_000_000) }
        let metrics: [String: JSONValue] = [
            "group": .string(score.group),
            "submitted": .bool(score.submitted),
            "fractions_received": figure(score.fractionsReceived),
            "fudge_factor": figure(score.fudgeFactor),
            "webpa_score": score.webpaScore.map(figure) ?? .null,
            "pa_weighting": figure(weighting),
            "group_mark": groupMark.map(JSONValue.number) ?? .null,
            "raw_mark": mark.map(JSONValue.number) ?? .null,
            "mark": mark.map { .number(rounding.apply($0)) } ?? .null,
        ]
        let columns = [
            ProcessorResult.Column("group", score.group),
            ProcessorResult.Column("webpa_score", score.webpaScore.map { markText(($0 * 1000).rounded() / 1000) } ?? ""),
            ProcessorResult.Column("peer_mark", mark.map { markText(rounding.apply($0)) } ?? ""),
        ]
        var facts: [FeedbackSection.Fact] = [
            .init("Your WebPA score", score.webpaScore.map { markText(($0 * 100).rounded() / 100) } ?? "— (nobody in the group submitted)", emphasis: true),
            .init("Share of the group mark peer assessed", "\(markText(weighting * 100))%"),
        ]
        if let groupMark, let mark {
            facts.append(.init("Group mark", markText(rounding.apply(groupMark))))
            facts.append(.init("Your mark", markText(rounding.apply(mark)), emphasis: true))
        }
        let notes = [
            "Each member's ratings are divided by the total that member gave, so everyone hands out the same amount; your WebPA score is what you received, times the group size over the number who rated (here \(markText((score.fudgeFactor * 100).rounded() / 100))). A score of 1 is an equal share.",
            "Your mark = WebPA score × \(markText(weighting * 100))% of the group mark + the other \(markText((1 - weighting) * 100))% of the group mark.",
        ]
        let feedback = FeedbackSection(title: "Peer assessment (WebPA)", summary: score.submitted ? "You submitted your peer assessment." : "You did not submit your peer assessment.",
                                       facts: facts, notes: notes)
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings, feedback: [feedback])
    }
}

private extension PeerProcessor {
    static func percent(_ fields: ConfigFields, _ key: String) throws(ConfigurationError) -> Double? {
        guard let raw = fields.raw(key) else { return nil }
        if let text = raw.text, text.hasSuffix("%"), let value = Double(text.dropLast()), (0...100).contains(value) { return value / 100 }
        throw ConfigurationError("'\(key)' must be a percent such as 50%", at: raw.location)
    }

    /// `peer.csv`: `rater`, `ratee`, then one column of points per criterion (summed).
    static func ratings(path: String, groups: [String: [String]]) throws(ConfigurationError) -> [WebPA.Rating] {
        try CSVTable.checkSize(path: path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("cannot read the file as UTF-8 text", at: SourceLocation(file: path))
        }
        let table = try CSVTable.parse(text, file: path)
        guard let raterColumn = table.column("rater"), let rateeColumn = table.column("ratee") else {
            throw ConfigurationError("the header must name 'rater' and 'ratee' columns, then one column per criterion (found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let criteria = table.header.indices.filter { $0 != raterColumn && $0 != rateeColumn && table.header[$0].lowercased() != "group" }
        guard !criteria.isEmpty else {
            throw ConfigurationError("the header names no criterion column after rater and ratee", at: SourceLocation(file: path, line: 1, column: 1))
        }
        var groupOf: [String: String] = [:]
        for (group, members) in groups { for member in members { groupOf[member] = group } }
        var result: [WebPA.Rating] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func cell(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmingWhitespace() : "" }
            let rater = cell(raterColumn), ratee = cell(rateeColumn)
            guard let group = groupOf[rater] else {
                throw ConfigurationError("rater '\(rater)' is in no group on the roster", at: row.location(raterColumn, file: path))
            }
            guard groupOf[ratee] == group else {
                throw ConfigurationError("'\(ratee)' is not in \(rater)'s group \(group)", at: row.location(rateeColumn, file: path))
            }
            if let first = seen[rater + "\u{0}" + ratee] {
                throw ConfigurationError("\(rater) rated \(ratee) already on line \(first); keep one row", at: row.location(rateeColumn, file: path))
            }
            seen[rater + "\u{0}" + ratee] = row.line
            var total = 0.0
            for column in criteria {
                guard let value = Double(cell(column)), value >= 0, value.isFinite else {
                    throw ConfigurationError("'\(cell(column))' in '\(table.header[column])' is not a score of 0 or more", at: row.location(column, file: path))
                }
                total += value
            }
            result.append(WebPA.Rating(rater: rater, ratee: ratee, score: total))
        }
        return result
    }
}

/// A group of three in which `raters` rated everyone (self included) equally.
private func exampleOptions(raters: [String]) -> ConfigValue {
    let ratings = raters.flatMap { rater in ["C1", "C2", "C3"].map { ratee -> ConfigValue in ["rater": .init(.string(rater)), "ratee": .init(.string(ratee)), "score": 4] } }
    return ["groups": ["G1": ["C1", "C2", "C3"]], "ratings": .init(.list(ratings)), "weighting": "50%", "penalty": ["percent": 10]]
}
