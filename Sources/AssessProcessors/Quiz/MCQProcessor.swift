import AssessCore
import AssessDocuments
import Foundation

/// Marks MCQ answer sheets against the assessment's key and analyses the items. Module
/// leads release these marks without re-checking them by hand, so every mark is
/// explained (the candidate's answer, the key, the rule), every unreadable or double
/// mark is flagged for a person, and the cohort report names the items to review.
///
/// Sheets come from `responses.csv` in the assessment folder (one row per candidate,
/// matched to the roster by id, LMS id, email or name) or, for a small cohort, from a
/// file in the candidate's folder with one `Q1: B` line per item.
struct MCQProcessor: Processor {
    static let description = ProcessorDescription(
        identifier: "mcq",
        name: "MCQ marking",
        summary: "Marks answer sheets against the key (YAML/CSV, Moodle XML or QTI) by Moodle's or QTI's rules, with negative marking, several accepted keys and voided or re-keyed items; reports Moodle's item analysis.",
        passingExamples: [
            Example("Q1: B\n\nQ2: C\n\nQ3: AD", configuration: ["items": ["B", "C", "AD"]],
                    metrics: ["score": 3, "max_score": 3]),
            Example("Q1: A\n\nQ2:\n\nQ3: D", configuration: ["items": ["B", "C", "AD"]],
                    metrics: ["score": 0.5, "max_score": 3]),
            Example("Q1: C", configuration: ["items": [["answer": "B", "accept": ["C"]]]], metrics: ["score": 1]),
            Example("Q1: A\n\nQ2: B", configuration: ["items": ["B", "B"], "negative_marking": 0.25, "floor": 0],
                    metrics: ["score": 0.75]),
        ],
        flaggedExamples: [
            Example("Q1: BC\n\nQ2: C", configuration: ["items": ["B", "C"]], expect: ["mcq.several_marks"], metrics: ["score": 1]),
            Example("Q1: X\n\nQ2: C", configuration: ["items": ["B", "C"]], expect: ["mcq.invalid_mark"], metrics: ["score": 1]),
            Example("Q1: E", configuration: ["items": ["B"]], expect: ["mcq.invalid_mark"]),
            Example("No answers here.", configuration: ["items": ["B"]], expect: ["mcq.no_answers"]),
        ]
    )

