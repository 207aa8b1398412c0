public import AssessCore
internal import Foundation

/// Writes everything a run produces under the output folder:
///
/// ```
/// feedback/<candidate>.zip   one archive per roster candidate
/// <assessment>/results.csv   a row per candidate
/// <assessment>/results.json  the full results, read back when a later run uses --only
/// <assessment>/report.html   the module lead's report (SVG charts, no scripts)
/// index.html                 the course's assessments, linked to their reports
/// lms/<assessment>-…         Moodle feedback-files zip, Moodle and Canvas grade CSVs
/// run.json                   counts, what needs a person, elapsed time
/// ```
///
/// Every file is written atomically (a temporary file renamed into place), in a fixed
/// order, with fixed times inside archives: the same inputs give the same bytes.
public struct OutputWriter {
    private let course: Course
    private let directory: String
    private let draft: Bool
    private let printer: PDFPrinter?

    /// Creates a writer for `course` into `directory`.
    /// - Parameter draft: write the feedback of assessments whose marks are not complete
    ///   and agreed too, watermarked as drafts (otherwise it is held back).
    /// - Parameter printer: prints each feedback page to `feedback.pdf` in the archives.
    public init(course: Course, directory: String, draft: Bool = false, printer: PDFPrinter? = nil) {
        self.course = course
        self.directory = directory
        self.draft = draft
        self.printer = printer
    }

    /// Writes the outputs of a run.
    /// - Parameters:
    ///   - results: the assessments run this time.
    ///   - elapsed: seconds the run took (the only figure that differs between runs).
    /// - Returns: the summary also written to `run.json`.
    /// - Throws: when a file cannot be written.
    public func write(_ results: [AssessmentResults], elapsed: Double) throws -> RunSummary {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: directory + "/feedback", withIntermediateDirectories: true)
        // A run killed while writing leaves temporary files beside the outputs; clear them.
        Self.removeLeftovers(in: directory + "/feedback", outputs: course.candidates.map { $0.id + ".zip" })
        Self.removeLeftovers(in: directory, outputs: ["run.json", "index.html"])
        for configured in course.assessments {
            Self.removeLeftovers(in: directory + "/" + configured.assessment.id, outputs: ["results.csv", "results.json", "report.html"])
        }
        for result in results {
            let folder = directory + "/" + result.assessment.id
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let files = result.cohortFiles.keys.sorted().flatMap { result.cohortFiles[$0] ?? [] }.filter { Self.isSafeFileName($0.name) }
            let ownResults = files.contains { $0.name == "results.csv" }
            try Self.atomicWrite(ResultsCSV.render(result, course: course), to: folder + (ownResults ? "/submissions.csv" : "/results.csv"))
            for file in files {
                try Self.atomicWrite(([file.columns] + file.rows).map { $0.map(ResultsCSV.field).joined(separator: ",") + "\n" }.joined(), to: folder + "/" + file.name)
            }
            try Self.atomicWrite(FeedbackJSON.encode(result), to: folder + "/results.json")
            try Self.atomicWrite(AssessmentReport(course: course, results: result).html, to: folder + "/report.html")
        }

        // Archives hold every assessment: those run now, and earlier results of the rest.
        let ranIDs = Set(results.map(\.assessment.id))
        var all = results
        for configured in course.assessments where !ranIDs.contains(configured.assessment.id) {
            let path = directory + "/" + configured.assessment.id + "/results.json"
            if let data = fileManager.contents(atPath: path), let earlier = try? FeedbackJSON.decode(AssessmentResults.self, from: data) {
                all.append(earlier)
            }
        }
        let order = course.assessments.map(\.assessment.id)
        all.sort { (order.firstIndex(of: $0.assessment.id) ?? .max) < (order.firstIndex(of: $1.assessment.id) ?? .max) }

