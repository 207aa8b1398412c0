public import AssessDocuments
internal import Foundation

/// One marked answer sheet, handed to the caller as soon as it is marked (so results
/// can be written while the file is still being read).
public struct MarkedSheet: Sendable {
    /// The candidate's id as the sheet gives it.
    public var candidateID: String
    /// The sheet's line in the responses file.
    public var line: Int
    /// The candidate's name and email, when the responses file has them.
    public var name: String?
    /// The candidate's email, when the file has one.
    public var email: String?
    /// The options chosen, per key item.
    public var responses: [ChosenOptions]
    /// The marks of each item (0 for removed items).
    public var points: [Double]
    /// What became of each cell.
    public var outcomes: [MarkingScheme.Outcome]
    /// The sum of the item marks, before the floor (what the statistics use).
    public var raw: Double
    /// The candidate's score: the sum after the floor.
    public var total: Double
}

/// A cell that needs a person: an invalid mark, or several marks on a single-answer item.
public struct FlaggedCell: Sendable, Equatable, Codable {
    /// The candidate's id as the sheet gives it.
    public var candidateID: String
    /// The row's line in the responses file.
    public var line: Int
    /// The item's id.
    public var item: String
    /// What the cell held, as letters (`AC`) or `?` for an invalid mark.
    public var answer: String
    /// Why it scored 0.
    public var outcome: MarkingScheme.Outcome

    /// Creates a flagged cell.
    public init(candidateID: String, line: Int, item: String, answer: String, outcome: MarkingScheme.Outcome) {
        self.candidateID = candidateID
        self.line = line
        self.item = item
        self.answer = answer
        self.outcome = outcome
    }
}

/// A row of a responses file that was not marked, and why.
public struct SkippedRow: Sendable, Equatable, Codable {
    /// The row's line in the responses file.
    public var line: Int
    /// Why the row was not marked.
    public var reason: String
}

/// What marking a whole responses file found, besides the sheets themselves.
public struct MCQCohortSummary: Sendable {
    /// Moodle's statistics over every marked sheet.
    public var analysis: ItemAnalysis
    /// The layout the file was read as.
    public var format: ResponsesFormat
    /// About the file as a whole (ignored columns, assumptions).
    public var notes: [String]
    /// Rows that were not marked, in file order.
    public var skipped: [SkippedRow]
    /// The first ``flaggedLimit`` flagged cells, in file order.
    public var flagged: [FlaggedCell]
    /// All flagged cells, counted.
    public var flaggedCount: Int
    /// How many flagged cells are listed at most.
    public static let flaggedLimit = 1_000
}

/// Marks a responses file sheet by sheet, in one pass and bounded memory: each sheet is
/// handed to `each` and forgotten, except two bytes per cell and its total, kept for the
/// item analysis (24 MB for 200,000 sheets of 60 items).
public enum MCQMarking {
    /// Marks every sheet of the responses file at `path`.
    /// - Parameter each: called with every marked sheet, in file order.
    /// - Throws: ``ConfigurationError`` when the file cannot be read as answer sheets, or
    ///   what `each` throws.
    public static func mark(responses path: String, scheme: MarkingScheme, each: (MarkedSheet) throws -> Void) throws -> MCQCohortSummary {
        let reader = try AnswerSheetReader(path: path, scheme: scheme)
        // Room for about as many sheets as the file's size suggests (two bytes a cell and an id).
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let expected = min(size / (2 * max(scheme.items.count, 1) + 12), 20_000_000)
        var builder = ItemAnalysisBuilder(scheme: scheme, expectedCandidates: expected)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(expected)
        var skipped: [SkippedRow] = []
        var flagged: [FlaggedCell] = []
        var flaggedCount = 0
        var sheet = MarkedSheet(candidateID: "", line: 0, responses: [], points: [], outcomes: [], raw: 0, total: 0)
        let flaggable = scheme.items.map { $0.status == .normal || $0.status == .rekeyed }
        while try reader.next() {
            let id = reader.candidateID
            if let first = seen.updateValue(reader.line, forKey: id) {  // one look-up for the common case
                seen[id] = first
                skipped.append(SkippedRow(line: reader.line, reason: "a second sheet for \(id) (first on line \(first)); only the first is marked"))
                continue
            }
            sheet.candidateID = id
            sheet.line = reader.line
            sheet.name = reader.name
            sheet.email = reader.email
            sheet.responses = reader.responses
            let totals = scheme.mark(sheet.responses, points: &sheet.points, outcomes: &sheet.outcomes)
            sheet.raw = totals.raw
            sheet.total = totals.total
            for (index, outcome) in sheet.outcomes.enumerated() where outcome == .invalid || outcome == .severalMarks {
                guard flaggable[index] else { continue }
                flaggedCount += 1
                if flagged.count < MCQCohortSummary.flaggedLimit {
                    flagged.append(FlaggedCell(candidateID: id, line: reader.line, item: scheme.items[index].id,
                                               answer: sheet.responses[index].letters, outcome: outcome))
                }
            }
            builder.add(sheet.responses, raw: sheet.raw)
            try each(sheet)
        }
        skipped = reader.skipped.map { SkippedRow(line: $0.line, reason: $0.reason) } + skipped
        skipped.sort { $0.line < $1.line }
        return MCQCohortSummary(analysis: builder.finish(), format: reader.format, notes: reader.notes, skipped: skipped,
                                flagged: flagged, flaggedCount: flaggedCount)
    }
}
