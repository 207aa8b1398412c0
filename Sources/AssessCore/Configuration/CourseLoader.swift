internal import Foundation
internal import AssessDocuments

/// Loads and checks a course directory (see `docs/configuration.md`). Every problem
/// found is collected, so one `assess validate` lists them all.
public struct CourseLoader: Sendable {
    private let registry: ProcessorRegistry

    /// Creates a loader that knows the given processors.
    public init(registry: ProcessorRegistry) {
        self.registry = registry
    }

    /// Loads the course at `directory`.
    /// - Throws: ``ConfigurationErrors`` listing every problem, each at `file:line:column`.
    public func load(directory: String) throws(ConfigurationErrors) -> Course {
        var errors: [ConfigurationError] = []
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let coursePath = root + "/course.yaml"
        var programme = "", cohort = "", anonymous = false, bands = Band.ukPostgraduate
        var marking = MarkingSettings(), rubricsFolder = root + "/rubrics", penalties: ConfigValue?
        do throws(ConfigurationError) {
            let fields = try ConfigFields(YAMLLoader.load(path: coursePath), context: "course.yaml", fallback: SourceLocation(file: coursePath))
            try fields.allowOnly(["programme", "cohort", "anonymous", "bands", "marking", "penalties", "rubrics"])
            programme = try fields.string("programme", required: true) ?? ""
            cohort = try fields.string("cohort", required: true) ?? ""
            anonymous = try fields.bool("anonymous") ?? false
            if let bandFields = try fields.fields("bands") { bands = try Self.bands(bandFields) }
            if let markingFields = try fields.fields("marking") { marking = try MarkingSettings(markingFields) }
            if let folder = try fields.string("rubrics") { rubricsFolder = folder.hasPrefix("/") ? folder : root + "/" + folder }
            if let policy = try fields.fields("penalties") {
                _ = try PenaltyPolicy.read(policy, passMark: marking.passMark ?? CourseSettings.passMark(bands))
                penalties = policy.value
            }
        } catch { errors.append(error) }

        var candidates: [Candidate] = []
        do throws(ConfigurationError) {
            candidates = try Self.roster(path: root + "/roster.csv")
        } catch { errors.append(error) }

        let (rubrics, rubricErrors) = RubricLoader.loadAll(directory: rubricsFolder)
        errors += rubricErrors
        let settings = CourseSettings(directory: root, anonymous: anonymous, bands: bands, candidates: candidates, rounding: marking.rounding,
                                      passMark: marking.passMark, rubrics: rubrics, penalties: penalties)

        var assessments: [ConfiguredAssessment] = []
        let assessmentsDirectory = root + "/assessments"
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: assessmentsDirectory)) ?? [])
            .filter { !$0.hasPrefix(".") && isDirectory(assessmentsDirectory + "/" + $0) }.sorted()
        if ids.isEmpty {
            errors.append(ConfigurationError("the course has no assessments; add assessments/<id>/assessment.yaml", at: SourceLocation(file: assessmentsDirectory)))
        }
        for id in ids {
            do throws(ConfigurationError) {
                assessments.append(try loadAssessment(directory: assessmentsDirectory + "/" + id, course: settings))
            } catch { errors.append(error) }
        }
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        return Course(programme: programme, cohort: cohort, anonymous: anonymous, bands: bands,
                      candidates: candidates, assessments: assessments, directory: root, settings: settings)
    }

    /// Loads one assessment folder and configures its processors.
    /// - Parameter course: the course around it, when loaded as part of one.
    /// - Throws: ``ConfigurationError`` at the first problem in its `assessment.yaml`.
    public func loadAssessment(directory: String, course: CourseSettings? = nil) throws(ConfigurationError) -> ConfiguredAssessment {
        let id = URL(fileURLWithPath: directory).lastPathComponent
        let path = directory + "/assessment.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError("the assessment folder '\(id)' has no assessment.yaml; create one (see docs/configuration.md)", at: SourceLocation(file: path))
        }
        let fields = try ConfigFields(YAMLLoader.load(path: path), context: "assessment.yaml", fallback: SourceLocation(file: path))
        try fields.allowOnly(["title", "module", "kind", "deadline", "weighting", "word_limit", "rubric", "processors"])
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), id.first != "." else {
            throw ConfigurationError("the assessment folder name '\(id)' may hold only letters, digits, '-', '_' and '.'; rename it", at: fields.location)
        }
        let kindText = try fields.string("kind", required: true) ?? ""
        guard let kind = AssessmentKind(rawValue: kindText) else {
            let allowed = AssessmentKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError("'kind' must be one of \(allowed), not '\(kindText)'", at: fields.raw("kind")?.location ?? fields.location)
        }
        let assessment = Assessment(
            id: id, title: try fields.string("title", required: true) ?? id, module: try fields.string("module", required: true) ?? "",
            kind: kind, deadline: try fields.date("deadline"), weighting: try fields.number("weighting"),
            wordLimit: try fields.int("word_limit", in: 1...1_000_000), directory: directory, rubric: try fields.string("rubric"))
        if let rubric = assessment.rubric, let course, course.rubrics[rubric] == nil {
            let known = course.rubrics.keys.sorted()
            throw ConfigurationError("no valid rubric '\(rubric)' in the rubrics folder\(known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))"); add rubrics/\(rubric).yaml or fix its errors", at: fields.raw("rubric")?.location)
        }

        guard let processorFields = try fields.fields("processors") else { throw fields.missing("processors") }
        var processors: [any Processor] = []
        for entry in processorFields.value.entries {
            if entry.key.hasPrefix(ExternalProcessor.keyPrefix) {
                let name = String(entry.key.dropFirst(ExternalProcessor.keyPrefix.count))
                let configuration = try ProcessorConfiguration(entry.value, processor: entry.key, assessment: assessment, fallback: entry.keyLocation, course: course)
                processors.append(try ExternalProcessor(name: name, configuration: configuration, at: entry.keyLocation))
                continue
            }
            guard let type = registry.type(entry.key) else {
                let suggestion = registry.identifiers.min { editDistance($0, entry.key) < editDistance($1, entry.key) }
                let hint = suggestion.map { editDistance($0, entry.key) <= 3 ? "; did you mean '\($0)'?" : "" } ?? ""
                throw ConfigurationError("unknown processor '\(entry.key)'\(hint) (known: \(registry.identifiers.joined(separator: ", ")))", at: entry.keyLocation)
            }
            let configuration = try ProcessorConfiguration(entry.value, processor: entry.key, assessment: assessment, fallback: entry.keyLocation, course: course)
            processors.append(try type.init(configuration: configuration))
        }
        if processors.isEmpty {
            throw ConfigurationError("'processors' lists none; name at least one, e.g. 'wordcount: {}'", at: processorFields.location)
        }
        return ConfiguredAssessment(assessment: assessment, processors: processors)
    }

    /// Reads `roster.csv`.
    /// - Throws: ``ConfigurationError`` at the row and column of the first problem.
    public static func roster(path: String) throws(ConfigurationError) -> [Candidate] {
        try CSVTable.checkSize(path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("the roster is missing; create roster.csv with columns candidate_id,name", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("the roster is not UTF-8 text; save it as CSV UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let table = try CSVTable.parse(text, file: path)
        guard let idColumn = table.column("candidate_id"), let nameColumn = table.column("name") else {
            throw ConfigurationError("the header must name the columns 'candidate_id' and 'name' (found: \(table.header.joined(separator: ", ")))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let email = table.column("email"), group = table.column("group"), lms = table.column("lms_id")
        var seen: [String: Int] = [:]
        var candidates: [Candidate] = []
        for row in table.rows {
            func value(_ column: Int?) -> String? {
                guard let column, column < row.fields.count else { return nil }
                let text = row.fields[column].trimmingWhitespace()
                return text.isEmpty ? nil : text
            }
            guard let id = value(idColumn) else {
                throw ConfigurationError("the candidate_id is empty; every row needs one", at: row.location(idColumn, file: path))
            }
            guard isSafeIdentifier(id) else {
                throw ConfigurationError("candidate_id '\(id)' may hold only letters, digits, '.', '_' and '-' (it names files)", at: row.location(idColumn, file: path))
            }
            if let first = seen[id] {
                throw ConfigurationError("candidate_id '\(id)' appears again (first on line \(first)); ids must be unique", at: row.location(idColumn, file: path))
            }
            guard let name = value(nameColumn) else {
                throw ConfigurationError("the name of '\(id)' is empty; add the candidate's full name", at: row.location(nameColumn, file: path))
            }
            seen[id] = row.line
            candidates.append(Candidate(id: id, name: name, email: value(email), group: value(group), lmsID: value(lms)))
        }
        return candidates
    }

    private static func bands(_ fields: ConfigFields) throws(ConfigurationError) -> [Band] {
        var bands: [Band] = []
        for entry in fields.value.entries {
            guard let minimum = entry.value.number, (0...100).contains(minimum) else {
                throw ConfigurationError("band '\(entry.key)' needs its lowest mark, a number from 0 to 100", at: entry.value.location ?? entry.keyLocation)
            }
            if let previous = bands.last, previous.minimum <= minimum {
                throw ConfigurationError("bands must be listed from highest to lowest; '\(entry.key)' starts at \(minimum), not below '\(previous.name)'", at: entry.keyLocation)
            }
            bands.append(Band(name: entry.key, minimum: minimum))
        }
        guard bands.last?.minimum == 0 else {
            throw ConfigurationError("the lowest band must start at 0 so that every mark has a band", at: fields.location)
        }
        return bands
    }
}

/// Letters, digits, `.`, `_`, `-`; not starting with `.`: safe as a file name anywhere.
public func isSafeIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 64 && text.first != "." && text.unicodeScalars.allSatisfy {
        ($0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
    }
}

func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
}
