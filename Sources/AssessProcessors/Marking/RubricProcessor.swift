import AssessCore
import AssessDocuments
import Foundation

/// Applies the markers' rubric selections from the filled sheets in `marks/`: the mark
/// each marker's choices give, first and second marking reconciled (a discrepancy of
/// the threshold or a different band needs an agreed mark or a third marker), the
/// moderator's sample, and each marker's consistency. Exam boards need every mark
/// explained, so the student sees the grid and comments, and staff see every marker's
/// mark with its sheet and row (never in a student's archive).
struct RubricProcessor: RubricMarking, InputChecking {
    static let description = ProcessorDescription(
        identifier: "rubric",
        name: "Rubric marks",
        summary: "Reads markers' rubric choices from marks/ sheets, turns them into marks (weighted or Moodle's rules), reconciles first and second marks, draws the moderator's sample and reports marker consistency.",
        passingExamples: [
            Example("An essay.", configuration: ["rubric": exampleRubric, "sheets": [exampleSheet("AB", "first", "Merit", 7)]], metrics: ["mark": 67, "band": "Merit"]),
            Example("An essay.", configuration: ["rubric": exampleRubric, "sheets": [exampleSheet("AB", "first", "Merit", 7), exampleSheet("CD", "second", "Merit", 6)]],
                    metrics: ["mark": 65, "status": "combined"]),
            Example("An essay.", configuration: ["rubric": exampleRubric, "scoring": "moodle", "sheets": [exampleSheet("AB", "first", "Distinction", 10)]],
                    metrics: ["mark": 100]),
        ],
        flaggedExamples: [
            Example("An essay.", configuration: ["rubric": exampleRubric], expect: ["rubric.unmarked"]),
            Example("An essay.", configuration: ["rubric": exampleRubric, "sheets": [exampleSheet("AB", "first", "Pass", 5), exampleSheet("CD", "second", "Distinction", 9)]],
                    expect: ["rubric.discrepancy"], metrics: ["mark": nil, "status": "unresolved"]),
        ]
    )

    let rubric: Rubric
    let policy: MarkingPolicy
    /// Candidate → group, when scripts are marked by group.
    let groups: [String: String]?
    let book: MarkBook
    let allocation: Allocation
    let markings: [String: ScriptMarking]
    let inputProblems: [ConfigurationError]

    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        let fields = configuration.fields
        try fields.allowOnly(["rubric", "scoring", "double_marking", "moderation", "by_group", "sheets", "agreed"])
        let course = configuration.course
        let assessment = configuration.assessment
        var rubric = try Self.rubric(fields: fields, assessment: assessment, course: course)
        if let raw = fields.raw("scoring") {
            guard let text = raw.text, let scoring = RubricScoring(rawValue: text) else {
                throw ConfigurationError("'scoring' must be one of \(RubricScoring.allCases.map(\.rawValue).joined(separator: ", "))", at: raw.location)
            }
            rubric.scoring = scoring
        }
        self.rubric = rubric
        policy = try Self.policy(fields: fields, course: course)

