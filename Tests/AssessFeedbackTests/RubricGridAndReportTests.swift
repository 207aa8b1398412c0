import AssessCore
import AssessFeedback
import AssessTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A cohort of two with a rubric grid, penalties and hostile text in every field a
/// student or a marker can influence.
enum GridFixture {
    static let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
    static let course = Course(programme: "PGDip", cohort: "2026-27", anonymous: true, bands: Band.ukPostgraduate,
                               candidates: [Candidate(id: "C1", name: "Ada Lovelace"), Candidate(id: "C2", name: "Grace Hopper")],
                               assessments: [], directory: "/tmp")

    static func grid(chosen: String, comment: String) -> RubricGrid {
        let levels = [("Pass", "55"), ("Merit", "65"), ("Distinction", "75")]
        return RubricGrid(title: "Essay rubric", criteria: [
            .init(title: "Analysis", description: "Depth " + hostile, weight: "60%",
                  levels: levels.map { .init(name: $0.0, descriptor: "Work at \($0.0) " + hostile, points: $0.1, chosen: $0.0 == chosen) }, comment: comment),
            .init(title: "Writing", weight: "40%", score: "7 of 10"),
        ], overallComment: "Overall " + hostile)
    }

    static func result(_ id: String, mark: Double, band: String, chosen: String, secret: String) -> SubmissionResult {
        let rubric = ProcessorResult(processor: "rubric", metrics: ["mark": .double(mark + 5), "band": "Merit",
                                                                     "criteria": [["title": "Analysis", "points": 65, "out_of": 100]]],
                                     feedback: [FeedbackSection(title: "Mark and rubric", grid: grid(chosen: chosen, comment: "About \(secret) " + hostile))])
        let penalties = ProcessorResult(processor: "penalties", metrics: ["mark": .double(mark), "band": .string(band), "days_late": 2],
                                        feedback: [FeedbackSection(title: "Penalties", facts: [.init("Late submission", "2 days late", emphasis: true), .init("Rule", "5 marks a day")])])
        return SubmissionResult(candidateID: id, status: .processed, findings: [Finding("penalties.late", .warning, "Late " + hostile)], processors: [rubric, penalties])
    }

    static var results: AssessmentResults {
        AssessmentResults(assessment: Assessment(id: "essay", title: "Essay " + hostile, module: "M1", kind: .written), submissions: [
            result("C1", mark: 58, band: "Pass", chosen: "Merit", secret: "Babbage-engine"),
            result("C2", mark: 71, band: "Distinction", chosen: "Distinction", secret: "COBOL-compiler"),
        ], cohortReports: ["rubric": [FeedbackSection(title: "Marker consistency " + hostile, table: .init(caption: "Markers", columns: ["Marker", "Mean"], rows: [["AB", "65"]]))]])
    }
}

