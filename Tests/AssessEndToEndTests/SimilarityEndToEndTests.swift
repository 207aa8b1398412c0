import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Similarity through `assess run`: the shared passage reaches the marker's results and
/// never a student's archive.
@Suite struct SimilarityEndToEndTests {
    static let shared = "Structured medication orders with decision support alerts reduced transcription errors on every pilot ward within six months of the electronic prescribing go live date"

    @Test func passagesGoToResultsNeverToArchives() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nprocessors:\n  wordcount: {}\n  similarity:\n    min_passage_words: 15\n")
        let own = [
            "C1": "The trust board approved the new system after a long consultation with clinical leads and the pharmacy team in the spring.",
            "C2": "Our ward managers argued for a phased rollout because agency staff needed training on the interface before the winter.",
            "C3": "Patients in the community clinics used the online portal to book appointments and to read letters from consultants at home.",
        ]
        for (id, text) in own {
            let body = DocxBuilder.paragraph(text) + (id == "C3" ? "" : DocxBuilder.paragraph(Self.shared + ". " + text))
            try course.submit("essay", id, DocxBuilder(body: body))
        }
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("similarity.shared_passages"))

        let results = try JSONDecoder().decode(AssessmentResults.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/essay/results.json")))
        let rows = try #require(results.cohortReports["similarity"]?.first?.table?.rows)
        #expect(rows.count == 1 && rows[0][0] == "C1" && rows[0][1] == "C2")
        #expect(rows[0][4].contains("Structured medication orders"))
        #expect(results.problems.map(\.code) == ["similarity.shared_passages"])
        let c1 = try #require(results.result(for: "C1")?.processors.first { $0.processor == "similarity" })
        #expect(c1.restricted?["similarity"] != nil)

        for id in ["C1", "C2", "C3"] {
            let archive = try ZipArchive(path: out + "/feedback/\(id).zip")
            for entry in archive.entries {
                let text = String(decoding: try archive.read(entry.name), as: UTF8.self)
                #expect(!text.contains("medication orders"), "\(id).zip \(entry.name) shows the passage")
                #expect(!text.contains("shared_passages"), "\(id).zip \(entry.name) shows the match")
                for other in ["C1", "C2", "C3"] where other != id {
                    #expect(!text.contains(other), "\(id).zip \(entry.name) names \(other)")
                }
            }
        }
    }
}