        let candidates = course?.candidates ?? []
        if try fields.bool("by_group") ?? (assessment.kind == .groupPresentation) {
            groups = Dictionary(candidates.compactMap { candidate in candidate.group.map { (candidate.id, $0) } }, uniquingKeysWith: { first, _ in first })
        } else {
            groups = nil
        }
        var scripts = Set(groups.map { Array($0.values) } ?? candidates.map(\.id))
        var problems: [ConfigurationError] = []
        var book = MarkBook()
        var allocation = Allocation()
        if let inline = fields.raw("sheets") {
            // Sheets written in the options (examples and tests): any script id goes.
            guard case .list(let sheets) = inline.kind else { throw fields.wrongType("sheets", inline, expected: "a list of mark sheets") }
            for sheet in sheets {
                guard let list = sheet["scripts"], case .list(let entries) = list.kind else { continue }
                for entry in entries {
                    if let id = entry["candidate_id"]?.text ?? entry["group"]?.text { scripts.insert(id) }
                }
            }
            let reader = MarkSheetReader(rubric: rubric, scripts: scripts)
            for sheet in sheets {
                let (records, errors) = reader.readYAML(sheet, file: sheet.location?.file ?? "options")
                guard errors.isEmpty else { throw errors[0] }
                book.records += records
            }
        } else if course != nil, !assessment.directory.isEmpty {
            book = MarkBook.load(directory: assessment.directory + "/marks", rubric: rubric, scripts: scripts)
            problems += book.problems
            let allocationPath = assessment.directory + "/allocation.csv"
            if FileManager.default.fileExists(atPath: allocationPath) {
                do throws(ConfigurationError) { allocation = try Allocation.load(path: allocationPath, scripts: scripts) } catch { problems.append(error) }
            }
        }
        if let agreed = fields.raw("agreed"), case .list(let items) = agreed.kind {
            for item in items {
                let entry = try ConfigFields(item, context: "an agreed mark")
                try entry.allowOnly(["candidate_id", "group", "mark", "reason"])
                var script = try entry.string("candidate_id")
                if script == nil { script = try entry.string("group", required: true) }
                book.agreed.append(AgreedMark(script: script ?? "", mark: try entry.number("mark", required: true) ?? 0, reason: try entry.string("reason", required: true) ?? "",
                                              source: SheetRow(file: item.location?.file ?? "options", row: item.location?.line ?? 0)))
            }
        }
        self.book = book
        self.allocation = allocation
        inputProblems = problems
        markings = Moderation.reconcile(book, allocation: allocation, policy: policy)
    }

    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        let script: String
        if let groups {
            guard let group = groups[submission.candidateID] else {
                return ProcessorResult(processor: Self.identifier, findings: [
                    Finding("rubric.no_group", .attention, "This assessment is marked by group, and the roster gives no group for this candidate; add it to roster.csv."),
                ])
            }
            script = group
        } else {
            script = submission.candidateID
        }
        let marking = markings[script] ?? ScriptMarking(script: script)
        let rounded = marking.finalMark.map(policy.rounding.apply)
        let band = marking.finalMark.flatMap(policy.band)
        let shown = marking.resolution == .thirdMarker ? marking.mark(.third) : marking.mark(.first) ?? marking.mark(.second)

        var findings: [Finding] = []
        switch marking.resolution {
        case .unmarked:
            findings.append(Finding("rubric.unmarked", .info, "This script has not been marked yet."))
        case .unresolved:
            findings.append(Finding("rubric.discrepancy", .attention, "The first and second marks differ beyond the agreed threshold; the markers must agree a mark (marks/agreed.csv) or ask a third marker."))
        default:
            if marking.awaitingSecond { findings.append(Finding("rubric.awaiting_second_mark", .info, "The second mark is not in yet; the mark is provisional.")) }
        }

        let grid: [JSONValue] = rubric.criteria.map { criterion in
            let selection = shown?.selections.first { $0.criterion == criterion.id }
            return [
                "criterion": .string(criterion.id), "title": .string(criterion.title), "weight": .number(criterion.weight),
                "level": selection?.level.map(JSONValue.string) ?? .null, "points": selection.map { .number($0.points) } ?? .null,
                "out_of": .number(criterion.isGuide ? criterion.highest : criterion.outOf), "comment": selection?.comment.map(JSONValue.string) ?? .null,
            ]
        }
        let metrics: [String: JSONValue] = [
            "rubric": .string(rubric.id),
            "scoring": .string(rubric.scoring.rawValue),
            "mark": rounded.map(JSONValue.number) ?? .null,
            "raw_mark": marking.finalMark.map(JSONValue.number) ?? .null,
            "band": band.map { .string($0.name) } ?? .null,
            "status": .string(marking.resolution.rawValue),
            // Release control holds back feedback while any mark is provisional.
            "provisional": .bool(marking.awaitingSecond && rounded != nil),
            "rounding": .string(policy.rounding.description),
            "criteria": .array(grid),
            "overall_comment": shown?.overallComment.map(JSONValue.string) ?? .null,
        ]
        func text(_ value: Double?) -> String { value.map { markText(policy.rounding.apply($0)) } ?? "" }
        let columns = [
            ProcessorResult.Column("mark", text(marking.finalMark)),
            ProcessorResult.Column("band", band?.name ?? ""),
            ProcessorResult.Column("first_mark", text(marking.mark(.first)?.mark)),
            ProcessorResult.Column("second_mark", text(marking.mark(.second)?.mark)),
            ProcessorResult.Column("third_mark", text(marking.mark(.third)?.mark)),
            ProcessorResult.Column("agreed_mark", text(marking.agreed?.mark)),
            ProcessorResult.Column("marking", marking.resolution.rawValue),
            ProcessorResult.Column("moderation_sample", marking.sampleReasons.joined(separator: "; ")),
        ]
        let restricted: [String: JSONValue] = ["marking": try JSONValue(encoding: marking)]
        return ProcessorResult(processor: Self.identifier, metrics: metrics, columns: columns, findings: findings,
                               feedback: [feedback(marking: marking, shown: shown, rounded: rounded, band: band)], restricted: restricted)
    }

    func review(cohort: [String: ProcessorResult]) -> CohortReview {
        CohortReview(report: report())
    }
}

