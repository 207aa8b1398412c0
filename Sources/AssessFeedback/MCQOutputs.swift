public import AssessCore
internal import Foundation

/// The files `assess mcq mark --out DIR` writes, sheet by sheet as they are marked:
///
/// ```
/// results.csv                       candidate_id,score,max_score,percent, one column per item
/// item-analysis.csv                 item,facility,sd,discrimination_index,discriminative_efficiency, A…, flags
/// report.html                       the module lead's report (SVG charts, no scripts)
/// lms/moodle-grading-worksheet.csv  for Moodle's "Upload grading worksheet"
/// lms/canvas-gradebook.csv          for Canvas's gradebook import
/// ```
///
/// Every file appears whole or not at all (written beside, then renamed).
public final class MCQOutputs {
    private let directory: String
    private let scheme: MarkingScheme
    private let results: CSVFileWriter
    private let moodle: CSVFileWriter
    private let canvas: CSVFileWriter
    private let maximumText: String

    /// Creates the output folder and starts the streamed files.
    /// - Throws: when the folder or a file cannot be created.
    public init(directory: String, scheme: MarkingScheme, title: String) throws {
        self.directory = directory
        self.scheme = scheme
        maximumText = MCQReport.marks(scheme.maximum)
        try FileManager.default.createDirectory(atPath: directory + "/lms", withIntermediateDirectories: true)
        results = try CSVFileWriter(path: directory + "/results.csv")
        moodle = try CSVFileWriter(path: directory + "/lms/moodle-grading-worksheet.csv")
        canvas = try CSVFileWriter(path: directory + "/lms/canvas-gradebook.csv")
        try results.write(MCQReport.resultsHeader(scheme))
        try moodle.write(GradebookExport.moodleHeader)
        for row in GradebookExport.canvasHeader(title: title, maximum: scheme.maximum) { try canvas.write(row) }
    }

    /// Adds one marked sheet to the streamed files: the same cells as
    /// ``MCQReport/resultsRow(_:scheme:maximumText:)`` and ``GradebookExport``'s rows,
    /// written as bytes (a cohort of 200,000 sheets makes no string per answer).
    public func add(_ sheet: MarkedSheet) throws {
        let comma = UInt8(ascii: ",")
        let scheme = self.scheme
        let maximum = scheme.maximum
        try results.writeRow { buffer in
            CSVFileWriter.append(sheet.candidateID, to: &buffer)
            buffer.append(comma)
            MCQReport.appendFixed(sheet.total, decimals: 4, trim: true, to: &buffer)
            buffer.append(comma)
            buffer.append(contentsOf: maximumText.utf8)
            buffer.append(comma)
            if maximum > 0 { MCQReport.appendFixed(sheet.total / maximum * 100, decimals: 2, trim: false, to: &buffer) }
            scheme.appendPointsTexts(sheet.responses, to: &buffer)
        }
        try moodle.writeRow { buffer in
            CSVFileWriter.append("Participant " + sheet.candidateID, to: &buffer)
            buffer.append(comma)
            CSVFileWriter.append(sheet.name ?? sheet.candidateID, to: &buffer)
            buffer.append(comma)
            CSVFileWriter.append(sheet.email ?? "", to: &buffer)
            buffer.append(contentsOf: ",Submitted for grading,".utf8)
            MCQReport.appendFixed(sheet.total, decimals: 2, trim: false, to: &buffer)
            buffer.append(comma)
            MCQReport.appendFixed(maximum, decimals: 2, trim: false, to: &buffer)
            buffer.append(contentsOf: ",Yes,,,".utf8)
        }
        try canvas.writeRow { buffer in
            CSVFileWriter.append(sheet.name ?? sheet.candidateID, to: &buffer)
            buffer.append(contentsOf: ",,".utf8)
            CSVFileWriter.append(sheet.candidateID, to: &buffer)
            buffer.append(comma)
            CSVFileWriter.append(sheet.email ?? "", to: &buffer)
            buffer.append(contentsOf: ",,".utf8)
            MCQReport.appendFixed(sheet.total, decimals: 2, trim: false, to: &buffer)
        }
    }

    /// Writes the item analysis and the report, and closes every file.
    public func finish(_ context: MCQReport.Context) throws {
        try results.close()
        try moodle.close()
        try canvas.close()
        try CSVFileWriter.write([MCQReport.itemAnalysisHeader(context.analysis)] + MCQReport.itemAnalysisRows(context.analysis),
                                to: directory + "/item-analysis.csv")
        try OutputWriter.atomicWrite(MCQReportPage.render(context), to: directory + "/report.html")
    }
}

/// The module lead's `report.html` for one MCQ test.
public enum MCQReportPage {
    /// Renders the report: self-contained HTML, SVG charts, every figure also in a table.
    public static func render(_ context: MCQReport.Context) -> String {
        render(title: context.test.title, sections: MCQReport.sections(context))
    }

    /// Renders report sections as a page (also used for the cohort reports of `assess run`);
    /// the first section is the summary under the page's heading.
    public static func render(title: String, context line: String? = nil, sections: [FeedbackSection]) -> String {
        var page = HTMLPage(title: "\(title) — report")
        if let line { page.element("p", line, class: "context") }
        page.element("p", "Report for the module lead: not for students.", class: "context")
        page.element("h1", title)
        for (index, section) in sections.enumerated() {
            var shown = section
            if index == 0 { shown.title = "Summary" }  // the page's heading already names the test
            page.section(shown)
        }
        return page.html
    }
}
