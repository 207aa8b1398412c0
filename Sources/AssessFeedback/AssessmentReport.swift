public import AssessCore

/// The module lead's report of one assessment, `out/<assessment>/report.html`: counts,
/// the distribution of marks by band (inline SVG with the same figures as a table),
/// per-criterion averages, late and over-length counts, the cohort sections processors
/// wrote (double marking, marker consistency, item analysis…) and the scripts that
/// need a person, each linked to its feedback archive. Candidates appear by id only.
///
/// The report reads processors' results through conventions, not their types: a
/// numeric `mark` metric (the last one stands, see ``SubmissionResult/mark``), a
/// `criteria` array of `{title, points, out_of}`, `days_late` and `over_limit`.
public struct AssessmentReport {
    let course: Course
    let results: AssessmentResults

    /// Creates the report of one assessment's results.
    public init(course: Course, results: AssessmentResults) {
        self.course = course
        self.results = results
    }

    /// The page.
    public var html: String {
        let assessment = results.assessment
        var page = HTMLPage(title: "\(assessment.title) — module lead's report")
        page.raw("<p class=\"context\"><a href=\"../index.html\">All assessments</a></p>\n")
        page.element("p", "\(assessment.module) · \(course.programme) · \(course.cohort)", class: "context")
        page.element("h1", assessment.title)
        let counts = results.counts
        let marks = results.submissions.compactMap { $0.mark?.mark }
        let late = results.submissions.filter { $0.processors.contains { ($0.metrics["days_late"]?.intValue ?? 0) > 0 } }.count
        let long = results.submissions.filter { $0.processors.contains { $0.metrics["over_limit"] == .bool(true) } }.count
        var facts: [FeedbackSection.Fact] = [
            .init("Candidates", String(counts.candidates)), .init("Submitted", String(counts.submitted)),
            .init("Processed", String(counts.processed)), .init("Unreadable", String(counts.unreadable)),
            .init("Marked", String(marks.count)), .init("Late", String(late)), .init("Over the word limit", String(long)),
            .init("Need a person", String(counts.needsAttention), emphasis: counts.needsAttention > 0),
        ]
        if let summary = Summary(marks) {
            facts.append(.init("Marks", "mean \(Self.figure(summary.mean)), median \(Self.figure(summary.median)), lowest \(markText(summary.lowest)), highest \(markText(summary.highest))"))
        }
        page.facts(facts)

        page.raw("<section>\n")
        page.element("h2", "Marks by band")
        let bandCounts = course.bands.map { band in (band.name, results.submissions.filter { $0.mark.map { course.band(for: $0.mark)?.name == band.name } ?? false }.count) }
        if marks.isEmpty {
            page.element("p", "No marks yet.")
        } else {
            page.raw(BarChart(title: "Number of candidates in each band", bars: bandCounts.map { ($0.0, Double($0.1), String($0.1)) }).svg)
        }
        page.table(.init(caption: "Candidates by band", columns: ["Band", "From", "Candidates"],
                         rows: zip(course.bands, bandCounts).map { [$0.name, markText($0.minimum), String($1.1)] } + [["Not marked", "", String(results.submissions.count - marks.count)]]))
        page.raw("</section>\n")

        let criteria = criterionAverages()
        if !criteria.isEmpty {
            page.raw("<section>\n")
            page.element("h2", "Criteria")
            page.raw(BarChart(title: "Average score per criterion, percent of its maximum", bars: criteria.map { ($0.title, $0.percent, "\(Self.figure($0.percent))%") }, maximum: 100).svg)
            page.table(.init(caption: "Average per criterion", columns: ["Criterion", "Scripts", "Mean points", "Out of", "Mean %"],
                             rows: criteria.map { [$0.title, String($0.count), Self.figure($0.mean), markText($0.outOf), Self.figure($0.percent)] }))
            page.raw("</section>\n")
        }

        for (processor, sections) in results.cohortReports.sorted(by: { $0.key < $1.key }) where !sections.isEmpty {
            page.raw("<section>\n")
            page.element("h2", "From \(processor)")
            for section in sections { page.section(section, level: 3) }
            page.raw("</section>\n")
        }

        page.raw("<section>\n")
        page.element("h2", "Scripts that need a person")
        let attention = results.submissions.filter { !$0.needsAttention.isEmpty }
        if attention.isEmpty && results.unmatched.isEmpty && results.problems.isEmpty {
            page.element("p", "None.")
        } else {
            page.raw("<table>\n<caption>Each needs a decision before marks are released</caption>\n<thead><tr><th scope=\"col\">Candidate</th><th scope=\"col\">Mark</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n")
            for submission in attention {
                let id = HTMLPage.escape(submission.candidateID)
                page.raw("<tr><th scope=\"row\"><a href=\"../feedback/\(id).zip\">\(id)</a></th><td>\(HTMLPage.escape(submission.mark.map { markText($0.mark) } ?? "—"))</td><td><ul>")
                for finding in submission.needsAttention { page.raw("<li>\(HTMLPage.escape(finding.message)) <code>\(HTMLPage.escape(finding.code))</code></li>") }
                page.raw("</ul></td></tr>\n")
            }
            for item in results.unmatched {
                page.raw("<tr><th scope=\"row\">—</th><td>—</td><td>\(HTMLPage.escape(item.source)): \(HTMLPage.escape(item.reason)) <code>submission.unmatched</code></td></tr>\n")
            }
            for problem in results.problems {
                page.raw("<tr><th scope=\"row\">—</th><td>—</td><td>\(HTMLPage.escape(problem.message)) <code>\(HTMLPage.escape(problem.code))</code></td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n")
        }
        page.raw("</section>\n")
        return page.html
    }

    /// Mean points per criterion over the scripts that have them, from any processor's
    /// `criteria` metric.
    func criterionAverages() -> [(title: String, count: Int, mean: Double, outOf: Double, percent: Double)] {
        var order: [String] = []
        var sums: [String: (count: Int, points: Double, outOf: Double)] = [:]
        for submission in results.submissions {
            for processor in submission.processors {
                guard case .array(let criteria)? = processor.metrics["criteria"] else { continue }
                for criterion in criteria {
                    guard let title = criterion["title"]?.stringValue, let points = criterion["points"]?.numberValue,
                          let outOf = criterion["out_of"]?.numberValue, outOf > 0 else { continue }
                    if sums[title] == nil { order.append(title) }
                    let sum = sums[title] ?? (0, 0, outOf)
                    sums[title] = (sum.count + 1, sum.points + points, outOf)
                }
            }
        }
        return order.compactMap { title in
            guard let sum = sums[title], sum.count > 0 else { return nil }
            let mean = sum.points / Double(sum.count)
            return (title, sum.count, mean, sum.outOf, mean / sum.outOf * 100)
        }
    }

    static func figure(_ value: Double) -> String { markText((value * 10).rounded() / 10) }
}

/// Mean, median and range of a list of marks.
struct Summary {
    let mean, median, lowest, highest: Double

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        mean = values.reduce(0, +) / Double(values.count)
        median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        lowest = sorted[0]
        highest = sorted[sorted.count - 1]
    }
}