        try Self.atomicWrite(CourseReport(course: course, results: all).html, to: directory + "/index.html")
        var archives: [String: String] = [:]
        let sortedCandidates = course.candidates.sorted(by: { $0.id < $1.id })
        for (offset, candidate) in sortedCandidates.enumerated() {
            if offset == sortedCandidates.count / 2 { FaultInjection.reach("outputs.mid-archives") }
            var archive = FeedbackArchive(course: course, candidate: candidate, results: all, draft: draft)
            archive.printer = printer
            archives[candidate.id] = try archive.write(to: directory + "/feedback/" + candidate.id + ".zip")
        }
        try fileManager.createDirectory(atPath: directory + "/lms", withIntermediateDirectories: true)
        Self.removeLeftovers(in: directory + "/lms", outputs: course.assessments.flatMap { configured in
            ["-moodle-feedback.zip", "-moodle-grades.csv", "-canvas-grades.csv"].map { configured.assessment.id + $0 }
        })
        // Only released marks and feedback go to the LMS, never drafts.
        for result in results where result.releaseHolds.isEmpty {
            try LMSExport(course: course, results: result, all: all).write(to: directory + "/lms")
        }
        let summary = RunSummary(course: course, results: results, archives: archives, draft: draft, elapsed: elapsed)
        FaultInjection.reach("outputs.before-run-json")
        try Self.atomicWrite(FeedbackJSON.encode(summary), to: directory + "/run.json")
        return summary
    }

    /// Removes what an interrupted atomic write leaves: `NAME.XXXXXX` (libzip) and
    /// `NAME.tmp.XXXXXX` (Foundation), with or without a leading dot, for each output NAME.
    public static func removeLeftovers(in folder: String, outputs: [String]) {
        let names = Set(outputs)
        for item in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var stem = Substring(item.hasPrefix(".") ? String(item.dropFirst()) : item)
            let suffix = stem.suffix(7)
            guard suffix.count == 7, suffix.first == ".", suffix.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
            stem = stem.dropLast(7)
            if stem.hasSuffix(".tmp") { stem = stem.dropLast(4) }
            if names.contains(String(stem)) { try? FileManager.default.removeItem(atPath: folder + "/" + item) }
        }
    }

    /// A file name a processor may choose: letters, digits, `.`, `_`, `-`, ending in `.csv`.
    static func isSafeFileName(_ name: String) -> Bool {
        name.hasSuffix(".csv") && !name.hasPrefix(".") && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Writes `text` as UTF-8, atomically.
    static func atomicWrite(_ text: String, to path: String) throws {
        try atomicWrite(Array(text.utf8), to: path)
    }

    /// Writes bytes to a temporary file beside `path` and renames it into place.
    ///
    /// The temporary file is `.NAME.tmp.XXXXXX`, which ``removeLeftovers(in:outputs:)``
    /// recognises; Foundation's own atomic write on Linux uses `.dat.nosyncXXXX.XXXXXX`,
    /// which names no output, so a run killed mid-write left it behind for good.
    static func atomicWrite(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let suffix = String((0..<6).map { _ in letters[Int.random(in: 0..<letters.count)] })
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp." + suffix)
        do {
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
            guard rename(temporary.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// `run.json`: what a run did, for scripts and for the exit status.
public struct RunSummary: Encodable, Sendable {
    /// An item that needs a person.
    public struct Attention: Encodable, Sendable, Equatable {
        public var assessment: String
        /// The candidate's id (never the name), or nil for an unmatched file.
        public var candidate: String?
        public var code: String
        public var message: String
    }

    /// One assessment's counts.
    public struct AssessmentSummary: Encodable, Sendable {
        public var id: String
        public var counts: AssessmentResults.Counts
        public var unmatched: [UnmatchedSubmission]
        /// `released`, `held` (marks not complete and agreed: no feedback, no LMS files)
        /// or `draft` (held, but written watermarked with `--draft`).
        public var release: String
        /// Why it is held, one line per script.
        public var heldBecause: [String]

        enum CodingKeys: String, CodingKey {
            case id, counts, unmatched, release
            case heldBecause = "held_because"
        }
    }

    public let assessVersion = AssessVersion.current
    public let programme: String
    public let cohort: String
    public let assessments: [AssessmentSummary]
    public let needsAttention: [Attention]
    /// SHA-256 of each candidate's feedback archive.
    public let feedbackArchives: [String: String]
    public let elapsedSeconds: Double

    enum CodingKeys: String, CodingKey {
        case programme, cohort, assessments
        case assessVersion = "assess_version"
        case needsAttention = "needs_attention"
        case feedbackArchives = "feedback_archives"
        case elapsedSeconds = "elapsed_seconds"
    }

    init(course: Course, results: [AssessmentResults], archives: [String: String], draft: Bool, elapsed: Double) {
        programme = course.programme
        cohort = course.cohort
        assessments = results.map { result in
            let holds = result.releaseHolds
            return AssessmentSummary(id: result.assessment.id, counts: result.counts, unmatched: result.unmatched,
                                     release: holds.isEmpty ? "released" : draft ? "draft" : "held", heldBecause: holds)
        }
        var attention: [Attention] = []
        for result in results {
            for submission in result.submissions {
                for finding in submission.needsAttention {
                    attention.append(Attention(assessment: result.assessment.id, candidate: submission.candidateID, code: finding.code, message: finding.message))
                }
            }
            for item in result.unmatched {
                attention.append(Attention(assessment: result.assessment.id, candidate: nil, code: "submission.unmatched", message: "\(item.source): \(item.reason)"))
            }
            for problem in result.problems {
                attention.append(Attention(assessment: result.assessment.id, candidate: nil, code: problem.code, message: problem.message))
            }
        }
        needsAttention = attention
        feedbackArchives = archives
        elapsedSeconds = (elapsed * 1000).rounded() / 1000
    }
}
