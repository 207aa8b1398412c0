import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

@Suite struct SubmissionCollectorTests {
    @Test func foldersAndMoodleDownloadsAreMatchedToTheRoster() throws {
        let course = try CourseBuilder()
        try course.submit("a", "C1", DocxBuilder(body: DocxBuilder.paragraph("Folder essay")))
        try course.write("assessments/a/submissions/C1/.DS_Store", "junk")
        try course.write("assessments/a/submissions/stranger/essay.txt", "who")
        try course.write("assessments/a/submissions/loose.txt", "nobody's")
        let zipPath = course.path + "/assessments/a/submissions/moodle.zip"
        let writer = try ZipWriter(path: zipPath)
        try writer.add("Zoe Muller_102_assignsubmission_file_/essay.md", text: "# Essay\n\nBy id.")
        try writer.add("Siobhan O'Brien_999_assignsubmission_file_old-style.txt", text: "By name, accents folded.")
        try writer.add("Nobody Known_555_assignsubmission_file_/x.txt", text: "unmatched")
        try writer.add("Zoe Muller_102_assignsubmission_file_/../../../evil.txt", text: "traversal name")
        try writer.add("random.txt", text: "not Moodle")
        try writer.close()

        let candidates = try CourseLoader.roster(path: course.path + "/roster.csv")
        let (submissions, unmatched) = SubmissionCollector(candidates: candidates).collect(assessmentID: "a", directory: course.path + "/assessments/a")
        #expect(submissions.map(\.candidateID) == ["C1", "C2", "C3"])
        #expect(submissions[0].files.map(\.name) == ["essay.docx"])
        #expect(submissions[1].files.map(\.name) == ["essay.md", "evil.txt"])
        #expect(submissions[2].files.map(\.name) == ["old-style.txt"])
        #expect(Set(unmatched.map(\.source)) == ["stranger/", "loose.txt", "moodle.zip: Nobody Known_555_assignsubmission_file_/x.txt", "moodle.zip: random.txt"])
    }
}

extension SubmissionCollectorTests {
    /// Canvas's "Download Submissions" names each file `<sortable name>[_LATE]_<user id>_<submission id>_<file>`;
    /// the roster gives "First Last" with accents and punctuation, which Canvas drops.
    @Test func canvasDownloadsAreMatchedByIdThenSortableName() throws {
        let course = try CourseBuilder()
        try FileManager.default.createDirectory(atPath: course.path + "/assessments/a/submissions", withIntermediateDirectories: true)
        let writer = try ZipWriter(path: course.path + "/assessments/a/submissions/submissions.zip")
        try writer.add("lovelaceada_LATE_5551_900_essay.md", text: "# Late essay")
        try writer.add("mullerzoe_5552_901_Essay-1.md", text: "Resubmitted.")
        try writer.add("anybody_103_902_by-id.txt", text: "Matched by lms_id.")
        try writer.add("strangerperson_5554_903_x.txt", text: "unmatched")
        try writer.close()
        let candidates = try CourseLoader.roster(path: course.path + "/roster.csv")
        let (submissions, unmatched) = SubmissionCollector(candidates: candidates).collect(assessmentID: "a", directory: course.path + "/assessments/a")
        #expect(submissions.map(\.candidateID) == ["C1", "C2", "C3"])
        #expect(submissions.map { $0.files.map(\.name) } == [["essay.md"], ["Essay-1.md"], ["by-id.txt"]])
        #expect(unmatched.map(\.source) == ["submissions.zip: strangerperson_5554_903_x.txt"])
    }

    /// Blackboard's "Download assignment" names files `<assignment>_<user name>_attempt_<date>_<file>`
    /// beside a receipt `<assignment>_<user name>_attempt_<date>.txt`.
    @Test func blackboardDownloadsAreMatchedByUserNameAndReceiptsSkipped() throws {
        let course = try CourseBuilder()
        try FileManager.default.createDirectory(atPath: course.path + "/assessments/a/submissions", withIntermediateDirectories: true)
        let writer = try ZipWriter(path: course.path + "/assessments/a/submissions/gradebook_ESS_Essay.zip")
        try writer.add("Essay 1_c1_attempt_2027-01-15-11-58-00_my essay.md", text: "# Essay")
        try writer.add("Essay 1_c1_attempt_2027-01-15-11-58-00.txt", text: "Name: Ada Lovelace (c1)")
        try writer.add("Essay 1_C2_attempt_2027-01-16-09-00-00_draft_final.md", text: "Upper-case user name.")
        try writer.add("Essay 1_zz9_attempt_2027-01-15-11-58-00_x.md", text: "unmatched")
        try writer.close()
        let candidates = try CourseLoader.roster(path: course.path + "/roster.csv")
        let (submissions, unmatched) = SubmissionCollector(candidates: candidates).collect(assessmentID: "a", directory: course.path + "/assessments/a")
        #expect(submissions.map(\.candidateID) == ["C1", "C2"])
        #expect(submissions.map { $0.files.map(\.name) } == [["my essay.md"], ["draft_final.md"]])
        #expect(unmatched.map(\.source) == ["gradebook_ESS_Essay.zip: Essay 1_zz9_attempt_2027-01-15-11-58-00_x.md"])
    }
}

