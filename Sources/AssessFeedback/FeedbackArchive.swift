public import AssessCore
internal import AssessDocuments
public import Foundation

/// Writes one candidate's feedback archive, `<candidate>.zip`:
///
/// ```
/// index.html                      every assessment with its status
/// <assessment>/feedback.html      the report a student reads
/// <assessment>/feedback.json      the same for machines
/// <assessment>/feedback.txt       the same as plain text (screen readers, email)
/// <assessment>/feedback.pdf       the page printed on A4 (with --pdf and Chromium)
/// MANIFEST.sha256                 sha256sum-style checksums of every entry
/// ```
///
/// Only this candidate's results go in: no other candidate's name, id or text.
public struct FeedbackArchive {
    let course: Course
    let candidate: Candidate
    /// This candidate's results, one per assessment, in assessment order.
    let entries: [(assessment: Assessment, result: SubmissionResult)]
    /// Assessments whose marks are not complete and agreed: left out, or drafts.
    let held: Set<String>
    /// Held assessments in the order of the others, named on the index only.
    let withheld: [Assessment]
    /// Whether held assessments are written as watermarked drafts.
    let draft: Bool

    /// The words on every draft page.
    static let draftNotice = "not released: the marks are not yet complete and agreed, and may change"

    /// Collects a candidate's results from every assessment's results. An assessment
    /// whose marks are not complete and agreed (``AssessmentResults/releaseHolds``) is
    /// left out, its index row saying so, unless `draft` is set: then it is written with
    /// "DRAFT" on every page.
    public init(course: Course, candidate: Candidate, results: [AssessmentResults], draft: Bool = false) {
        self.course = course
        self.candidate = candidate
        self.draft = draft
        let heldResults = results.filter { !$0.releaseHolds.isEmpty }
        let held = Set(heldResults.map(\.assessment.id))
        self.held = held
        withheld = draft ? [] : heldResults.filter { $0.result(for: candidate.id) != nil }.map(\.assessment)
        entries = results.compactMap { results in
            guard draft || !held.contains(results.assessment.id) else { return nil }
            return results.result(for: candidate.id).map { (results.assessment, $0) }
        }
    }

    /// When set, each assessment's page is also printed to `<assessment>/feedback.pdf`
    /// (a page Chromium fails to print is left without one).
    public var printer: PDFPrinter?

    private func isDraft(_ assessment: Assessment) -> Bool { draft && held.contains(assessment.id) }

