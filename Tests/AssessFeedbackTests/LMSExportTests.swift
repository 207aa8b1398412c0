import AssessCore
import AssessDocuments
import AssessFeedback
import AssessTestSupport
import Foundation
import Testing

/// Reads the exports back the way the LMS importers do (see docs/lms.md) and checks that
/// each file and grade lands on the right person.
@Suite struct LMSExportTests {
    let course = Course(programme: "PGDip", cohort: "2026-27", anonymous: true, bands: Band.ukPostgraduate, candidates: [
        Candidate(id: "C1", name: "Ada_Lovelace, \"Countess\"", email: "ada@example.ac.uk", group: "G1", lmsID: "40213"),
        Candidate(id: "C2", name: "Zoë Müller", email: "zoe@example.ac.uk", lmsID: "40587"),
        Candidate(id: "C3", name: "No LMS Id"),
    ], assessments: [], directory: "/tmp")

    var results: AssessmentResults {
        func marked(_ id: String, _ mark: Double) -> SubmissionResult {
            SubmissionResult(candidateID: id, status: .processed, processors: [ProcessorResult(processor: "rubric", metrics: ["mark": .double(mark), "band": "Merit"])])
        }
        return AssessmentResults(assessment: Assessment(id: "essay", title: "Essay, part 1", module: "M1", kind: .written),
                                 submissions: [marked("C1", 64), marked("C2", 71.5), marked("C3", 50)])
    }

    /// Moodle's assignfeedback_file importer: the first path part that splits at
    /// underscores into name, numeric participant id, plugin type and name matches.
    static func moodleImport(_ path: String) -> (participant: String, plugin: String, file: String)? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, !last.hasPrefix("."), !last.hasPrefix("~") else { return nil }
        while !parts.isEmpty {
            let info = parts.removeFirst().split(separator: "_", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard info.count >= 4, !info[1].isEmpty, info[1].allSatisfy(\.isNumber) else { continue }
            return (info[1], info[2] + "_" + info[3], ([info.count > 4 ? info[4] : ""] + parts).filter { !$0.isEmpty }.joined(separator: "/"))
        }
        return nil
    }

    @Test func moodleFeedbackZipRoundTrip() throws {
        let export = LMSExport(course: course, results: results, all: [results])
        let directory = try TemporaryDirectory()
        try export.writeMoodleFeedback(to: directory.path + "/feedback.zip")
        let archive = try ZipArchive(path: directory.path + "/feedback.zip")
        var imported: [String: [String]] = [:]
        for entry in archive.entries {
            let match = try #require(Self.moodleImport(entry.name), "\(entry.name) is not importable")
            #expect(match.plugin == "assignfeedback_file")
            imported[match.participant, default: []].append(match.file)
            let text = String(decoding: try archive.read(entry.name), as: UTF8.self)
            let own = try #require(course.candidates.first { $0.lmsID == match.participant })
            #expect(text.contains(own.id))
            for other in course.candidates where other.id != own.id { #expect(!text.contains("candidate \(other.id)")) }
        }
        #expect(imported == ["40213": ["feedback.html", "feedback.json", "feedback.txt"], "40587": ["feedback.html", "feedback.json", "feedback.txt"]])
        #expect(archive.entries.first?.name == "Ada Lovelace, \"Countess\"_40213_assignfeedback_file/feedback.html")
        #expect(export.skipped == ["C3"])
    }

    @Test func moodleWorksheetRoundTrip() throws {
        let table = try CSVTable.parse(LMSExport(course: course, results: results, all: [results]).moodleWorksheet(), file: "grades.csv")
        let id = try #require(table.column("Identifier")), grade = try #require(table.column("Grade"))
        #expect(table.column("Last modified (grade)") != nil)
        #expect(table.column("Feedback comments") != nil)
        let grades = Dictionary(uniqueKeysWithValues: table.rows.map { row -> (String, String) in
            (String(row.fields[id].dropFirst("Participant ".count)), row.fields[grade])
        })
        #expect(grades == ["40213": "64", "40587": "71.5"])
        #expect(table.rows.first?.fields[1] == "Ada_Lovelace, \"Countess\"")
    }

    @Test func canvasGradebookRoundTrip() throws {
        let csv = LMSExport(course: course, results: results, all: [results]).canvasGradebook()
        let table = try CSVTable.parse(csv, file: "canvas.csv")
        #expect(Array(table.header.prefix(5)) == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"])
        #expect(table.header.last == "Essay, part 1")
        #expect(table.rows.first?.fields.first?.trimmingCharacters(in: .whitespaces) == "Points Possible")
        let sis = try #require(table.column("SIS User ID"))
        let grades = Dictionary(uniqueKeysWithValues: table.rows.dropFirst().map { ($0.fields[sis], $0.fields[5]) })
        #expect(grades == ["C1": "64", "C2": "71.5", "C3": "50"])
    }
}
