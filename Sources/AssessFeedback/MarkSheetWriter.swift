public import AssessCore
internal import Foundation

/// Writes markers' sheets for one assessment (`assess marksheets`): for each marker in
/// `allocation.csv`, `<marker>.csv` and `<marker>.yaml` with the scripts allocated to
/// them; without an allocation, one `unallocated` sheet of every submitted script with
/// the marker column left for the marker to fill in.
///
/// The sheets are pre-filled from a fresh run of the assessment's processors (not from
/// the last `results.json`, which may be stale or absent): the words counted, the
/// penalty that would apply and the checks' finding codes. Names appear only when the
/// course is not anonymous.
public struct MarkSheetWriter {
    private let course: Course
    private let configured: ConfiguredAssessment
    private let results: AssessmentResults

    /// Creates a writer from a run's results.
    public init(course: Course, configured: ConfiguredAssessment, results: AssessmentResults) {
        self.course = course
        self.configured = configured
        self.results = results
    }

    /// The assessment's rubric processor, if it has one.
    public static func rubricMarking(_ configured: ConfiguredAssessment) -> (any RubricMarking)? {
        configured.processors.lazy.compactMap { $0 as? any RubricMarking }.first
    }

    /// Writes the sheets into `directory`.
    /// - Returns: the paths written, sorted.
    /// - Throws: when the assessment has no rubric, or a file cannot be written.
    public func write(to directory: String) throws -> [String] {
        guard let marking = Self.rubricMarking(configured) else {
            throw MarkSheetError("the assessment '\(configured.assessment.id)' has no rubric processor; add 'rubric: {}' to its processors and 'rubric: <id>' to assessment.yaml")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let byGroup = marking.groups != nil
        var written: [String] = []
        let sheets: [(marker: String, lines: [MarkSheetLine])]
        if marking.allocation.entries.isEmpty {
            let scripts = submittedScripts(groups: marking.groups)
            sheets = [("", scripts.map { line($0, role: .first, groups: marking.groups) })]
        } else {
            sheets = marking.allocation.markers.map { marker in
                (marker, marking.allocation.scripts(of: marker).map { line($0.script, role: $0.role, groups: marking.groups) })
            }
        }
        for (marker, lines) in sheets {
            let base = directory + "/" + (marker.isEmpty ? "unallocated" : marker)
            let csv = MarkSheetFormat.csv(rubric: marking.rubric, marker: marker, lines: lines, byGroup: byGroup, anonymous: course.anonymous)
            let yaml = MarkSheetFormat.yaml(rubric: marking.rubric, assessment: configured.assessment, marker: marker, lines: lines, byGroup: byGroup, anonymous: course.anonymous)
            try OutputWriter.atomicWrite(csv, to: base + ".csv")
            try OutputWriter.atomicWrite(yaml, to: base + ".yaml")
            written += [base + ".csv", base + ".yaml"]
        }
        return written
    }

    private func submittedScripts(groups: [String: String]?) -> [String] {
        let submitted = results.submissions.filter { $0.status != .notSubmitted }.map(\.candidateID)
        guard let groups else { return submitted }
        return Array(Set(submitted.compactMap { groups[$0] })).sorted()
    }

    private func line(_ script: String, role: MarkingRole, groups: [String: String]?) -> MarkSheetLine {
        let members = groups.map { groups in groups.filter { $0.value == script }.map(\.key).sorted() } ?? [script]
        let result = members.lazy.compactMap { self.results.result(for: $0) }.first { $0.status != .notSubmitted }
        let name = groups == nil && !course.anonymous ? course.candidates.first { $0.id == script }?.name : nil
        let words = result?.processors.first { $0.processor == "wordcount" }?.metrics["words"]?.intValue
        let penalty = result?.processors.first { $0.processor == "penalties" }?.metrics["would_apply"]?.stringValue ?? ""
        let flags = result.map { $0.findings.map(\.code).filter { !$0.hasPrefix("rubric.") } } ?? ["not_submitted"]
        return MarkSheetLine(script: script, name: name, role: role, words: words, penalty: penalty, flags: flags)
    }
}

/// Mark sheets could not be written.
public struct MarkSheetError: Error, CustomStringConvertible {
    public var description: String

    /// Creates an error with a one-sentence description.
    public init(_ description: String) { self.description = description }
}
