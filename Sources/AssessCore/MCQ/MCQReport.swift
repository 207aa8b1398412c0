internal import Foundation
public import AssessDocuments

/// What the outputs of an MCQ test hold, shared by `assess mcq mark` and the `mcq`
/// processor: the rows of `results.csv` and `item-analysis.csv`, the `--json` summary,
/// the report's sections and each candidate's feedback. Writers only render these.
public enum MCQReport {
    // MARK: - Figures

    /// Marks as people read them: up to four decimals, no trailing zeros (`1`, `0.5`, `0.3333`).
    public static func marks(_ value: Double) -> String {
        fixed(value, decimals: 4, trim: true)
    }

    /// A percent with two decimals, as Moodle prints it (`62.50`); empty when undefined.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return fixed(value, decimals: 2, trim: false)
    }

    /// Appends ``fixed(_:decimals:trim:)``'s text as UTF-8 digits, without making a string.
    public static func appendFixed(_ value: Double, decimals: Int, trim: Bool, to buffer: inout [UInt8]) {
        guard value.isFinite, abs(value) < 1e13 else {
            buffer.append(contentsOf: fixed(value, decimals: decimals, trim: trim).utf8)
            return
        }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        if value < 0 && scaled != 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(scaled / scale, to: &buffer)
        var fraction = scaled % scale
        var digits = decimals
        if trim {
            while digits > 0 && fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        }
        guard digits > 0 else { return }
        buffer.append(UInt8(ascii: "."))
        var divisor: Int64 = 1
        for _ in 1..<max(digits, 1) { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private static func appendDigits(_ value: Int64, to buffer: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &buffer) }
        buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `value` rounded half away from zero to `decimals` places, written without
    /// Foundation (a results file formats millions of these); never `-0`.
    static func fixed(_ value: Double, decimals: Int, trim: Bool) -> String {
        guard value.isFinite, abs(value) < 1e13 else { return value.isFinite ? String(value) : "" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = scaled % scale
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        var digits = decimals
        if trim {
            while digits > 0 && fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        }
        if digits > 0 {
            let part = String(fraction)
            text += "." + String(repeating: "0", count: digits - part.count) + part
        }
        return text
    }

    // MARK: - results.csv

    /// `candidate_id,score,max_score,percent` then one column per item (its id).
    public static func resultsHeader(_ scheme: MarkingScheme) -> [String] {
        ["candidate_id", "score", "max_score", "percent"] + scheme.items.map(\.id)
    }

    /// One candidate's row: the score, the maximum, the percent and each item's marks
    /// (empty for an item removed from the test).
    public static func resultsRow(candidateID: String, total: Double, points: [Double], scheme: MarkingScheme) -> [String] {
        var row = [candidateID, marks(total), marks(scheme.maximum), percent(scheme.maximum > 0 ? total / scheme.maximum * 100 : nil)]
        for (index, item) in scheme.items.enumerated() {
            row.append(item.status == .removed ? "" : marks(index < points.count ? points[index] : 0))
        }
        return row
    }

    /// A marked sheet's row, the item cells taken from each item's table of texts.
    public static func resultsRow(_ sheet: MarkedSheet, scheme: MarkingScheme, maximumText: String) -> [String] {
        var row = [sheet.candidateID, marks(sheet.total), maximumText, percent(scheme.maximum > 0 ? sheet.total / scheme.maximum * 100 : nil)]
        row.reserveCapacity(4 + scheme.items.count)
        let responses = sheet.responses
        for index in 0..<responses.count {
            row.append(scheme.pointsText(index, responses[index]))
        }
        return row
    }

    // MARK: - item-analysis.csv

    /// `item,facility,sd,discrimination_index,discriminative_efficiency`, one column per
    /// option letter (A…), then `flags`.
    public static func itemAnalysisHeader(_ analysis: ItemAnalysis) -> [String] {
        let options = analysis.items.map(\.optionCount).max() ?? 0
        return ["item", "facility", "sd", "discrimination_index", "discriminative_efficiency"]
            + (0..<options).map(KeyOption.label) + ["flags"]
    }

    /// One row per item: figures in percent (empty where undefined), the percent of
    /// candidates choosing each option (empty for options the item lacks), the flags
    /// separated by `;`.
    public static func itemAnalysisRows(_ analysis: ItemAnalysis) -> [[String]] {
        let options = analysis.items.map(\.optionCount).max() ?? 0
        return analysis.items.map { item in
            [item.id, percent(item.facility), percent(item.sd), percent(item.discriminationIndex), percent(item.discriminativeEfficiency)]
                + (0..<options).map { $0 < item.optionShares.count ? percent(item.optionShares[$0]) : "" }
                + [item.flags.joined(separator: ";")]
        }
    }

    // MARK: - --json

    /// The summary `assess mcq mark --json` prints: `candidates`, `questions`, `mean`,
    /// `sd`, `cic`, `error_ratio`, `standard_error` (percent, as Moodle's report; null
    /// where undefined).
    public static func summary(_ analysis: ItemAnalysis) -> [String: JSONValue] {
        func number(_ value: Double?) -> JSONValue {
            guard let value, value.isFinite else { return .null }
            return .double((value * 10_000).rounded() / 10_000)
        }
        return [
            "candidates": .int(analysis.candidates), "questions": .int(analysis.questions),
            "mean": number(analysis.mean), "sd": number(analysis.sd), "cic": number(analysis.cic),
            "error_ratio": number(analysis.errorRatio), "standard_error": number(analysis.standardError),
        ]
    }

    // MARK: - The module lead's report

    /// Everything the outputs record besides the sheets.
    public struct Context: Sendable {
        /// The test as read.
        public var test: MCQTest
        /// The test as marked.
        public var scheme: MarkingScheme
        /// The statistics.
        public var analysis: ItemAnalysis
        /// The answer sheets' file name.
        public var responsesFile: String
        /// The sheets' layout.
        public var format: ResponsesFormat
        /// Notes about the sheets' file.
        public var notes: [String]
        /// Rows not marked.
        public var skipped: [SkippedRow]
        /// Cells that need a person (the first ones).
        public var flagged: [FlaggedCell]
        /// How many cells need a person in all.
        public var flaggedCount: Int

        /// Collects the context of a report.
        public init(test: MCQTest, scheme: MarkingScheme, analysis: ItemAnalysis, responsesFile: String, format: ResponsesFormat,
                    notes: [String] = [], skipped: [SkippedRow] = [], flagged: [FlaggedCell] = [], flaggedCount: Int = 0) {
            self.test = test
            self.scheme = scheme
            self.analysis = analysis
            self.responsesFile = responsesFile
            self.format = format
            self.notes = notes
            self.skipped = skipped
            self.flagged = flagged
            self.flaggedCount = flaggedCount
        }
    }

    /// The report's sections, in reading order.
    public static func sections(_ context: Context) -> [FeedbackSection] {
        let analysis = context.analysis
        let scheme = context.scheme
        var sections: [FeedbackSection] = []
        sections.append(overview(context))

        let bins = (0..<10).map { $0 == 9 ? "90–100%" : "\($0 * 10)–\($0 * 10 + 9)%" }
        sections.append(FeedbackSection(
            title: "Score distribution",
            summary: "How many candidates scored in each tenth of the maximum (\(marks(scheme.maximum)) marks).",
            table: FeedbackSection.Table(caption: "Candidates by score", columns: ["Score", "Candidates"],
                                         rows: zip(bins, analysis.distribution).map { [$0, String($1)] }),
            chart: Chart(title: "Number of candidates in each tenth of the maximum score", style: .columns, categories: bins,
                         series: [Chart.Series("Candidates", analysis.distribution.map { Double($0) })], minimum: 0, unit: "candidates")))

        sections.append(review(context))

        let options = analysis.items.map(\.optionCount).max() ?? 0
        let letters = (0..<options).map(KeyOption.label)
        let rows = analysis.items.map { item -> [String] in
            [item.id, item.key, percent(item.facility), percent(item.sd), percent(item.discriminationIndex), percent(item.discriminativeEfficiency)]
                + (0..<options).map { $0 < item.optionShares.count ? percent(item.optionShares[$0]) : "" }
                + [percent(item.blankShare), percent(item.invalidShare), item.flags.map(flagWords).joined(separator: "; ")]
        }
        let ids = analysis.items.map(\.id)
        sections.append(FeedbackSection(
            title: "Items",
            summary: "Each item's figures in percent, as Moodle's quiz statistics report gives them, and the share of candidates choosing each option.",
            table: FeedbackSection.Table(caption: "Item analysis", columns: ["Item", "Key", "Facility", "SD", "Discrimination index", "Discriminative efficiency"]
                                         + letters.map { "\($0) %" } + ["Blank %", "Invalid %", "To review"], rows: rows),
            notes: [
                "Facility: the mean mark as a percent of the item's marks. Above \(marks(scheme.settings.easyFacility))% the item tells candidates little apart; below \(marks(scheme.settings.hardFacility))% check the key and the wording.",
                "SD: the spread of the item's marks, in percent of its marks.",
                "Discrimination index: the correlation (×100) between the item and the rest of the test. Good items are above 30; below \(marks(scheme.settings.lowDiscrimination)) the item is weak; a negative value means stronger candidates did worse on it, often a wrong key.",
                "Discriminative efficiency: the discrimination index as a percent of the highest the item's marks allow.",
                "Option columns: the percent of candidates choosing each option; the key's options are in the Key column. 'Invalid' counts unreadable cells and several marks on a single-answer item.",
            ],
            chart: Chart(title: "Facility of each item in percent, with the thresholds for too hard and too easy", style: .bars, categories: ids,
                         series: [Chart.Series("Facility", analysis.items.map(\.facility))], minimum: 0, maximum: 100, unit: "%",
                         guides: [Chart.Guide(scheme.settings.hardFacility, "too hard"), Chart.Guide(scheme.settings.easyFacility, "too easy")])))
        sections.append(FeedbackSection(
            title: "Discrimination",
            summary: "How well each item separates stronger from weaker candidates: the discrimination index, from −100 to 100.",
            chart: Chart(title: "Discrimination index of each item, with the threshold for a weak item", style: .bars, categories: ids,
                         series: [Chart.Series("Discrimination index", analysis.items.map(\.discriminationIndex))], minimum: -100, maximum: 100,
                         unit: "", guides: [Chart.Guide(0, "no discrimination"), Chart.Guide(scheme.settings.lowDiscrimination, "weak below")])))

        if !scheme.changeRecord.isEmpty {
            sections.append(FeedbackSection(
                title: "Changes to the key",
                summary: "These items were marked differently from the key file, as the test's YAML says; every score above includes the changes.",
                notes: scheme.changeRecord))
        }
        if context.flaggedCount > 0 {
            let shown = context.flagged.prefix(200)
            sections.append(FeedbackSection(
                title: "Answers to check",
                summary: "\(groupedDigits(context.flaggedCount)) answer\(context.flaggedCount == 1 ? "" : "s") scored 0 because the cell could not be read as one answer; check them on the sheets\(context.flaggedCount > shown.count ? " (the first \(shown.count) are listed)" : "").",
                table: FeedbackSection.Table(caption: "Answers scored 0 that need a look", columns: ["Candidate", "Line", "Item", "Answer", "Why"],
                                             rows: shown.map { [$0.candidateID, String($0.line), $0.item, $0.answer, outcomeWords($0.outcome)] })))
        }
        var file: [String] = context.notes
        if !context.skipped.isEmpty {
            file.append("\(context.skipped.count) row\(context.skipped.count == 1 ? " was" : "s were") not marked: " + context.skipped.prefix(10).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ") + (context.skipped.count > 10 ? "; …" : "") + ".")
        }
        file += context.test.key.warnings.map(\.message)
        if !file.isEmpty {
            sections.append(FeedbackSection(title: "About the files", summary: "What was assumed or left out while reading the key (\(context.test.keyFile)) and the answer sheets (\(context.responsesFile)).", notes: file))
        }
        return sections
    }

    private static func overview(_ context: Context) -> FeedbackSection {
        let analysis = context.analysis
        let scheme = context.scheme
        let maximum = scheme.maximum
        func withMarks(_ percentValue: Double?, _ marksValue: Double?) -> String {
            guard let percentValue else { return "—" }
            return "\(percent(percentValue))%" + (marksValue.map { " (\(marks($0)) of \(marks(maximum)) marks)" } ?? "")
        }
        var facts = [
            FeedbackSection.Fact("Candidates", groupedDigits(analysis.candidates)),
            FeedbackSection.Fact("Items", String(analysis.questions) + (scheme.items.contains { $0.status == .removed } ? " (\(scheme.items.filter { $0.status == .removed }.count) removed)" : "")),
            FeedbackSection.Fact("Maximum", "\(marks(maximum)) marks"),
            FeedbackSection.Fact("Mean", withMarks(analysis.mean, analysis.meanMarks)),
            FeedbackSection.Fact("Median", withMarks(analysis.median, analysis.median.map { $0 * maximum / 100 })),
            FeedbackSection.Fact("Standard deviation", withMarks(analysis.sd, analysis.sdMarks)),
            FeedbackSection.Fact("Coefficient of internal consistency (CIC)", analysis.cic.map { "\(percent($0))%" } ?? "— (needs more than two candidates)", emphasis: (analysis.cic ?? 100) < 64),
            FeedbackSection.Fact("Error ratio", analysis.errorRatio.map { "\(percent($0))%" } ?? "—"),
            FeedbackSection.Fact("Standard error", analysis.standardError.map { "\(percent($0))%" + " (\(marks($0 * maximum / 100)) marks)" } ?? "—"),
            FeedbackSection.Fact("Marking", scheme.semantics),
        ]
        if scheme.settings.negativeMarking > 0 {
            facts.append(FeedbackSection.Fact("Negative marking", "a wrong answer to a single-answer item costs \(percent(scheme.settings.negativeMarking * 100))% of its marks"))
        }
        if let floor = scheme.settings.floor { facts.append(FeedbackSection.Fact("Lowest total", "\(marks(floor)) marks")) }
        var summary = "\(groupedDigits(analysis.candidates)) candidate\(analysis.candidates == 1 ? "" : "s") sat \(analysis.questions) item\(analysis.questions == 1 ? "" : "s")"
        if let mean = analysis.mean { summary += "; the mean score is \(percent(mean))%" }
        if let cic = analysis.cic {
            summary += cic >= 75 ? "; the test is consistent (CIC \(percent(cic))%, 75% or more is good)" :
                cic >= 64 ? "; the test is adequately consistent (CIC \(percent(cic))%)" :
                "; the test is not very consistent (CIC \(percent(cic))%, below 64%): look at the items to review"
        }
        return FeedbackSection(
            title: context.test.title, summary: summary + ".", facts: facts,
            notes: [
                "CIC (Cronbach's alpha; KR-20 when every item scores 0 or 1): how consistently the items measure the same thing, from 0 to 100%.",
                "Error ratio: the share of the spread of scores that is due to chance rather than to differences between candidates; standard error: the uncertainty of one candidate's score, in percent of the maximum.",
                "Key: \(context.test.keyFile); answer sheets: \(context.responsesFile) (\(formatWords(context.format))).",
            ])
    }

    private static func review(_ context: Context) -> FeedbackSection {
        let flaggedItems = context.analysis.items.filter { item in item.flags.contains { !$0.hasPrefix("voided") && $0 != "rekeyed" } }
        guard !flaggedItems.isEmpty else {
            return FeedbackSection(title: "Items to review", summary: "No item needs a look: none is too easy, too hard or weakly discriminating, and every distractor was chosen.")
        }
        return FeedbackSection(
            title: "Items to review",
            summary: "\(flaggedItems.count) item\(flaggedItems.count == 1 ? "" : "s") may need a look before the marks are released.",
            notes: flaggedItems.map { item in
                "\(item.id) (key \(item.key)): " + item.flags.filter { !$0.hasPrefix("voided") && $0 != "rekeyed" }.map(flagWords).joined(separator: "; ") + "."
            })
    }

    /// A flag code in words.
    public static func flagWords(_ flag: String) -> String {
        let parts = flag.split(separator: ":", maxSplits: 1).map(String.init)
        let option = parts.count > 1 ? parts[1] : ""
        switch parts.first ?? "" {
        case "negative_discrimination": return "negative discrimination: stronger candidates did worse; check the key"
        case "low_discrimination": return "low discrimination"
        case "easy": return "very easy"
        case "hard": return "very hard; check the key"
        case "unchosen_distractor": return "nobody chose option \(option)"
        case "distractor_beats_key": return "the top third chose \(option) more than the key"
        case "voided_removed": return "voided (removed)"
        case "voided_given_to_all": return "voided (given to all)"
        case "rekeyed": return "re-keyed"
        default: return flag
        }
    }

    /// An outcome in words.
    public static func outcomeWords(_ outcome: MarkingScheme.Outcome) -> String {
        switch outcome {
        case .answered: "answered"
        case .blank: "no answer"
        case .severalMarks: "several marks on a single-answer item"
        case .invalid: "not an answer (unreadable, or an option the item does not have)"
        }
    }

    static func formatWords(_ format: ResponsesFormat) -> String {
        switch format {
        case .generic: "one column per item"
        case .moodleResponses: "Moodle's quiz responses report"
        case .zipGrade: "ZipGrade full data export"
        }
    }

    // MARK: - A candidate's feedback

    /// One candidate's breakdown: each item's answer, the key (unless withheld) and marks.
    public static func candidateSection(scheme: MarkingScheme, responses: [ChosenOptions], points: [Double],
                                        outcomes: [MarkingScheme.Outcome], total: Double) -> FeedbackSection {
        let withhold = scheme.settings.withholdKey
        var rows: [[String]] = []
        for (index, item) in scheme.items.enumerated() {
            let chosen = index < responses.count ? responses[index] : .blank
            let outcome = index < outcomes.count ? outcomes[index] : .blank
            var answer = chosen.isBlank ? "—" : chosen.letters
            if chosen.isInvalid { answer = "unreadable" }
            var note = ""
            switch item.status {
            case .removed: note = "voided: not counted"
            case .givenToAll: note = "voided: full marks to everyone"
            case .rekeyed: note = "re-keyed"
            case .normal: break
            }
            if (outcome == .severalMarks || outcome == .invalid) && (item.status == .normal || item.status == .rekeyed) { note = [note, outcomeWords(outcome)].filter { !$0.isEmpty }.joined(separator: "; ") }
            let mark = item.status == .removed ? "—" : "\(marks(index < points.count ? points[index] : 0)) / \(marks(item.key.marks))"
            rows.append(withhold ? [item.id, answer, mark, note] : [item.id, answer, item.keyText, mark, note])
        }
        let columns = withhold ? ["Item", "Your answer", "Marks", "Note"] : ["Item", "Your answer", "Key", "Marks", "Note"]
        let percentage = scheme.maximum > 0 ? " (\(percent(total / scheme.maximum * 100))%)" : ""
        var notes = scheme.changeRecord
        if scheme.settings.negativeMarking > 0 {
            notes.append("A wrong answer to a single-answer item costs \(percent(scheme.settings.negativeMarking * 100))% of its marks.")
        }
        if let floor = scheme.settings.floor { notes.append("No total is below \(marks(floor)).") }
        return FeedbackSection(
            title: "Your answers",
            summary: "You scored \(marks(total)) of \(marks(scheme.maximum)) marks\(percentage).",
            facts: [FeedbackSection.Fact("Score", "\(marks(total)) / \(marks(scheme.maximum))", emphasis: true)],
            table: FeedbackSection.Table(caption: withhold ? "Your answer and marks for each item" : "Your answer, the key and your marks for each item", columns: columns, rows: rows),
            notes: notes)
    }
}
