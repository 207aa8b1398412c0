import AssessCore
import AssessProcessors
import AssessTestSupport
import Foundation
import Testing

/// The marking processors run one after another: the group's rubric mark goes through
/// WebPA to each member, then penalties; each step rounds its own unrounded figure.
@Suite struct MarkingChainTests {
    func course() throws -> CourseBuilder {
        let course = try CourseBuilder(courseYAML: """
            programme: P
            cohort: "2026-27"
            anonymous: true
            penalties:
              late: {deduct_per_day: 5}
            """)
        try course.write("rubrics/talk.yaml", """
            title: Talk
            out_of: 100
            criteria:
              - {id: delivery, title: Delivery, levels: [{name: Pass, points: 55}, {name: Merit, points: 66}]}
            """)
        try course.assessment("talk", """
            title: Talk
            module: M
            kind: group_presentation
            deadline: 2027-01-15T12:00:00Z
            rubric: talk
            processors:
              rubric: {}
              peer: {weighting: 50%, penalty: {marks: 5}}
              penalties: {}
            """)
        for id in ["C1", "C2", "C3"] { try course.submit("talk", id, CourseBuilder.essay(words: 20)) }
        try course.write("assessments/talk/marks/AB.csv", "group,marker,role,delivery\nG1,AB,first,Merit\n")
        try course.write("assessments/talk/peer.csv", """
            rater,ratee,contribution
            C1,C1,4
            C1,C2,4
            C1,C3,2
            C2,C1,5
            C2,C2,3
            C2,C3,2
            """)
        try course.write("assessments/talk/submissions.csv", "candidate_id,submitted_at\nC1,2027-01-15T10:00:00Z\nC2,2027-01-15T10:00:00Z\nC3,2027-01-15T12:30:00Z\n")
        return course
    }

    @Test func aGroupMarkBecomesEachMembersMarkThroughWebPAAndPenalties() async throws {
        let builder = try course()
        let loaded = try CourseLoader(registry: builtInRegistry).load(directory: builder.path)
        let results = await Runner(course: loaded, jobs: 2).run(loaded.assessments[0])
        #expect(results.problems == [])
        func metric(_ id: String, _ processor: String, _ key: String) -> JSONValue? {
            results.result(for: id)?.processors.first { $0.processor == processor }?.metrics[key]
        }
        // Every member carries the group's mark, 66.
        #expect(["C1", "C2", "C3"].map { metric($0, "rubric", "mark") } == [66, 66, 66])
        // Fractions: C1 gets 0.4 + 0.5 = 0.9, C2 0.4 + 0.3 = 0.7, C3 0.2 + 0.2 = 0.4; fudge 3/2.
        #expect(metric("C1", "peer", "webpa_score") == .double(1.35))
        #expect(metric("C3", "peer", "fudge_factor") == .double(1.5))
        // C1: 1.35 × 33 + 33 = 77.55 → 78. C3: 0.6 × 33 + 33 = 52.8, less 5 for not rating = 47.8 → 48.
        #expect(metric("C1", "peer", "mark") == 78)
        #expect(metric("C3", "peer", "mark") == 48)
        #expect(results.result(for: "C3")?.findings.map(\.code).sorted() == ["peer.not_submitted", "penalties.late"])
        // Penalties start from the unrounded 47.8, not from the rounded 48: 42.8, then 43.
        #expect(metric("C3", "penalties", "raw_mark")?.numberValue.map { abs($0 - 42.8) < 1e-9 } == true)
        #expect(metric("C3", "penalties", "mark") == 43)
        #expect(metric("C2", "penalties", "mark") == metric("C2", "peer", "mark"))
    }
}
