public import AssessCore

/// Feedback as plain text, for screen readers and email: the same content as the HTML.
public enum PlainTextFeedback {
    /// Renders one assessment's feedback.
    public static func render(course: Course, candidate: Candidate, assessment: Assessment, result: SubmissionResult) -> String {
        var lines = [
            assessment.title, String(repeating: "=", count: assessment.title.count),
            "\(assessment.module) · \(course.programme)",
            "\(candidate.name) · candidate \(candidate.id)",
            "Status: \(statusText(result))", "",
        ]
        if !result.files.isEmpty {
            lines.append("Files received:")
            for file in result.files { lines.append("  - \(file.name): \(file.error ?? "read as \(file.format?.uppercased() ?? "?")")") }
            lines.append("")
        }
        if !result.findings.isEmpty {
            lines.append("Notes from the checks:")
            for finding in result.findings {
                let label = finding.severity == .attention ? "Needs attention" : finding.severity == .warning ? "Check" : "Note"
                lines.append("  - \(label): \(finding.message) [\(finding.code)]")
            }
            lines.append("")
        }
        for section in result.processors.flatMap(\.feedback) {
            lines += [section.title, String(repeating: "-", count: section.title.count)]
            if let summary = section.summary { lines.append(summary) }
            for fact in section.facts { lines.append("  \(fact.label): \(fact.value)\(fact.emphasis ? "  <--" : "")") }
            if let table = section.table {
                lines.append("")
                lines.append(table.caption + ":")
                for row in table.rows {
                    lines.append("  " + zip(table.columns, row).map { "\($0): \($1)" }.joined(separator: "; "))
                }
            }
            for note in section.notes { lines.append("  * \(note)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