private extension RubricProcessor {
    static func rubric(fields: ConfigFields, assessment: Assessment, course: CourseSettings?) throws(ConfigurationError) -> Rubric {
        let raw = fields.raw("rubric")
        if let raw, case .map = raw.kind {
            let (rubric, errors) = RubricLoader.read(raw, id: "inline", file: raw.location?.file ?? "options")
            if let first = errors.first { throw first }
            if let rubric { return rubric }
        }
        guard let name = raw?.text ?? assessment.rubric else {
            throw ConfigurationError("the rubric processor needs a rubric: set 'rubric: <id>' in assessment.yaml (a file in the course's rubrics folder)", at: fields.location)
        }
        guard let course else {
            throw ConfigurationError("the rubric '\(name)' is looked up in the course's rubrics folder; validate the course folder instead", at: raw?.location ?? fields.location)
        }
        guard let rubric = course.rubrics[name] else {
            throw ConfigurationError("no valid rubric '\(name)' in the rubrics folder (it has: \(course.rubrics.keys.sorted().joined(separator: ", ")))", at: raw?.location ?? fields.location)
        }
        return rubric
    }

    static func policy(fields: ConfigFields, course: CourseSettings?) throws(ConfigurationError) -> MarkingPolicy {
        var policy = MarkingPolicy(bands: course?.bands ?? Band.ukPostgraduate, rounding: course?.rounding ?? .wholeMarks)
        if let double = try fields.fields("double_marking") {
            try double.allowOnly(["threshold", "different_band", "combine"])
            policy.threshold = try double.number("threshold") ?? policy.threshold
            policy.differentBand = try double.bool("different_band") ?? policy.differentBand
            if let raw = double.raw("combine") {
                guard let text = raw.text, let combine = MarkingPolicy.Combine(rawValue: text) else {
                    throw ConfigurationError("'combine' must be mean or first", at: raw.location)
                }
                policy.combine = combine
            }
        }
        if let moderation = try fields.fields("moderation") {
            try moderation.allowOnly(["sample", "borderline"])
            if let raw = moderation.raw("sample") {
                guard let text = raw.text, text.hasSuffix("%"), let percent = Double(text.dropLast()), (0...100).contains(percent) else {
                    throw ConfigurationError("'sample' must be a percent such as 10%", at: raw.location)
                }
                policy.sampleShare = percent / 100
            }
            policy.borderline = try moderation.number("borderline") ?? policy.borderline
        }
        return policy
    }