    let test: MCQTest
    let scheme: MarkingScheme
    /// The responses file, when the assessment has a folder.
    let responsesPath: String?

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(MCQSettings.testKeys + ["responses"])
        let directory = configuration.assessment.directory
        let yaml = directory.isEmpty ? "assessment.yaml" : directory + "/assessment.yaml"
        var defaultKey: String?
        if !directory.isEmpty && fields.raw("key") == nil && fields.raw("items") == nil {
            let keys = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { name in
                let lower = name.lowercased()
                return lower.hasPrefix("key.") && ["yaml", "yml", "csv", "xml", "zip"].contains(lower.split(separator: ".").last.map(String.init) ?? "")
            }.sorted()
            if keys.count > 1 {
                throw ConfigurationError("the assessment folder holds several keys (\(keys.joined(separator: ", "))); keep one, or name it with 'key:' under mcq", at: fields.location)
            }
            guard let key = keys.first else {
                throw ConfigurationError("the mcq processor needs a key: put key.yaml, key.csv, key.xml (Moodle XML or QTI) or key.zip (a QTI package) in the assessment folder, or name it with 'key:'", at: fields.location)
            }
            defaultKey = key
        }
        test = try MCQTest.read(fields, directory: directory.isEmpty ? "." : directory, defaultKey: defaultKey, file: yaml,
                                defaultTitle: configuration.assessment.title)
        scheme = MarkingScheme(test)
        let responses = try fields.string("responses") ?? "responses.csv"
        responsesPath = directory.isEmpty ? nil : (responses.hasPrefix("/") ? responses : directory + "/" + responses)
    }

    func cohortSubmissions(candidates: [Candidate]) -> CohortSubmissions? {
        guard let responsesPath, FileManager.default.fileExists(atPath: responsesPath) else { return nil }
        let source = URL(fileURLWithPath: responsesPath).lastPathComponent
        var cohort = CohortSubmissions()
        do {
            let reader = try AnswerSheetReader(path: responsesPath, scheme: scheme)
            let matcher = RosterMatcher(candidates)
            var firstLine: [String: Int] = [:]
            let header = scheme.items.map(\.id) + [Self.formatColumn]
            while try reader.next() {
                guard let id = matcher.match(reader.candidateID, name: reader.name, email: reader.email) else {
                    cohort.unmatched.append(UnmatchedSubmission(source: "\(source), line \(reader.line)", reason: "no roster candidate has the id, LMS id, email or name '\(reader.candidateID)'; add them to roster.csv or correct the sheet"))
                    continue
                }
                if let first = firstLine[id] {
                    cohort.unmatched.append(UnmatchedSubmission(source: "\(source), line \(reader.line)", reason: "a second sheet for \(id) (first on line \(first)); only the first is marked"))
                    continue
                }
                firstLine[id] = reader.line
                cohort.records[id] = SubmissionRecord(source: source, line: reader.line, header: header,
                                                      fields: reader.responses.map(\.letters) + [reader.format.rawValue])
            }
            for row in reader.skipped {
                cohort.unmatched.append(UnmatchedSubmission(source: "\(source), line \(row.line)", reason: row.reason))
            }
        } catch {
            cohort.unmatched.append(UnmatchedSubmission(source: source, reason: "the answer sheets could not be read: \(error.description)"))
        }
        return cohort
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        var findings: [Finding] = []
        var responses = [ChosenOptions](repeating: .blank, count: scheme.items.count)
        var format = ResponsesFormat.generic.rawValue
        var found = false
        if let record = submission.records.first(where: { $0.header.last == Self.formatColumn }) {
            found = true
            for (index, letters) in record.fields.prefix(scheme.items.count).enumerated() {
                responses[index] = AnswerSheetReader.letters(ArraySlice(letters.utf8))
            }
            format = record.fields.last ?? format
        } else {
            found = readDocuments(submission.documents, into: &responses)
        }
        guard found else {
            findings.append(Finding("mcq.no_answers", .attention, "No answer sheet was found: no row of the responses file and no 'Q1: B' lines in the submitted files."))
            return ProcessorResult(processor: Self.identifier, findings: findings)
        }
        var points: [Double] = [], outcomes: [MarkingScheme.Outcome] = []
        let marked = scheme.mark(responses, points: &points, outcomes: &outcomes)
        for (index, outcome) in outcomes.enumerated() where scheme.items[index].status == .normal || scheme.items[index].status == .rekeyed {
            let item = scheme.items[index]
            if outcome == .severalMarks {
                findings.append(Finding("mcq.several_marks", .attention, "\(item.id): several options (\(responses[index].letters)) are marked on a single-answer item, so it scored 0; check the sheet."))
            } else if outcome == .invalid {
                findings.append(Finding("mcq.invalid_mark", .attention, "\(item.id): the answer cannot be read as options of this item, so it scored 0; check the sheet."))
            }
        }
        let percent = scheme.maximum > 0 ? marked.total / scheme.maximum * 100 : 0
        let row = MCQReport.resultsRow(candidateID: submission.candidateID, total: marked.total, points: points, scheme: scheme)
        var columns = [ProcessorResult.Column("score", row[1]), ProcessorResult.Column("max_score", row[2]), ProcessorResult.Column("percent", row[3])]
        for (index, item) in scheme.items.enumerated() { columns.append(ProcessorResult.Column(item.id, row[4 + index])) }
        let metrics: [String: JSONValue] = [
            "score": Self.number(marked.total), "max_score": Self.number(scheme.maximum), "percent": Self.number(percent),
            // The mark out of 100 that reports, release control and LMS exports read.
            "mark": Self.number(percent),
            "raw": Self.number(marked.raw), "answers": .array(responses.map { .string($0.letters) }),
            "marks": .array(points.map(Self.number)), "format": .string(format),
        ]
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings,
                               feedback: [MCQReport.candidateSection(scheme: scheme, responses: responses, points: points, outcomes: outcomes, total: marked.total)])
    }

    func review(cohort: [String: ProcessorResult]) -> CohortReview {
        var builder = ItemAnalysisBuilder(scheme: scheme, expectedCandidates: cohort.count)
        var rows: [[String]] = []
        var format = ResponsesFormat.generic
        var flagged: [FlaggedCell] = []
        for id in cohort.keys.sorted() {
            guard let result = cohort[id], case .array(let answers)? = result.metrics["answers"], let raw = result.metrics["raw"]?.numberValue else { continue }
            let responses = answers.map { value -> ChosenOptions in
                if case .string(let letters) = value { return AnswerSheetReader.letters(ArraySlice(letters.utf8)) }
                return .blank
            }
            builder.add(responses, raw: raw)
            if case .string(let name)? = result.metrics["format"], let known = ResponsesFormat(rawValue: name) { format = known }
            var points: [Double] = [], outcomes: [MarkingScheme.Outcome] = []
            let marked = scheme.mark(responses, points: &points, outcomes: &outcomes)
            rows.append(MCQReport.resultsRow(candidateID: id, total: marked.total, points: points, scheme: scheme))
            for (index, outcome) in outcomes.enumerated() where (outcome == .invalid || outcome == .severalMarks) && scheme.items[index].status != .removed {
                flagged.append(FlaggedCell(candidateID: id, line: 0, item: scheme.items[index].id, answer: responses[index].letters, outcome: outcome))
            }
        }
        let analysis = builder.finish()
        let context = MCQReport.Context(test: test, scheme: scheme, analysis: analysis,
                                        responsesFile: responsesPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "submitted files",
                                        format: format, flagged: flagged, flaggedCount: flagged.count)
        return CohortReview(
            report: MCQReport.sections(context),
            files: [
                ReportFile(name: "results.csv", columns: MCQReport.resultsHeader(scheme), rows: rows),
                ReportFile(name: "item-analysis.csv", columns: MCQReport.itemAnalysisHeader(analysis), rows: MCQReport.itemAnalysisRows(analysis)),
            ])
    }
}

private extension MCQProcessor {
    /// The last column of a record this processor made: the sheet's format.
    static let formatColumn = "\u{1F}format"

    static func number(_ value: Double) -> JSONValue {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? .int(Int(rounded)) : .double(rounded)
    }

    /// Reads `Q1: B` (or `<item id>: B`) lines from submitted files; true when any was found.
    func readDocuments(_ documents: [SubmissionContent.Document], into responses: inout [ChosenOptions]) -> Bool {
        var found = false
        let ids = Dictionary(scheme.items.enumerated().map { (AnswerSheetReader.normalise($0.element.id), $0.offset) }, uniquingKeysWith: { first, _ in first })
        for document in documents {
            for block in document.text.blocks {
                for line in block.text.split(whereSeparator: \.isNewline) {
                    guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "=" }) else { continue }
                    let label = AnswerSheetReader.normalise(String(line[..<colon]).trimmingWhitespace())
                    guard let index = ids[label] ?? AnswerSheetReader.questionNumber(label).map({ $0 - 1 }), index >= 0, index < responses.count else { continue }
                    responses[index] = AnswerSheetReader.letters(ArraySlice(String(line[line.index(after: colon)...]).trimmingWhitespace().utf8))
                    found = true
                }
            }
        }
        return found
    }
}
