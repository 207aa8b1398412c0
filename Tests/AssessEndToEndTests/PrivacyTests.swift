import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Each candidate's archive holds their own data only; logs and run.json name candidates
/// by id, never by name; an anonymous assessment's marker sheets hold no names.
@Suite(.serialized) struct PrivacyTests {
    static let people = [("C1", "Ada Lovelace", "101"), ("C2", "Zoë Müller", "102"), ("C3", "Siobhán O'Brien", "103"), ("C4", "Grace Hopper", "104")]

    /// All text of every entry of a zip, as one string.
    func text(ofArchive path: String) throws -> String {
        let archive = try ZipArchive(path: path)
        return try archive.entries.filter { !$0.isDirectory }.map { String(decoding: try archive.read($0.name), as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func archivesHoldOnlyTheirOwnCandidateAndLogsHoldIdsNotNames() throws {
        let course = try CourseBuilder(candidates: Self.people)
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nword_limit: 40\nprocessors:\n  wordcount: {}\n")
        for (id, _, _) in Self.people where id != "C4" {
            // Over the limit, so that findings quote the text; a secret word per candidate.
            let words = (0..<60).map { "secret\(id)word\($0 % 3)" }.joined(separator: " ")
            try course.submit("essay", id, DocxBuilder(body: DocxBuilder.paragraph(words)))
        }
        try course.write("assessments/essay/submissions/C4/broken.docx", "PK\u{3}\u{4} not a zip")
        let outcome = try CLI.run(["run", course.path])
        #expect(outcome.status <= 1)

        for (id, name, lms) in Self.people {
            let own = try text(ofArchive: course.path + "/out/feedback/\(id).zip")
            if id != "C4" { #expect(own.contains("secret\(id)word"), "\(id)'s archive lacks their own text") }
            for (other, otherName, otherLMS) in Self.people where other != id {
                #expect(!own.contains("secret\(other)word"), "\(id)'s archive holds \(other)'s text")
                #expect(!own.contains(otherName), "\(id)'s archive names \(other)")
                #expect(!own.contains("\(other.lowercased())@example.ac.uk"), "\(id)'s archive holds \(other)'s email")
                #expect(!own.contains("lms_id\": \"\(otherLMS)"), "\(id)'s archive holds \(other)'s LMS id")
            }
            // Logs and run.json: ids, never names or emails.
            let logs = try String(contentsOfFile: course.path + "/out/run.json", encoding: .utf8) + outcome.stdout + outcome.stderr
            #expect(!logs.contains(name), "a log line names \(id)")
            #expect(!logs.contains("\(id.lowercased())@example.ac.uk"))
            _ = lms
        }
        let stderr = outcome.stderr
        #expect(stderr.contains("C4"), "the unreadable file is reported by id: \(stderr)")
    }

    @Test func anonymousMarkerSheetsHoldNoNames() throws {
        let directory = try TemporaryDirectory()
        let samples = SamplesEndToEndTests.samples
        let roster = try CourseLoader.roster(path: samples + "/roster.csv")
        let assessments = try FileManager.default.contentsOfDirectory(atPath: samples + "/assessments").sorted()
        var written = 0
        for assessment in assessments {
            let out = directory.path + "/\(assessment)"
            let outcome = try CLI.run(["marksheets", samples, assessment, "--out", out])
            guard outcome.status == 0 else { continue }
            let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { !$0.hasPrefix("ledger") }
            for file in files {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: out + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
                let content = file.hasSuffix(".zip") || file.hasSuffix(".xlsx") ? try text(ofArchive: out + "/" + file) : String(decoding: data, as: UTF8.self)
                written += 1
                for candidate in roster {
                    #expect(!content.contains(candidate.name), "\(assessment)/\(file) names \(candidate.id)")
                    if let email = candidate.email { #expect(!content.contains(email), "\(assessment)/\(file) holds an email") }
                    #expect(!file.contains(candidate.name))
                }
            }
            for candidate in roster { #expect(!outcome.stdout.contains(candidate.name) && !outcome.stderr.contains(candidate.name)) }
        }
        #expect(written > 0, "no marker sheets were written")
    }
}
