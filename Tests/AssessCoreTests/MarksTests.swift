import AssessCore
import AssessTestSupport
import Foundation
import Testing

/// A rubric of two criteria for the mapping tests: levels 0–4 and a guide out of 10.
let twoCriteria = Rubric(id: "r", title: "R", criteria: [
    RubricCriterion(id: "analysis", title: "Analysis", weight: 60, levels: [
        RubricLevel(name: "Fail", points: 1), RubricLevel(name: "Pass", points: 2), RubricLevel(name: "Merit", points: 3), RubricLevel(name: "Distinction", points: 4),
    ]),
    RubricCriterion(id: "writing", title: "Writing", weight: 40, maximum: 10, comments: [BankComment(id: "structure", text: "Signpost the argument.")]),
])

@Suite struct RubricMappingTests {
    @Test func weightedSumNormalisesEachCriterionByItsOutOf() throws {
        // 60 × 3/4 + 40 × 7/10 = 45 + 28 = 73
        #expect(twoCriteria.mark(points: ["analysis": 3, "writing": 7]) == 73)
        #expect(twoCriteria.mark(points: ["analysis": 3]) == nil)
    }

    @Test func moodleRuleMapsTheScoreBetweenTheLowestAndHighestSums() throws {
        // S = 3 + 7 = 10; min = 1 + 0 = 1; max = 4 + 10 = 14 → (10 − 1)/(14 − 1) × 100
        let mark = try #require(twoCriteria.mark(points: ["analysis": 3, "writing": 7], scoring: .moodle))
        #expect(abs(mark - 900.0 / 13) < 1e-9)
        #expect(MarkRounding.wholeMarks.apply(mark) == 69)
        // The lowest choices give Gmin, the highest Gmax.
        #expect(twoCriteria.mark(points: ["analysis": 1, "writing": 0], scoring: .moodle) == 0)
        #expect(twoCriteria.mark(points: ["analysis": 4, "writing": 10], scoring: .moodle) == 100)
    }

    @Test func moodleMinimumZeroDividesByTheMaximumOnly() throws {
        // S/max × Gmax = 10/14 × 100 = 71.43; with Gmin 40 and a low score, Gmin wins.
        let mark = try #require(twoCriteria.mark(points: ["analysis": 3, "writing": 7], scoring: .moodleMinimumZero))
        #expect(abs(mark - 1000.0 / 14) < 1e-9)
        var floored = twoCriteria
        floored.gradeMinimum = 40
        #expect(floored.mark(points: ["analysis": 1, "writing": 2], scoring: .moodleMinimumZero) == 40)
        // The standard rule with the same Gmin maps the lowest sum to 40, not 3/14 × 100.
        #expect(floored.mark(points: ["analysis": 1, "writing": 0], scoring: .moodle) == 40)
    }

    @Test func roundingIsStatedAndAppliedOnce() {
        #expect(MarkRounding.wholeMarks.apply(64.5) == 65)
        #expect(MarkRounding(mode: .halfEven).apply(64.5) == 64)
        #expect(MarkRounding(mode: .down).apply(64.9) == 64)
        #expect(MarkRounding(mode: .up).apply(64.1) == 65)
        #expect(MarkRounding(decimals: 1).apply(64.45) == 64.5)
        // 0.1 × 45 + 0.9 × 65 is 63 in decimals but not exactly in binary; the snap keeps halves halves.
        #expect(MarkRounding.wholeMarks.apply(0.7 * 65 + 0.3 * 55 + 0.5) == 63)
        #expect(MarkRounding.wholeMarks.apply(64.49999999999) == 65)
        // Rounding twice (64.45 → 64.5 → 65) is what "once" avoids: 64.45 → 64.
        #expect(MarkRounding.wholeMarks.apply(64.45) == 64)
        #expect(MarkRounding.wholeMarks.description == "to whole marks, halves rounded up")
    }
}

@Suite struct RubricValidationTests {
    func errors(_ yaml: String) -> [String] {
        let value = try? YAMLLoader.parse(yaml, file: "rubrics/bad.yaml")
        return RubricLoader.read(value ?? nil, id: "bad", file: "rubrics/bad.yaml").errors.map(\.description)
    }

