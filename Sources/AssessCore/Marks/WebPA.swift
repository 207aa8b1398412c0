/// Peer assessment by Loughborough University's WebPA method (its scoring algorithm,
/// `class_webpa_algorithm.php`, and its documented worked example):
///
/// 1. Each rater's scores (over every criterion) are divided by the total that rater
///    gave, so each rater hands out fractions adding up to 1.
/// 2. A member's fractions received are added up and multiplied by the fudge factor,
///    group size ÷ members who submitted: the WebPA score (1 = an equal share).
/// 3. With the PA weighting w, the member's mark is
///    WebPA score × w × group mark + (1 − w) × group mark, kept within 0–100; when
///    nobody in the group submitted, the group mark.
/// 4. A member who did not submit loses the non-submission penalty: a percent of their
///    mark (mark × (1 − p/100)) or a number of marks (mark − p), kept within 0–100.
///
/// In a peer-only assessment (no self-rating), WebPA lets each non-submitter rate every
/// other member equally, so nobody else is penalised; the fudge factor is then 1.
public struct WebPA: Sendable, Equatable {
    /// One rating: `rater` gave `ratee` these points (summed over criteria).
    public struct Rating: Sendable, Equatable {
        public var rater: String
        public var ratee: String
        public var score: Double

        /// Creates a rating.
        public init(rater: String, ratee: String, score: Double) {
            self.rater = rater
            self.ratee = ratee
            self.score = score
        }
    }

    /// The non-submission penalty.
    public enum Penalty: Sendable, Equatable, Codable {
        /// A percent of the mark.
        case percent(Double)
        /// Marks (percentage points).
        case marks(Double)

        /// In words.
        public var description: String {
            switch self {
            case .percent(let value): "\(markText(value))% of the mark"
            case .marks(let value): "\(markText(value)) marks"
            }
        }
    }

    /// One member's figures.
    public struct Score: Sendable, Equatable, Codable {
        public var candidate: String
        public var group: String
        /// Whether the member submitted ratings.
        public var submitted: Bool
        /// Σ fractions received.
        public var fractionsReceived: Double
        /// Group size ÷ members who submitted (1 when nobody did, or peer-only).
        public var fudgeFactor: Double
        /// The WebPA score; nil when nobody in the group submitted.
        public var webpaScore: Double?

        enum CodingKeys: String, CodingKey {
            case candidate, group, submitted
            case fractionsReceived = "fractions_received"
            case fudgeFactor = "fudge_factor"
            case webpaScore = "webpa_score"
        }
    }

    /// Groups: group name → member ids.
    public var groups: [String: [String]]
    public var ratings: [Rating]
    /// Whether members rate themselves (self and peer); false: peer only.
    public var selfAssessment: Bool

    /// Creates a peer assessment.
    public init(groups: [String: [String]], ratings: [Rating], selfAssessment: Bool = true) {
        self.groups = groups
        self.ratings = ratings
        self.selfAssessment = selfAssessment
    }

    /// Every member's WebPA figures.
    public func scores() -> [String: Score] {
        var result: [String: Score] = [:]
        for (group, members) in groups {
            var given = ratings.filter { members.contains($0.rater) && members.contains($0.ratee) }
            let actual = Set(given.map(\.rater))
            var submitters = actual
            if !selfAssessment {
                // Peer only: a non-submitter rates every other member equally (WebPA's _preparePeerOnly).
                for member in members where !actual.contains(member) {
                    for other in members where other != member { given.append(Rating(rater: member, ratee: other, score: 5)) }
                    submitters.insert(member)
                }
            }
            var totals: [String: Double] = [:]
            for rating in given { totals[rating.rater, default: 0] += rating.score }
            var received: [String: Double] = [:]
            for rating in given {
                guard let total = totals[rating.rater], total > 0 else { continue }
                received[rating.ratee, default: 0] += rating.score / total
            }
            let factor = submitters.isEmpty ? 1 : Double(members.count) / Double(submitters.count)
            for member in members {
                let fractions = received[member] ?? 0
                result[member] = Score(candidate: member, group: group, submitted: actual.contains(member), fractionsReceived: fractions,
                                       fudgeFactor: factor, webpaScore: actual.isEmpty ? nil : fractions * factor)
            }
        }
        return result
    }

    /// A member's mark from the group mark (unrounded).
    /// - Parameters:
    ///   - weighting: the PA weighting, 0…1 (0.5: half the group mark is peer assessed).
    ///   - penalty: applied when the member did not submit.
    public static func mark(groupMark: Double, score: Score, weighting: Double, penalty: Penalty?) -> Double {
        var mark: Double
        if let webpa = score.webpaScore {
            mark = webpa * weighting * groupMark + (1 - weighting) * groupMark
        } else {
            mark = groupMark
        }
        mark = min(100, max(0, mark))
        if !score.submitted, let penalty {
            switch penalty {
            case .percent(let value): mark *= 1 - value / 100
            case .marks(let value): mark -= value
            }
            mark = min(100, max(0, mark))
        }
        return mark
    }
}