    func feedback(marking: ScriptMarking, shown: MarkRecord?, rounded: Double?, band: Band?) -> FeedbackSection {
        var facts: [FeedbackSection.Fact] = []
        let summary: String
        if let rounded {
            summary = "Rubric mark \(markText(rounded))\(band.map { " (\($0.name))" } ?? "")."
            facts.append(.init("Rubric mark", markText(rounded), emphasis: true))
            if let band { facts.append(.init("Band", band.name)) }
            let how = switch marking.resolution {
            case .single: marking.awaitingSecond ? "first marking; the second mark is not in yet" : "marked once"
            case .combined: policy.combine == .mean ? "first and second marking, the mean of the two marks" : "first and second marking, the first mark confirmed"
            case .agreed: "first and second marking, then a mark the markers agreed"
            case .thirdMarker: "decided by a third marker"
            default: ""
            }
            facts.append(.init("How it was reached", how))
            facts.append(.init("Rounding", policy.rounding.description))
        } else {
            summary = marking.resolution == .unresolved ? "Your script has been double marked; the final mark is being agreed." : "Your script has not been marked yet."
        }
        let criteria = rubric.criteria.map { criterion -> RubricGrid.Criterion in
            let selection = shown?.selections.first { $0.criterion == criterion.id }
            let chosen = selection?.level.flatMap(criterion.level(named:))
            let levels = criterion.levels.map { level in
                RubricGrid.Level(name: level.name, descriptor: level.descriptor, points: markText(level.points), chosen: level.name == chosen?.name)
            }
            let score = selection.flatMap { chosen == nil ? "\(markText($0.points)) of \(markText(criterion.highest))" : nil }
            return RubricGrid.Criterion(title: criterion.title, description: criterion.description, weight: "\(markText(criterion.weight))%",
                                        levels: levels, score: score ?? (selection == nil ? "not marked yet" : nil), comment: selection?.comment)
        }
        // The grid shows one marker's levels; say whose when the mark came from more than one.
        var notes: [String] = []
        switch marking.resolution {
        case .combined where policy.combine == .mean, .agreed:
            notes.append("The levels marked in the grid are the first marker's; the mark above is \(marking.resolution == .agreed ? "the one the markers agreed" : "the mean of the first and second markers' marks"), so it can differ from what the levels alone give.")
        default:
            break
        }
        return FeedbackSection(title: "Mark and rubric: \(rubric.title)", summary: summary, facts: facts, notes: notes,
                               grid: RubricGrid(title: rubric.title, criteria: criteria, overallComment: shown?.overallComment))
    }

    /// The module lead's and moderator's report: double marking, sample, consistency.
    func report() -> [FeedbackSection] {
        func text(_ value: Double?) -> String { value.map { markText(policy.rounding.apply($0)) } ?? "—" }
        func figure(_ value: Double?) -> String { value.map { markText(($0 * 10).rounded() / 10) } ?? "—" }
        var sections: [FeedbackSection] = []
        let scripts = markings.keys.sorted()
        let doubled = scripts.compactMap { markings[$0] }.filter { $0.marks.count > 1 || $0.agreed != nil }
        sections.append(FeedbackSection(
            title: "Double marking", summary: "\(doubled.count) script(s) with more than one mark; \(scripts.filter { markings[$0]?.resolution == .unresolved }.count) awaiting agreement.",
            table: .init(caption: "Marks by script", columns: ["Script", "First", "Second", "Third", "Agreed", "Final", "How", "Discrepancy"],
                         rows: doubled.map { marking in
                             [marking.script, text(marking.mark(.first)?.mark), text(marking.mark(.second)?.mark), text(marking.mark(.third)?.mark),
                              text(marking.agreed?.mark), text(marking.finalMark), marking.resolution.rawValue,
                              [marking.discrepancy, marking.agreed.map { "agreed: \($0.reason)" }].compactMap { $0 }.joined(separator: "; ")]
                         })))
        let sampled = scripts.compactMap { markings[$0] }.filter { !$0.sampleReasons.isEmpty }
        sections.append(FeedbackSection(
            title: "Moderator's sample",
            summary: "\(sampled.count) script(s): every fail, every mark within \(markText(policy.borderline)) below a band, and \(markText(policy.sampleShare * 100))% of the marked scripts across the range.",
            table: .init(caption: "Sample", columns: ["Script", "Mark", "Why"], rows: sampled.map { [$0.script, text($0.finalMark), $0.sampleReasons.joined(separator: "; ")] })))
        let (markers, cohort) = Moderation.markerStatistics(book)
        sections.append(FeedbackSection(
            title: "Marker consistency", summary: "Each marker's marks against all marks given (\(cohort.count), mean \(figure(cohort.mean)), SD \(figure(cohort.standardDeviation))).",
            table: .init(caption: "Markers", columns: ["Marker", "Marks", "Mean", "SD", "Mean − all markers' mean"],
                         rows: markers.map { marker in
                             [marker.marker, String(marker.count), figure(marker.mean), figure(marker.standardDeviation),
                              figure(marker.mean.flatMap { mean in cohort.mean.map { mean - $0 } })]
                         })))
        let pairs = Moderation.pairAgreement(markings, policy: policy)
        sections.append(FeedbackSection(
            title: "Agreement between markers", summary: "On the scripts each pair double marked.",
            table: .init(caption: "Pairs", columns: ["Markers", "Scripts", "Mean difference (A − B)", "Mean absolute difference", "Within threshold", "Same band", "Correlation"],
                         rows: pairs.map { pair in
                             ["\(pair.markerA) & \(pair.markerB)", String(pair.count), figure(pair.meanDifference), figure(pair.meanAbsoluteDifference),
                              "\(Int((pair.withinThreshold * 100).rounded()))%", "\(Int((pair.sameBand * 100).rounded()))%", pair.correlation.map { markText(($0 * 100).rounded() / 100) } ?? "—"]
                         })))
        if !inputProblems.isEmpty {
            sections.append(FeedbackSection(title: "Sheets not applied", summary: "These sheets have problems; none of their marks were used until they are fixed.",
                                            notes: inputProblems.map(\.description)))
        }
        return sections
    }
}

/// The rubric of the examples: levels for analysis, a marking guide out of 10 for writing.
private let exampleRubric: ConfigValue = [
    "title": "Essay", "out_of": 100,
    "criteria": [
        ["id": "analysis", "title": "Analysis", "weight": 60,
         "levels": [["name": "Pass", "points": 55], ["name": "Merit", "points": 65], ["name": "Distinction", "points": 75]]],
        ["id": "writing", "title": "Writing", "weight": 40, "maximum": 10,
         "comments": [["id": "structure", "text": "Signpost the argument."]]],
    ],
]

/// A one-script sheet for candidate C1.
private func exampleSheet(_ marker: String, _ role: String, _ level: String, _ writing: Int) -> ConfigValue {
    ["marker": .init(.string(marker)), "scripts": [["candidate_id": "C1", "role": .init(.string(role)),
                                                     "criteria": ["analysis": .init(.string(level)), "writing": ["score": .init(.int(writing)), "comment": "#structure"]]]]]
}
