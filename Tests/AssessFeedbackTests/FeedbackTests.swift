import AssessCore
import AssessDocuments
import AssessFeedback
import AssessTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct FeedbackTests {
    let course = Course(programme: "PGDip <Digital> Health", cohort: "2026-27", anonymous: true, bands: Band.ukPostgraduate,
                        candidates: [Candidate(id: "C1", name: "Ada \"><img onerror=alert(1)>"), Candidate(id: "C2", name: "Other Person")],
                        assessments: [], directory: "/tmp")
    var results: AssessmentResults {
        let assessment = Assessment(id: "essay", title: "Essay <script>alert(1)</script>", module: "M & N", kind: .written)
        let hostile = FeedbackSection(title: "Word count", summary: "<script>alert('x')</script>", facts: [.init("Words", "5 & more", emphasis: true)],
                                      table: .init(caption: "Parts", columns: ["Part", "Words"], rows: [["<b>Body</b>", "5"]]), notes: ["\"quoted\" note"])
        return AssessmentResults(assessment: assessment, submissions: [
            SubmissionResult(candidateID: "C1", status: .processed, files: [.init(name: "essay<1>.docx", format: "docx", error: nil)],
                             findings: [Finding("wordcount.over_limit", .attention, "Over <limit>")],
                             processors: [ProcessorResult(processor: "wordcount", metrics: ["words": 5], columns: [.init("words", "=1+1")], feedback: [hostile])]),
            SubmissionResult(candidateID: "C2", status: .notSubmitted),
        ])
    }

    @Test func pagesAreWellFormedAndEscapeEverything() throws {
        let files = try FeedbackArchive(course: course, candidate: course.candidates[0], results: [results]).files()
        #expect(files.map(\.name) == ["index.html", "essay/feedback.html", "essay/feedback.json", "essay/feedback.txt", "MANIFEST.sha256"])
        for (name, bytes) in files where name.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("<img"), "\(name)")
            #expect(!html.contains("<b>Body"), "\(name)")
            #expect(html.contains("lang=\"en-GB\""))
            _ = try XMLDocument(data: Data(bytes), options: [])  // throws unless well-formed
        }
        let json = try JSONSerialization.jsonObject(with: Data(files[2].bytes)) as? [String: Any]
        #expect((json?["candidate"] as? [String: String])?["id"] == "C1")
    }

    @Test func manifestListsEveryEntryWithItsDigest() throws {
        let files = try FeedbackArchive(course: course, candidate: course.candidates[0], results: [results]).files()
        let manifest = String(decoding: try #require(files.last).bytes, as: UTF8.self)
        let expected = files.dropLast().map { "\(SHA256.hex($0.bytes))  \($0.name)\n" }.joined()
        #expect(manifest == expected)
    }

    @Test func archiveHoldsNoOtherCandidate() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/C2.zip"
        _ = try FeedbackArchive(course: course, candidate: course.candidates[1], results: [results]).write(to: path)
        let archive = try ZipArchive(path: path)
        for entry in archive.entries {
            let text = String(decoding: try archive.read(entry.name), as: UTF8.self)
            #expect(!text.contains("C1"), "\(entry.name)")
            #expect(!text.contains("Ada"), "\(entry.name)")
            #expect(!text.contains("essay<1>"), "\(entry.name)")
        }
    }

    @Test func resultsCSVQuotesAndDefusesFormulas() {
        let csv = ResultsCSV.render(results, course: course)
        #expect(csv == "candidate_id,status,files,words,needs_attention,findings\nC1,processed,essay<1>.docx,'=1+1,yes,wordcount.over_limit\nC2,not_submitted,,,no,\n")
        var named = course
        named.anonymous = false
        #expect(ResultsCSV.render(results, course: named).contains("C1,\"Ada \"\"><img onerror=alert(1)>\",processed"))
    }
}

@Suite struct LeftoverTests {
    @Test func temporaryFilesOfAnInterruptedRunAreRemovedAndNothingElse() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path + "/feedback"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = ["C1.zip", "C1.zip.srpa3s", "C1.zip.tmp.Ab12Cd", ".C2.zip.x9Y8z7", "C3.zip.keepme1", "notes.txt", "C2.zip.bak"]
        for name in names { try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        OutputWriter.removeLeftovers(in: folder, outputs: ["C1.zip", "C2.zip"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["C1.zip", "C2.zip.bak", "C3.zip.keepme1", "notes.txt"])
    }
}