    /// The archive's entries, in the order they are written.
    public func files() throws -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [("index.html", Array(indexPage().utf8))]
        for (assessment, result) in entries {
            let html = page(assessment, result)
            files.append(("\(assessment.id)/feedback.html", Array(html.utf8)))
            if let printer, let pdf = printer.print(html: html) { files.append(("\(assessment.id)/feedback.pdf", pdf)) }
            files.append(("\(assessment.id)/feedback.json", try FeedbackJSON.encode(FeedbackDocument(course: course, candidate: candidate, assessment: assessment, result: result, draft: isDraft(assessment)))))
            files.append(("\(assessment.id)/feedback.txt", Array(PlainTextFeedback.render(course: course, candidate: candidate, assessment: assessment, result: result, draft: isDraft(assessment)).utf8)))
        }
        let manifest = files.map { "\(SHA256.hex($0.1))  \($0.0)\n" }.joined()
        files.append(("MANIFEST.sha256", Array(manifest.utf8)))
        return files
    }

    /// Writes the archive to `path` (atomically: libzip renames a finished temp file).
    /// - Returns: the SHA-256 of the written archive.
    public func write(to path: String) throws -> String {
        let writer = try ZipWriter(path: path)
        for (name, bytes) in try files() { try writer.add(name, bytes: bytes) }
        try writer.close()
        return SHA256.hex(try DocumentReader.readFile(path: path))
    }

    private func indexPage() -> String {
        var page = HTMLPage(title: "Feedback for \(candidate.name)")
        if entries.contains(where: { isDraft($0.assessment) }) { page.watermark = "some assessments below are drafts, " + Self.draftNotice }
        page.element("p", "\(course.programme) · \(course.cohort)", class: "context")
        page.element("h1", "Feedback for \(candidate.name)")
        page.element("p", "Candidate \(candidate.id)", class: "context")
        page.raw("<table class=\"summary\">\n<caption>Your assessments</caption>\n<thead><tr><th scope=\"col\">Assessment</th><th scope=\"col\">Module</th><th scope=\"col\" class=\"number\">Mark</th><th scope=\"col\">Band</th><th scope=\"col\">Status</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n")
        for (assessment, result) in entries {
            let mark = result.mark
            page.raw("<tr><th scope=\"row\"><a href=\"\(HTMLPage.escape(assessment.id))/feedback.html\">\(HTMLPage.escape(assessment.title))</a></th>")
            for (cell, number) in [(assessment.module, false), (mark.map { markText($0.mark) } ?? "—", true), (mark?.band ?? "—", false),
                                   (statusText(result), false), (notesText(result), false)] {
                page.raw("<td\(number ? " class=\"number\"" : "")>\(HTMLPage.escape(cell))</td>")
            }
            page.raw("</tr>\n")
        }
        for assessment in withheld {
            page.raw("<tr><th scope=\"row\">\(HTMLPage.escape(assessment.title))</th><td>\(HTMLPage.escape(assessment.module))</td><td class=\"number\">—</td><td>—</td><td>feedback not released yet: the marks are being finalised</td><td>—</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n")
        page.element("p", "A mark shown as — has not been given yet. Marks may change until the exam board confirms them.")
        page.element("p", "Each assessment's page has the full report. The same content is in feedback.txt (plain text) and feedback.json.")
        return page.html
    }

    private func page(_ assessment: Assessment, _ result: SubmissionResult) -> String {
        var page = HTMLPage(title: "\(assessment.title) — feedback for \(candidate.name)")
        if isDraft(assessment) { page.watermark = Self.draftNotice }
        page.raw("<p class=\"context\"><a href=\"../index.html\">All assessments</a></p>\n")
        page.element("p", "\(assessment.module) · \(course.programme)", class: "context")
        page.element("h1", assessment.title)
        page.element("p", "\(candidate.name) · candidate \(candidate.id)", class: "context")
        var headline: [FeedbackSection.Fact] = []
        if let mark = result.mark {
            headline.append(.init("Mark", markText(mark.mark), emphasis: true))
            if let band = mark.band { headline.append(.init("Band", band)) }
        } else {
            headline.append(.init("Mark", "not given yet"))
        }
        headline.append(.init("Status", statusText(result)))
        page.facts(headline)
        if !result.files.isEmpty {
            page.table(FeedbackSection.Table(
                caption: "Files received", columns: ["File", "Read as", "Result"],
                rows: result.files.map { [$0.name, $0.format?.uppercased() ?? "—", $0.error ?? "read"] }))
        }
        page.findings(result.findings)
        for processor in result.processors {
            for section in processor.feedback { page.section(section) }
        }
        return page.html
    }
}

func statusText(_ result: SubmissionResult) -> String {
    switch result.status {
    case .processed: result.needsAttention.isEmpty ? "received and checked" : "received; a marker will review the notes on its page"
    case .notSubmitted: "not submitted"
    case .unreadable: "received, but the file could not be read"
    }
}

func notesText(_ result: SubmissionResult) -> String {
    let attention = result.needsAttention.count
    let others = result.findings.count - attention
    var parts: [String] = []
    if attention > 0 { parts.append(attention == 1 ? "1 point needs attention" : "\(attention) points need attention") }
    if others > 0 { parts.append(others == 1 ? "1 note" : "\(others) notes") }
    return parts.isEmpty ? "—" : parts.joined(separator: ", ")
}

/// The machine-readable feedback of one candidate for one assessment.
struct FeedbackDocument: Encodable {
    let schema = "assess.feedback/1"
    let course: [String: String]
    let assessment: Assessment
    let candidate: [String: String]
    let result: SubmissionResult
    /// The mark that stands (after penalties) and its band; nil until marked.
    let mark: Double?
    let band: String?
    /// `final`, or `draft` for feedback written with `--draft` before the marks are agreed.
    let release: String

    init(course: Course, candidate: Candidate, assessment: Assessment, result: SubmissionResult, draft: Bool) {
        release = draft ? "draft" : "final"
        self.course = ["programme": course.programme, "cohort": course.cohort]
        var assessmentCopy = assessment
        assessmentCopy.directory = ""  // a path on the marking machine is nobody's business
        self.assessment = assessmentCopy
        self.candidate = ["id": candidate.id, "name": candidate.name]
        var studentView = result
        // Staff only: restricted figures, and the results.csv columns (they can name others, e.g. group members).
        for index in studentView.processors.indices {
            studentView.processors[index].restricted = nil
            studentView.processors[index].columns = []
        }
        self.result = studentView
        mark = result.mark?.mark
        band = result.mark?.band
    }
}

/// JSON as every `assess` file writes it: sorted keys, two-space indents, ISO dates.
public enum FeedbackJSON {
    /// Encodes a value deterministically.
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value)) + [0x0A]
    }

    /// Decodes what ``encode(_:)`` wrote.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: data)
    }
}