@Suite struct RubricGridAndReportTests {
    func files(_ candidate: Int) throws -> [String: String] {
        let archive = FeedbackArchive(course: GridFixture.course, candidate: GridFixture.course.candidates[candidate], results: [GridFixture.results])
        return Dictionary(uniqueKeysWithValues: try archive.files().map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func theGridShowsEveryLevelAndMarksTheChosenOneInWords() throws {
        let page = try #require(try files(0)["essay/feedback.html"])
        _ = try XMLDocument(data: Data(page.utf8), options: [])
        let chosenCells = page.components(separatedBy: "<td class=\"chosen\">").dropFirst()
        #expect(chosenCells.count == 1)
        #expect(chosenCells.first?.hasPrefix("<strong class=\"mark\">✓ Chosen</strong><br /><strong><span class=\"level-name\">Merit</span>") == true)
        for level in ["Pass", "Merit", "Distinction"] { #expect(page.contains("<th scope=\"col\">\(level)</th>")) }
        #expect(page.contains("Score: 7 of 10"))
        #expect(page.contains("Overall comment"))
        // The chosen level is marked in words as well as by its border: print in black and white loses nothing.
        #expect(page.contains("✓ Chosen"))
    }

    @Test func indexAndPageGiveTheMarkThatStandsAfterPenalties() throws {
        let files = try files(0)
        let index = try #require(files["index.html"])
        #expect(index.contains("<td class=\"number\">58</td><td>Pass</td>"))
        let page = try #require(files["essay/feedback.html"])
        #expect(page.contains("<dt>Mark</dt><dd><strong>58</strong></dd>"))
        let text = try #require(files["essay/feedback.txt"])
        #expect(text.contains("Mark: 58 (Pass)"))
        #expect(text.contains("    [x] Merit (65): Work at Merit"))
        #expect(text.contains("    [ ] Pass (55)"))
        let jsonText = try #require(files["essay/feedback.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        #expect(json["mark"] as? Double == 58)
        #expect(json["band"] as? String == "Pass")
        let processors = try #require((json["result"] as? [String: Any])?["processors"] as? [[String: Any]])
        let grid = try #require((processors[0]["feedback"] as? [[String: Any]])?.first?["grid"] as? [String: Any])
        let criteria = try #require(grid["criteria"] as? [[String: Any]])
        #expect((criteria[0]["levels"] as? [[String: Any]])?.compactMap { $0["chosen"] as? Bool } == [false, true, false])
    }

    @Test(arguments: ["index.html", "essay/feedback.html"])
    func hostileTextShowsAsText(_ name: String) throws {
        let page = try #require(try files(0)[name])
        _ = try XMLDocument(data: Data(page.utf8), options: [])
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test func neitherArchiveHoldsTheOtherCandidate() throws {
        for (own, other, otherSecret) in [(0, 1, "COBOL-compiler"), (1, 0, "Babbage-engine")] {
            let candidate = GridFixture.course.candidates[other]
            for (name, text) in try files(own) {
                #expect(!text.contains(candidate.name), "\(name)")
                #expect(!text.contains("\"\(candidate.id)\"") && !text.contains(" \(candidate.id)"), "\(name)")
                #expect(!text.contains(otherSecret), "\(name)")
            }
        }
    }

    @Test func reportsAreWellFormedSelfContainedAndEscaped() throws {
        let report = AssessmentReport(course: GridFixture.course, results: GridFixture.results).html
        let course = CourseReport(course: GridFixture.course, results: [GridFixture.results]).html
        for page in [report, course] {
            _ = try XMLDocument(data: Data(page.utf8), options: [])
            #expect(!page.contains("<script"))
            #expect(!page.contains("<img"))
            #expect(!page.contains("http://") || page.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
            #expect(!page.contains("Ada") && !page.contains("Grace"), "the module lead's report names candidates by id")
        }
        #expect(report.contains("<svg"))
        #expect(report.contains("<tr><th scope=\"row\">Distinction</th><td>70</td><td>1</td></tr>"))
        #expect(report.contains("<tr><th scope=\"row\">Pass</th><td>50</td><td>1</td></tr>"))
        #expect(report.contains("<dt>Late</dt><dd>2</dd>"))
        #expect(course.contains("<a href=\"essay/report.html\">"))
    }
}

/// Renders pages in headless Chromium, as a person would see them, when it is installed.
@Suite struct ScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func screenshot(_ url: String, to path: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1400", "--screenshot=\(path)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return size
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); the pages were not rendered"),
          arguments: ["index.html", "essay/feedback.html"])
    func pageRendersToAnImageThatIsNotBlank(_ name: String) throws {
        let directory = try TemporaryDirectory()
        let archive = FeedbackArchive(course: GridFixture.course, candidate: GridFixture.course.candidates[0], results: [GridFixture.results])
        for (entry, bytes) in try archive.files() {
            let url = URL(fileURLWithPath: directory.path + "/" + entry)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try Data("<!DOCTYPE html><html lang=\"en\"><head><title>blank</title></head><body></body></html>".utf8).write(to: URL(fileURLWithPath: directory.path + "/blank.html"))
        let blank = try Self.screenshot("file://\(directory.path)/blank.html", to: directory.path + "/blank.png")
        let page = try Self.screenshot("file://\(directory.path)/\(name)", to: directory.path + "/page.png")
        let png = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/page.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A blank page compresses to a few kilobytes; text, tables and borders do not.
        #expect(blank > 0 && page > blank * 5, "page \(page) bytes against blank \(blank) bytes")
    }
}

/// `--pdf`: the feedback page printed by headless Chromium, the same bytes each time.
@Suite struct PDFPrinterTests {
    @Test(.enabled(if: ScreenshotTests.chromium != nil, "Chromium is not installed (apt-get install chromium); no PDF was printed"))
    func aPageBecomesAnA4PDFWithTheSameBytesEachTime() throws {
        var archive = FeedbackArchive(course: GridFixture.course, candidate: GridFixture.course.candidates[0], results: [GridFixture.results])
        let printer: PDFPrinter = try #require(PDFPrinter.find())
        archive.printer = printer
        let files = try archive.files()
        #expect(files.map(\.name) == ["index.html", "essay/feedback.html", "essay/feedback.pdf", "essay/feedback.json", "essay/feedback.txt", "MANIFEST.sha256"])
        let pdf = try #require(files.first { $0.name == "essay/feedback.pdf" }?.bytes)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("(D:20000101000000Z00'00')"))
        #expect(!text.contains("/MediaBox [0 0 612 792]"), "US Letter instead of A4")
        #expect(try archive.files().first { $0.name == "essay/feedback.pdf" }?.bytes == pdf)
    }

    @Test func withoutChromiumThereIsNoPrinter() {
        #expect(PDFPrinter.find(path: "/nonexistent") == nil)
        #expect(PDFPrinter(executable: "/nonexistent/chromium").print(html: "<p>x</p>") == nil)
    }

    @Test func datesBecomeTheSameWithoutMovingAnyByte() {
        let before = Array("<</CreationDate (D:20261122010539+01'00')/ModDate (D:20261122010540-05'00')>>".utf8)
        let after = PDFPrinter.fixDates(before)
        #expect(String(decoding: after, as: UTF8.self) == "<</CreationDate (D:20000101000000Z00'00')/ModDate (D:20000101000000Z00'00')>>")
        #expect(after.count == before.count)
    }
}