    @Test func everyProblemIsReportedAtItsPlace() {
        let problems = errors("""
            title: Bad rubric
            criteria:
              - id: one
                title: One level only
                weight: 50
                levels:
                  - {name: Pass, points: 50}
              - id: flat
                title: All equal
                weight: 20
                levels:
                  - {name: Good, points: 5}
                  - {name: Bad, points: 5}
              - id: guide
                title: Guide
                weight: 20
                maximum: 0
              - id: one
                title: Duplicate id
                weight: 5
                levels:
                  - {name: A, points: 1}
                  - {name: a, points: 2}
            """)
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.contains("rubrics/bad.yaml:7:7: criterion 'one' has 1 level(s); give at least two"))
        #expect(problems.contains("rubrics/bad.yaml:12:7: every level of 'flat' carries 5 points; levels must differ"))
        #expect(problems.contains("rubrics/bad.yaml:17:14: the maximum of 'guide' must be a positive number, not 0"))
        #expect(problems.contains("rubrics/bad.yaml:18:9: criterion id 'one' is used twice; ids must be unique"))
        #expect(problems.contains("rubrics/bad.yaml:23:16: level name 'a' is used twice in 'one'; markers pick levels by name"))
    }

    @Test func weightsMustAddUpAndBeAllOrNone() {
        let base = """
            title: Weights
            criteria:
              - id: a
                title: A
                weight: 60
                levels: [{name: Low, points: 0}, {name: High, points: 1}]
              - id: b
                title: B
                weight: 30
                levels: [{name: Low, points: 0}, {name: High, points: 1}]
            """
        #expect(errors(base) == ["rubrics/bad.yaml:9:13: the criteria's weights add up to 90, not 100; adjust them"])
        let partial = base.replacingOccurrences(of: "    weight: 30\n", with: "")
        #expect(errors(partial).first?.contains("criterion 'b' has no weight while others have") == true)
        let none = partial.replacingOccurrences(of: "    weight: 60\n", with: "")
        #expect(errors(none).isEmpty)
        let rubric = RubricLoader.read(try! YAMLLoader.parse(none, file: "x.yaml"), id: "x", file: "x.yaml").rubric
        #expect(rubric?.criteria.map(\.weight) == [50, 50])
    }

    @Test func theProgrammesRubricsAreValid() throws {
        let (rubrics, errors) = RubricLoader.loadAll(directory: Corpus.packageRoot + "/rubrics")
        #expect(errors.map(\.description) == [])
        #expect(rubrics.keys.sorted() == ["briefing-paper", "group-presentation", "msc-dissertation", "process-evaluation", "reflective-journal", "strategy-plan"])
        for rubric in rubrics.values {
            let bands = Band.ukPostgraduate
            // Each level's points fall in the band it is named after, so a script marked
            // at one level throughout gets a mark in that band.
            for criterion in rubric.criteria {
                for level in criterion.levels {
                    if let band = bands.first(where: { $0.name == level.name }), let index = bands.firstIndex(of: band) {
                        let upper = index == 0 ? 101 : bands[index - 1].minimum
                        #expect(level.points >= band.minimum && level.points < upper, "\(rubric.id) \(criterion.id) \(level.name)")
                    }
                }
            }
            let top = Dictionary(uniqueKeysWithValues: rubric.criteria.map { ($0.id, $0.highest) })
            #expect((rubric.mark(points: top) ?? 0) <= 100)
        }
    }
}

@Suite struct PenaltyPolicyTests {
    let deadline = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC
    let policy = PenaltyPolicy(late: .init(deductPerDay: 5, capAt: 50, zeroAfterDays: 5), overLength: .init(bands: [.init(upTo: 20, deduct: 5), .init(upTo: nil, deduct: 10)]))

    @Test func lateWorkLosesMarksPerDayOrPartDay() {
        let timing = PenaltyPolicy.Timing(deadline: deadline, submittedAt: deadline.addingTimeInterval(86_400 + 60))
        let outcome = policy.apply(mark: 68, timing: timing, length: nil)
        #expect(outcome.daysLate == 2)
        #expect(outcome.penalties.map(\.deduction) == [10])
        // 68 − 10 = 58, then capped at the pass mark.
        #expect(outcome.mark == 50)
        #expect(policy.apply(mark: 54, timing: timing, length: nil).mark == 44)
        #expect(policy.apply(mark: 68, timing: .init(deadline: deadline, submittedAt: deadline), length: nil).penalties.isEmpty)
        // floor_at: deductions stop at the pass mark; a mark already below it keeps its value.
        let floored = PenaltyPolicy(late: .init(deductPerDay: 5, floorAt: 50))
        #expect(floored.apply(mark: 58, timing: timing, length: nil).mark == 50)
        #expect(floored.apply(mark: 68, timing: timing, length: nil).mark == 58)
        #expect(floored.apply(mark: 45, timing: timing, length: nil).mark == 45)
    }