/// A horizontal bar chart as inline SVG: no script, no fonts fetched, each bar labelled
/// with its value in text (the figures never depend on colour or length alone).
struct BarChart {
    let title: String
    /// Label, value, value as text.
    let bars: [(String, Double, String)]
    var maximum: Double?

    var svg: String {
        let labelWidth = 260.0, barSpace = 380.0, rowHeight = 28.0
        let top = bars.map(\.1).max() ?? 0
        let scale = (maximum ?? top) > 0 ? barSpace / (maximum ?? top) : 0
        let height = Double(bars.count) * rowHeight + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 720 \(Int(height))\" width=\"100%\" aria-label=\"\(HTMLPage.escape(title))\">\n<title>\(HTMLPage.escape(title))</title>\n"
        for (index, bar) in bars.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let width = max(0, bar.1 * scale)
            let label = bar.0.count > 38 ? String(bar.0.prefix(37)) + "…" : bar.0
            svg += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + 18))\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">\(HTMLPage.escape(label))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 4))\" width=\"\(Int(width.rounded()))\" height=\"\(Int(rowHeight - 8))\" fill=\"#3a5a8c\" stroke=\"#1a1a1a\" />"
            svg += "<text x=\"\(Int(labelWidth + width.rounded() + 6))\" y=\"\(Int(y + 18))\" font-size=\"14\" fill=\"#1a1a1a\">\(HTMLPage.escape(bar.2))</text>\n"
        }
        return svg + "</svg>\n"
    }
}

/// The course's front page, `out/index.html`: every assessment with its counts, mean
/// mark and whether its feedback is released, linked to its report.
public struct CourseReport {
    let course: Course
    let results: [AssessmentResults]

    /// Creates the course page from every assessment's results.
    public init(course: Course, results: [AssessmentResults]) {
        self.course = course
        self.results = results
    }

    /// The page.
    public var html: String {
        var page = HTMLPage(title: "\(course.programme) \(course.cohort) — assessments")
        page.element("h1", "\(course.programme) · \(course.cohort)")
        page.raw("<table class=\"summary\">\n<caption>Assessments</caption>\n<thead><tr><th scope=\"col\">Assessment</th><th scope=\"col\">Module</th><th scope=\"col\" class=\"number\">Candidates</th><th scope=\"col\" class=\"number\">Submitted</th><th scope=\"col\" class=\"number\">Marked</th><th scope=\"col\" class=\"number\">Mean mark</th><th scope=\"col\" class=\"number\">Need a person</th><th scope=\"col\">Feedback</th></tr></thead>\n<tbody>\n")
        for result in results {
            let counts = result.counts
            let marks = result.submissions.compactMap { $0.mark?.mark }
            let id = HTMLPage.escape(result.assessment.id)
            page.raw("<tr><th scope=\"row\"><a href=\"\(id)/report.html\">\(HTMLPage.escape(result.assessment.title))</a></th><td>\(HTMLPage.escape(result.assessment.module))</td>")
            for cell in [String(counts.candidates), String(counts.submitted), String(marks.count), Summary(marks).map { AssessmentReport.figure($0.mean) } ?? "—", String(counts.needsAttention)] {
                page.raw("<td class=\"number\">\(HTMLPage.escape(cell))</td>")
            }
            let holds = result.releaseHolds.count
            page.raw("<td>\(holds == 0 ? "released" : "held: \(holds) script\(holds == 1 ? "" : "s") without an agreed mark")</td>")
            page.raw("</tr>\n")
        }
        page.raw("</tbody>\n</table>\n")
        page.element("p", "Each student's feedback archive is in feedback/<candidate>.zip; each assessment's results are in its folder's results.csv.")
        return page.html
    }
}
