public import AssessCore

/// Feedback as plain text, for screen readers and email: the same content as the HTML.
public enum PlainTextFeedback {
    /// Renders one assessment's feedback; a draft says so on its first line.
    public static func render(course: Course, candidate: Candidate, assessment: Assessment, result: SubmissionResult, draft: Bool = false) -> String {
        var lines = draft ? ["DRAFT — \(FeedbackArchive.draftNotice).", ""] : []
        lines += [
            assessment.title, String(repeating: "=", count: assessment.title.count),
            "\(assessment.module) · \(course.programme)",
            "\(candidate.name) · candidate \(candidate.id)",
            "Mark: \(result.mark.map { markText($0.mark) + ($0.band.map { " (\($0))" } ?? "") } ?? "not given yet")",
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
            if let grid = section.grid { lines += gridLines(grid) }
            for note in section.notes { lines.append("  * \(note)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// A rubric grid as text: each criterion with every level, the chosen one marked
    /// "[x]" and named, then the comments.
    static func gridLines(_ grid: RubricGrid) -> [String] {
        var lines = ["", "\(grid.title) (the level chosen for your work is marked [x]):"]
        for criterion in grid.criteria {
            let chosen = criterion.chosen.map { "level chosen: \($0.name) (\($0.points))" } ?? criterion.score.map { "score: \($0)" } ?? ""
            lines.append("  \(criterion.title)\(criterion.weight.map { ", weight \($0)" } ?? "") - \(chosen)")
            for level in criterion.levels {
                lines.append("    [\(level.chosen ? "x" : " ")] \(level.name) (\(level.points))\(level.descriptor.isEmpty ? "" : ": \(level.descriptor)")")
            }
            if let comment = criterion.comment { lines.append("    Comment: \(comment)") }
        }
        if let overall = grid.overallComment { lines += ["", "Overall comment:", "  \(overall)"] }
        return lines
    }
}
