import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// A Moodle download whose entries carry `..`, absolute paths and backslashes, and hold
/// other projects' path-traversal and symlink archives, is read in place: the run writes
/// only under out/, no two entries of one candidate overwrite each other, and every
/// output path is built from roster ids, never from entry names.
@Suite(.serialized) struct ZipSlipTests {
    @Test func hostileMoodleDownloadWritesOnlyUnderOut() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nword_limit: 500\nprocessors:\n  wordcount: {}\n")
        let marker = "slip\(UInt32.random(in: 0..<UInt32.max))"
        try FileManager.default.createDirectory(atPath: course.path + "/assessments/essay/submissions", withIntermediateDirectories: true)
        let zipPath = course.path + "/assessments/essay/submissions/download.zip"
        let writer = try ZipWriter(path: zipPath)
        let prefix = "Ada Lovelace_101_assignsubmission_file_/"
        let hostileNames = ["../../../../../tmp/\(marker)-a.txt", "/tmp/\(marker)-b.txt", "..\\..\\\(marker)-c.txt",
                            "a/essay.txt", "b/essay.txt", "./../essay.txt"]
        for (index, name) in hostileNames.enumerated() {
            try writer.add(prefix + name, text: "Entry \(index) words here.")
        }
        let traversalArchives = Corpus.files("adversarial", extensions: ["zip"]).filter { ["traversal", "slip", "Symlink", "symlink"].contains(where: $0.contains) }
        for path in traversalArchives {
            let name = (path as NSString).lastPathComponent
            try writer.add("Zoë Müller_102_assignsubmission_file_/../../" + name, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        try writer.close()

        let root = (course.path as NSString).deletingLastPathComponent
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: root))
        let outcome = try CLI.run(["run", course.path, "--jobs", "2"])
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        let created = Set(try FileManager.default.subpathsOfDirectory(atPath: root)).subtracting(before)
        #expect(!created.isEmpty)
        #expect(created.allSatisfy { $0.hasPrefix("course/out") }, "\(created.sorted())")
        #expect(!created.contains { $0.contains(marker) })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(marker)-a.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(marker)-b.txt"))
        // Feedback archives are named by roster id only.
        let archives = try FileManager.default.contentsOfDirectory(atPath: course.path + "/out/feedback").sorted()
        #expect(archives.allSatisfy { ["C1.zip", "C2.zip", "C3.zip"].contains($0) }, "\(archives)")

        // Same-named entries stay distinct, and their names are last components only.
        let candidates = try CourseLoader.roster(path: course.path + "/roster.csv")
        let (submissions, _) = SubmissionCollector(candidates: candidates).collect(assessmentID: "essay", directory: course.path + "/assessments/essay")
        let ada = try #require(submissions.first { $0.candidateID == "C1" })
        let names = ada.files.map(\.name)
        #expect(names.count == hostileNames.count, "\(names)")
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.allSatisfy { !$0.contains("/") && !$0.contains("\\") && $0 != ".." }, "\(names)")
        // Inside each archive, entry names never climb out of the archive.
        for archive in archives {
            let zip = try ZipArchive(path: course.path + "/out/feedback/" + archive)
            #expect(zip.entries.allSatisfy { !$0.name.hasPrefix("/") && !$0.name.split(separator: "/").contains("..") }, "\(archive)")
        }
    }

    @Test func rosterIdsThatWouldBecomePathsAreRefused() throws {
        for id in ["../evil", "a/b", "..", ".hidden", "C1\\x", "/abs", String(repeating: "x", count: 65)] {
            let course = try CourseBuilder(candidates: [(id, "Someone", "1")])
            #expect(throws: ConfigurationError.self, "\(id)") { try CourseLoader.roster(path: course.path + "/roster.csv") }
        }
    }
}