    @Test func anExtensionMovesTheDeadlineAndLateBeyondTheLimitIsZero() {
        let extended = PenaltyPolicy.Timing(deadline: deadline, extendedTo: deadline.addingTimeInterval(7 * 86_400), submittedAt: deadline.addingTimeInterval(6 * 86_400))
        #expect(policy.apply(mark: 68, timing: extended, length: nil).penalties.isEmpty)
        let veryLate = PenaltyPolicy.Timing(deadline: deadline, submittedAt: deadline.addingTimeInterval(5 * 86_400 + 1))
        let outcome = policy.apply(mark: 68, timing: veryLate, length: nil)
        #expect(outcome.daysLate == 6)
        #expect(outcome.zeroed)
        #expect(outcome.mark == 0)
    }

    @Test func overLengthDeductsByBandBeyondTheTolerance() {
        #expect(policy.apply(mark: 60, timing: nil, length: .init(words: 2_700, limit: 2_500, allowed: 2_750)).penalties.isEmpty)
        let band1 = policy.apply(mark: 60, timing: nil, length: .init(words: 2_900, limit: 2_500, allowed: 2_750))
        #expect(band1.penalties.map(\.deduction) == [5])
        #expect(band1.mark == 55)
        #expect(policy.apply(mark: 60, timing: nil, length: .init(words: 3_104, limit: 2_500, allowed: 2_750)).mark == 50)
    }

    @Test func whenBothApplyThePolicyTakesTheLargerOrBoth() {
        let timing = PenaltyPolicy.Timing(deadline: deadline, submittedAt: deadline.addingTimeInterval(3_600))
        let length = PenaltyPolicy.Length(words: 3_104, limit: 2_500, allowed: 2_750)
        var noCap = policy
        noCap.late?.capAt = nil
        let larger = noCap.apply(mark: 65, timing: timing, length: length)
        #expect(larger.penalties.map(\.applied) == [false, true])
        #expect(larger.mark == 55)
        noCap.whenBoth = .both
        #expect(noCap.apply(mark: 65, timing: timing, length: length).mark == 50)
    }
}

@Suite struct WebPATests {
    /// Loughborough's worked example: five members, one criterion, Elaine did not submit.
    static let example = WebPA(groups: ["G": ["Alice", "Bob", "Claire", "David", "Elaine"]], ratings: [
        ("Alice", [4, 4, 3, 2, 1]), ("Bob", [3, 5, 3, 2, 0]), ("Claire", [4, 4, 4, 4, 4]), ("David", [3, 5, 4, 3, 1]),
    ].flatMap { rater, scores in
        zip(["Alice", "Bob", "Claire", "David", "Elaine"], scores).map { WebPA.Rating(rater: rater, ratee: $0, score: Double($1)) }
    })

    @Test func reproducesTheWorkedExampleWithANonSubmitter() throws {
        let scores = Self.example.scores()
        let elaine = try #require(scores["Elaine"])
        #expect(elaine.fudgeFactor == 1.25)
        #expect(!elaine.submitted)
        let expected = ["Alice": 1.129979, "Bob": 1.478537, "Claire": 1.118819, "David": 0.855254, "Elaine": 0.417411]
        for (name, value) in expected {
            #expect(abs((scores[name]?.webpaScore ?? 0) - value) < 1e-6, "\(name)")
        }
        // The fractions received add up to the number of raters.
        #expect(abs(scores.values.reduce(0) { $0 + $1.fractionsReceived } - 4) < 1e-9)
        let marks = scores.mapValues { WebPA.mark(groupMark: 60, score: $0, weighting: 0.5, penalty: .percent(10)) }
        #expect(MarkRounding.wholeMarks.apply(marks["Bob"] ?? 0) == 74)
        #expect(abs((marks["Elaine"] ?? 0) - 38.270089) < 1e-6)
        #expect(WebPA.mark(groupMark: 60, score: elaine, weighting: 0.5, penalty: .marks(5)) == 60 * 0.5 * elaine.webpaScore! + 30 - 5)
    }

    @Test func nobodySubmittingLeavesTheGroupMarkAndPeerOnlyFakesEqualRatings() {
        let silent = WebPA(groups: ["G": ["A", "B"]], ratings: [])
        let scores = silent.scores()
        #expect(scores["A"]?.webpaScore == nil)
        #expect(WebPA.mark(groupMark: 62, score: scores["A"]!, weighting: 0.5, penalty: nil) == 62)
        let peerOnly = WebPA(groups: ["G": ["A", "B", "C"]], ratings: [.init(rater: "A", ratee: "B", score: 3), .init(rater: "A", ratee: "C", score: 1)], selfAssessment: false)
        let fake = peerOnly.scores()
        #expect(fake["A"]?.fudgeFactor == 1)
        #expect(abs((fake["B"]?.webpaScore ?? 0) - (0.75 + 0.5)) < 1e-9)
        #expect(fake["B"]?.submitted == false)
    }
}