@Suite struct RunnerTests {
    func course(jobs: Int?) async throws -> (AssessmentResults, CourseBuilder) {
        let builder = try CourseBuilder(candidates: (1...6).map { ("C\($0)", "Person \($0)", "\($0)") })
        try builder.assessment("a", "title: Essay\nmodule: M\nkind: written\nprocessors:\n  probe: {}\n")
        try builder.submit("a", "C1", DocxBuilder(body: DocxBuilder.paragraph("Fine essay")))
        try builder.write("assessments/a/submissions/C2/essay.docx", bytes: Array("PK\u{3}\u{4}truncated".utf8))
        try builder.write("assessments/a/submissions/C3/notes.md", "Readable notes.")
        try builder.write("assessments/a/submissions/C3/scan.pdf", "%PDF-1.4 not read yet")
        try builder.write("assessments/a/submissions/C4/essay.txt", "this will go boom")
        try FileManager.default.createDirectory(atPath: builder.path + "/assessments/a/submissions/C5", withIntermediateDirectories: true)
        let loaded = try CourseLoader(registry: probeRegistry).load(directory: builder.path)
        let results = await Runner(course: loaded, jobs: jobs).run(loaded.assessments[0])
        return (results, builder)
    }

    /// Processors see the candidate as the roster lists them and their group's members.
    @Test func processorsSeeTheCandidateAndTheirGroup() async throws {
        let builder = try CourseBuilder()
        try builder.write("roster.csv", "candidate_id,name,group\nC1,Ada,G2\nC2,Zoë,G1\nC3,Siobhán,G2\nC4,Nobody,\n")
        try builder.assessment("a", "title: Talk\nmodule: M\nkind: group_presentation\nprocessors:\n  probe: {}\n")
        for id in ["C1", "C4"] { try builder.write("assessments/a/submissions/\(id)/deck.md", "# Slides") }
        let loaded = try CourseLoader(registry: probeRegistry).load(directory: builder.path)
        let results = await Runner(course: loaded, jobs: 2).run(loaded.assessments[0])
        let metrics = Dictionary(uniqueKeysWithValues: results.submissions.compactMap { result in result.processors.first.map { (result.candidateID, $0.metrics) } })
        #expect(metrics["C1"]?["candidate"] == "C1")
        #expect(metrics["C1"]?["group_members"] == ["C1", "C3"])
        #expect(metrics["C4"]?["candidate"] == "C4")
        #expect(metrics["C4"]?["group_members"] == [])
    }

    @Test func brokenSubmissionsBecomeFindingsAndTheBatchGoesOn() async throws {
        let (results, _) = try await course(jobs: 2)
        let byID = Dictionary(uniqueKeysWithValues: results.submissions.map { ($0.candidateID, $0) })
        #expect(byID["C1"]?.status == .processed)
        #expect(byID["C1"]?.processors.first?.metrics["documents"] == .int(1))
        #expect(byID["C2"]?.status == .unreadable)
        #expect(byID["C2"]?.findings.map(\.code) == ["document.unreadable"])
        #expect(byID["C2"]?.findings.first?.severity == .attention)
        #expect(byID["C3"]?.status == .processed)
        #expect(byID["C3"]?.findings.map(\.severity) == [.warning])
        #expect(byID["C4"]?.findings.map(\.code) == ["processor.failed"])
        #expect(byID["C5"]?.findings.map(\.code) == ["submission.empty"])
        #expect(byID["C6"]?.status == .notSubmitted)
        #expect(results.counts.needsAttention == 3)
    }

    @Test func resultsDoNotDependOnJobs() async throws {
        let (one, _) = try await course(jobs: 1)
        let (many, _) = try await course(jobs: 4)
        #expect(one.submissions.map(\.candidateID) == many.submissions.map(\.candidateID))
        #expect(one.submissions.map(\.findings) == many.submissions.map(\.findings))
        #expect(one.submissions.map(\.processors) == many.submissions.map(\.processors))
    }

    @Test func groupWorkIsSharedWithTheMembersWhoDidNotHandItIn() async throws {
        let builder = try CourseBuilder(candidates: [("C1", "A One", "1"), ("C2", "B Two", "2"), ("C3", "C Three", "3"), ("C4", "D Four", "4")])
        try builder.write("roster.csv", "candidate_id,name,group\nC1,A One,G1\nC2,B Two,G1\nC3,C Three,G2\nC4,D Four,\n")
        try builder.assessment("talk", "title: Talk\nmodule: M\nkind: group_presentation\nprocessors:\n  probe: {}\n")
        try builder.write("assessments/talk/submissions/C2/deck.md", "# Our deck")
        let loaded = try CourseLoader(registry: probeRegistry).load(directory: builder.path)
        let results = await Runner(course: loaded, jobs: 2).run(loaded.assessments[0])
        let byID = Dictionary(uniqueKeysWithValues: results.submissions.map { ($0.candidateID, $0) })
        #expect(byID["C1"]?.status == .processed)
        #expect(byID["C1"]?.findings.map(\.code) == ["submission.group"])
        #expect(byID["C2"]?.findings.isEmpty == true)
        #expect(byID["C3"]?.status == .notSubmitted)
        #expect(byID["C4"]?.status == .notSubmitted)
    }
}
