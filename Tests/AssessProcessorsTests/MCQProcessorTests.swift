import AssessCore
import AssessDocuments
import AssessProcessors
import AssessTestSupport
import Foundation
import Testing

@Suite struct MCQProcessorTests {
    static let assessmentYAML = "title: Quiz\nmodule: HIS\nkind: mcq\nprocessors:\n  mcq:\n"

    func load(_ course: CourseBuilder, _ id: String = "quiz") throws -> ConfiguredAssessment {
        try CourseLoader(registry: builtInRegistry).loadAssessment(directory: course.path + "/assessments/" + id)
    }

    @Test func theKeyIsFoundInTheFolderOrNamed() throws {
        let course = try CourseBuilder()
        try course.assessment("quiz", Self.assessmentYAML + "    negative_marking: 0\n")
        #expect(throws: ConfigurationError.self) { try load(course) }  // no key at all
        try course.write("assessments/quiz/key.csv", "item,answer\nQ1,B\n")
        #expect(try load(course).processors.count == 1)
        try course.write("assessments/quiz/key.yaml", "items: [B]\n")
        do throws(ConfigurationError) {
            _ = try CourseLoader(registry: builtInRegistry).loadAssessment(directory: course.path + "/assessments/quiz")
            Issue.record("two keys were accepted")
        } catch {
            #expect(error.message.contains("several keys"))
        }
        try course.assessment("quiz", Self.assessmentYAML + "    key: key.yaml\n")
        #expect(try load(course).processors.count == 1)
        try course.assessment("quiz", Self.assessmentYAML + "    key: missing.xml\n")
        do throws(ConfigurationError) {
            _ = try CourseLoader(registry: builtInRegistry).loadAssessment(directory: course.path + "/assessments/quiz")
            Issue.record("a missing key was accepted")
        } catch {
            #expect(error.location?.line == 6)
        }
    }

    @Test func runnerMarksTheCohortFromResponsesCSV() async throws {
        let course = try CourseBuilder()
        try course.assessment("quiz", Self.assessmentYAML + "    changes:\n      - {item: Q3, void: give_all, reason: misprint}\n")
        try course.write("assessments/quiz/key.yaml", "items: [B, AC, D]\n")
        try course.write("assessments/quiz/responses.csv", """
            Email,Q1,Q2,Q3
            c1@example.ac.uk,B,"A,C",A
            C2,BD,A,
            103,x,AC,D
            stranger@example.org,B,B,B
            C2,B,B,B

            """)
        let loaded = try CourseLoader(registry: builtInRegistry).load(directory: course.path)
        let configured = try #require(loaded.assessments.first)
        let results = await Runner(course: loaded, jobs: 2).run(configured)
        #expect(results.submissions.map(\.status) == [.processed, .processed, .processed])
        let scores = results.submissions.map { $0.processors.first?.metrics["score"] }
        #expect(scores == [3, 1.5, 2])  // C2: BD several marks 0, A of AC 0.5, Q3 given to all 1
        #expect(results.submissions[1].findings.map(\.code) == ["mcq.several_marks"])
        #expect(results.submissions[2].findings.map(\.code) == ["mcq.invalid_mark"])
        #expect(results.unmatched.map(\.source) == ["responses.csv, line 5", "responses.csv, line 6"])
        let files = try #require(results.cohortFiles["mcq"])
        #expect(files.map(\.name) == ["results.csv", "item-analysis.csv"])
        #expect(files[0].columns == ["candidate_id", "score", "max_score", "percent", "Q1", "Q2", "Q3"])
        #expect(files[0].rows.first == ["C1", "3", "3", "100.00", "1", "1", "1"])
        #expect(files[1].columns == ["item", "facility", "sd", "discrimination_index", "discriminative_efficiency", "A", "B", "C", "D", "flags"])
        #expect(files[1].rows[2].last == "voided_given_to_all")
        let report = try #require(results.cohortReports["mcq"])
        #expect(report.contains { $0.title == "Changes to the key" })
        #expect(report.contains { $0.chart?.style == .columns })
        // Each candidate sees their answers and the key.
        let feedback = try #require(results.submissions[0].processors.first?.feedback.first?.table)
        #expect(feedback.columns == ["Item", "Your answer", "Key", "Marks", "Note"])
        #expect(feedback.rows[1] == ["Q2", "AC", "AC", "1 / 1", ""])
    }

    @Test func theKeyCanBeWithheldFromFeedback() async throws {
        let course = try CourseBuilder()
        try course.assessment("quiz", Self.assessmentYAML + "    withhold_key: true\n    items: [B]\n")
        try course.write("assessments/quiz/responses.csv", "candidate_id,Q1\nC1,A\n")
        let loaded = try CourseLoader(registry: builtInRegistry).load(directory: course.path)
        let results = await Runner(course: loaded).run(try #require(loaded.assessments.first))
        let table = try #require(results.submissions[0].processors.first?.feedback.first?.table)
        #expect(table.columns == ["Item", "Your answer", "Marks", "Note"])
        #expect(!table.rows.flatMap { $0 }.contains("B"))
    }

    @Test func anUnreadableResponsesFileNeedsAPerson() async throws {
        let course = try CourseBuilder()
        try course.assessment("quiz", Self.assessmentYAML + "    items: [B]\n")
        try course.write("assessments/quiz/responses.csv", "name,answer\nAda,B\n")
        let loaded = try CourseLoader(registry: builtInRegistry).load(directory: course.path)
        let results = await Runner(course: loaded).run(try #require(loaded.assessments.first))
        #expect(results.unmatched.first?.source == "responses.csv")
        #expect(results.unmatched.first?.reason.contains("no column names the candidate") == true)
        #expect(results.counts.needsAttention == 1)
    }
}
