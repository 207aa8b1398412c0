public import AssessCore
internal import AssessDocuments

/// What a module lead uploads to the LMS as it is, per assessment, in `out/lms/`:
///
/// ```
/// <assessment>-moodle-feedback.zip  Moodle's "Upload multiple feedback files in a zip"
/// <assessment>-moodle-grades.csv    Moodle's grading worksheet ("Upload grading worksheet")
/// <assessment>-canvas-grades.csv    Canvas gradebook import
/// ```
///
/// Moodle's importer reads each path part of the zip as
/// `<full name>_<participant id>_assignfeedback_file[_<rest>]`: it splits at the first
/// four underscores and needs the second part to be the participant id (`lms_id` in
/// `roster.csv`). Names therefore lose their underscores. Candidates without an
/// `lms_id` are left out of the Moodle files (``skipped``). See `docs/lms.md`.
public struct LMSExport {
    let course: Course
    let results: AssessmentResults
    /// Every assessment's results, for the candidates' feedback pages.
    let all: [AssessmentResults]

    /// Creates the exports of one assessment.
    public init(course: Course, results: AssessmentResults, all: [AssessmentResults]) {
        self.course = course
        self.results = results
        self.all = all
    }

    /// Candidates with a result but no `lms_id`, by id: Moodle cannot match them.
    public var skipped: [String] {
        candidates.filter { $0.lmsID == nil }.map(\.id)
    }

    private var candidates: [Candidate] {
        course.candidates.filter { results.result(for: $0.id) != nil }.sorted { $0.id < $1.id }
    }

    /// The Moodle feedback-files zip's entries, in order.
    public func moodleFeedbackFiles() throws -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for candidate in candidates {
            guard let participant = candidate.lmsID else { continue }
            let folder = "\(Self.moodleName(candidate.name))_\(participant)_assignfeedback_file"
            let archive = FeedbackArchive(course: course, candidate: candidate, results: all)
            for (name, bytes) in try archive.files() where name.hasPrefix(results.assessment.id + "/feedback.") {
                files.append((folder + "/" + name.dropFirst(results.assessment.id.count + 1), bytes))
            }
        }
        return files
    }

    /// Writes the Moodle feedback-files zip.
    public func writeMoodleFeedback(to path: String) throws {
        let writer = try ZipWriter(path: path)
        for (name, bytes) in try moodleFeedbackFiles() { try writer.add(name, bytes: bytes) }
        try writer.close()
    }

    /// Moodle's grading worksheet: the columns its offline-grading importer reads
    /// (`Identifier` as `Participant <id>`, `Grade`, `Last modified (grade)`, and
    /// `Feedback comments`), with the others of its own export for people to read.
    public func moodleWorksheet() -> String {
        var lines = [GradebookExport.moodleHeader.map(ResultsCSV.field).joined(separator: ",")]
        for candidate in candidates {
            guard let participant = candidate.lmsID, let result = results.result(for: candidate.id) else { continue }
            let status = result.status == .notSubmitted ? "No submission" : "Submitted for grading"
            let row = ["Participant \(participant)", candidate.name, candidate.email ?? "", status, result.mark.map { markText($0.mark) } ?? "",
                       "100.00", "Yes", "", "", Self.comment(result)]
            lines.append(row.map(ResultsCSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Canvas's gradebook CSV: `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`,
    /// then the assessment's column, with the `Points Possible` row Canvas writes. Canvas
    /// matches students by `SIS User ID` (the candidate id) when `ID` is empty; a column
    /// without a Canvas assignment id becomes a new assignment on import.
    public func canvasGradebook() -> String {
        let column = "\(results.assessment.title)"
        var lines = GradebookExport.canvasHeader(title: column, maximum: 100).map { $0.map(ResultsCSV.field).joined(separator: ",") }
        for candidate in candidates {
            guard let result = results.result(for: candidate.id) else { continue }
            let row = [candidate.name, "", candidate.id, candidate.email ?? "", candidate.group ?? "", result.mark.map { markText($0.mark) } ?? ""]
            lines.append(row.map(ResultsCSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the three files into `directory` (which must exist).
    public func write(to directory: String) throws {
        let id = results.assessment.id
        try writeMoodleFeedback(to: directory + "/\(id)-moodle-feedback.zip")
        try OutputWriter.atomicWrite(moodleWorksheet(), to: directory + "/\(id)-moodle-grades.csv")
        try OutputWriter.atomicWrite(canvasGradebook(), to: directory + "/\(id)-canvas-grades.csv")
    }

    /// A name as a Moodle folder name: no underscores (the importer splits at them), no
    /// slashes, no leading dot or tilde (it ignores hidden files).
    static func moodleName(_ name: String) -> String {
        var cleaned = String(name.map { "_/\\".contains($0) || $0.isNewline ? " " : $0 })
        while let first = cleaned.first, first == "." || first == "~" || first == " " { cleaned.removeFirst() }
        return cleaned.isEmpty ? "Student" : cleaned
    }

    /// A short comment for the gradebook: the mark, band and where the feedback is.
    static func comment(_ result: SubmissionResult) -> String {
        guard let mark = result.mark else { return result.status == .notSubmitted ? "Not submitted." : "Not marked yet." }
        return "Mark \(markText(mark.mark))\(mark.band.map { " (\($0))" } ?? ""). The full feedback, with the rubric, is in the feedback files."
    }
}
