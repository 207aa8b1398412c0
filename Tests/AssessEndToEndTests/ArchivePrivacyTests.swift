import AssessDocuments
import AssessTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every archive of a run on the samples (with drafts, so that every assessment is in)
/// holds its own candidate only: no other candidate's name, id, or words quoted from
/// their submission.
@Suite struct ArchivePrivacyTests {
    @Test func noArchiveHoldsAnotherCandidatesNameIdOrText() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path, "--draft"])
        let roster = try String(contentsOfFile: SamplesEndToEndTests.samples + "/roster.csv", encoding: .utf8)
        let candidates = roster.split(separator: "\n").dropFirst().map { line -> (id: String, name: String) in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields[1]))
        }
        #expect(candidates.count == 14)
        var texts: [String: [String]] = [:]
        for candidate in candidates {
            let archive = try ZipArchive(path: directory.path + "/feedback/\(candidate.id).zip")
            texts[candidate.id] = try archive.entries.map { String(decoding: try archive.read($0.name), as: UTF8.self) }
        }
        // Words quoted from a submission ("where the limit fell") are that candidate's text.
        func quotes(_ id: String) -> [String] {
            (texts[id] ?? []).flatMap { text in text.components(separatedBy: "“").dropFirst().compactMap { $0.components(separatedBy: "”").first } }
                .filter { $0.count > 12 }
        }
        #expect(candidates.contains { !quotes($0.id).isEmpty }, "the samples quote some submissions' text")
        for own in candidates {
            let joined = (texts[own.id] ?? []).joined(separator: "\n")
            #expect(joined.contains(own.id))
            for other in candidates where other.id != own.id {
                #expect(!joined.contains(other.id), "\(own.id)'s archive holds \(other.id)")
                #expect(!joined.contains(other.name) && !joined.contains(other.name.replacingOccurrences(of: "'", with: "&#39;")), "\(own.id)'s archive names \(other.name)")
                // The samples reuse sentences: a quote that is part of one's own is one's own text too.
                for quote in quotes(other.id) where !quotes(own.id).contains(where: { $0.contains(quote) || quote.contains($0) }) {
                    #expect(!joined.contains(quote), "\(own.id)'s archive quotes \(other.id)'s text")
                }
            }
        }
    }
}

/// Feedback is released only when an assessment's marks are complete and agreed; the
/// samples' process evaluation has an unresolved discrepancy (C1003) and an unreadable
/// script (C1009).
@Suite struct ReleaseControlTests {
    /// Without Chromium, --pdf says so and the run goes on as without it.
    @Test func pdfWithoutChromiumIsAMessageNotAFailure() throws {
        let directory = try TemporaryDirectory()
        let outcome = try runAssess(["run", SamplesEndToEndTests.samples, "--out", directory.path, "--only", "hit-briefing-paper", "--pdf"],
                                    environment: ["PATH": "/nonexistent"])
        #expect(outcome.status == 1)  // the samples' over-length essay, as without --pdf
        let archive = try ZipArchive(path: directory.path + "/feedback/C1001.zip")
        #expect(archive.entries.contains { $0.name == "hit-briefing-paper/feedback.html" })
        #expect(!archive.entries.contains { $0.name.hasSuffix(".pdf") })
    }

    @Test func feedbackIsHeldUntilMarksAreAgreedOrWrittenAsADraft() throws {
        let directory = try TemporaryDirectory()
        let held = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path + "/held"])
        #expect(held.stdout.contains("hs-process-evaluation: feedback held back"))
        let archive = try ZipArchive(path: directory.path + "/held/feedback/C1005.zip")
        // Every released assessment, and nothing of the held one.
        #expect(archive.entries.contains { $0.name == "hit-briefing-paper/feedback.html" })
        #expect(!archive.entries.contains { $0.name.hasPrefix("hs-process-evaluation/") })
        let index = String(decoding: try archive.read("index.html"), as: UTF8.self)
        #expect(index.contains("feedback not released yet"))
        #expect(!index.contains("DRAFT"))
        let lms = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/held/lms").sorted()
        #expect(lms.contains("hit-briefing-paper-moodle-feedback.zip"))
        #expect(!lms.contains { $0.hasPrefix("hs-process-evaluation") })
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/held/run.json"))) as? [String: Any])
        let assessments = try #require(summary["assessments"] as? [[String: Any]])
        let release = Dictionary(uniqueKeysWithValues: assessments.map { ($0["id"] as? String ?? "", $0) })
        #expect(release["hit-briefing-paper"]?["release"] as? String == "released")
        #expect(release["hs-process-evaluation"]?["release"] as? String == "held")
        #expect((release["hs-process-evaluation"]?["held_because"] as? [String])?.map { String($0.prefix(5)) } == ["C1003", "C1009"])

        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path + "/draft", "--draft"])
        let draft = try ZipArchive(path: directory.path + "/draft/feedback/C1005.zip")
        let page = String(decoding: try draft.read("hs-process-evaluation/feedback.html"), as: UTF8.self)
        #expect(page.contains("<p class=\"draft-banner\" role=\"note\"><strong>DRAFT</strong>"))
        #expect(String(decoding: try draft.read("hs-process-evaluation/feedback.txt"), as: UTF8.self).hasPrefix("DRAFT"))
        #expect(String(decoding: try draft.read("hs-process-evaluation/feedback.json"), as: UTF8.self).contains("\"release\" : \"draft\""))
        #expect(!String(decoding: try draft.read("hit-briefing-paper/feedback.html"), as: UTF8.self).contains("DRAFT"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/draft/lms/hs-process-evaluation-moodle-grades.csv"))
    }
}

/// The module lead's pages of a run on the samples parse as XML, chart in SVG and link
/// each script that needs a person to its archive.
@Suite struct ModuleLeadReportTests {
    @Test func reportsOfTheSamplesAreWellFormedAndLinked() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path])
        for name in ["index.html", "hit-briefing-paper/report.html", "hs-process-evaluation/report.html"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/" + name))
            _ = try XMLDocument(data: data, options: [])
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("Amara") && !html.contains("Müller"), "\(name) names candidates")
        }
        let report = try String(contentsOfFile: directory.path + "/hs-process-evaluation/report.html", encoding: .utf8)
        #expect(report.contains("<svg"))
        for id in ["C1003", "C1005", "C1009"] { #expect(report.contains("<a href=\"../feedback/\(id).zip\">\(id)</a>")) }
        #expect(report.contains("<dt>Late</dt><dd>1</dd>"))
        #expect(report.contains("<dt>Over the word limit</dt><dd>1</dd>"))
        let index = try String(contentsOfFile: directory.path + "/index.html", encoding: .utf8)
        #expect(index.contains("<td>held: 2 scripts without an agreed mark</td>"))
        #expect(index.contains("<td>released</td>"))
    }
}
