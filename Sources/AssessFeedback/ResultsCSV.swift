public import AssessCore

/// `<assessment>/results.csv`: one row per roster candidate, for module leads and
/// spreadsheets. Names appear only when the course is not anonymous.
public enum ResultsCSV {
    /// Renders the CSV (RFC 4180, LF line ends, UTF-8).
    public static func render(_ results: AssessmentResults, course: Course) -> String {
        var processorColumns: [String] = []
        for submission in results.submissions {
            for column in submission.processors.flatMap(\.columns) where !processorColumns.contains(column.name) {
                processorColumns.append(column.name)
            }
        }
        var header = ["candidate_id"]
        if !course.anonymous { header.append("name") }
        header += ["status", "files"] + processorColumns + ["needs_attention", "findings"]
        var lines = [header.map(field).joined(separator: ",")]
        let names = Dictionary(course.candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for submission in results.submissions {
            let values = Dictionary(submission.processors.flatMap(\.columns).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            var row = [submission.candidateID]
            if !course.anonymous { row.append(names[submission.candidateID] ?? "") }
            row += [submission.status.rawValue, submission.files.map(\.name).joined(separator: "; ")]
            row += processorColumns.map { values[$0] ?? "" }
            row += [submission.needsAttention.isEmpty ? "no" : "yes", submission.findings.map(\.code).joined(separator: ";")]
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a field when needed, and defuses text a spreadsheet would run as a formula.
    static func field(_ value: String) -> String {
        CSVTable.field(value)
    }
}
