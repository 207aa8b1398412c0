public import AssessDocuments
public import Foundation

/// A check or calculation run on every submission of an assessment.
///
/// A processor has two phases. ``process(_:)`` sees one submission at a time, is pure
/// and runs in parallel; ``review(cohort:)`` then sees every submission's result once
/// (item analysis, moderation, similarity…). Processors never print, write files or
/// exit: they return results, and the writers decide what reaches people.
///
/// ```swift
/// struct ShoutProcessor: Processor {
///     static let description = ProcessorDescription(identifier: "shout", name: "Shout",
///         summary: "Flags text written in capitals.", flaggedExamples: [Example("HELLO", expect: ["shout.capitals"])])
///     init(configuration: ProcessorConfiguration) throws(ConfigurationError) {}
///     func process(_ submission: SubmissionContent) throws -> ProcessorResult { … }
/// }
/// ```
public protocol Processor: Sendable {
    /// What the processor is, its options' documentation and its examples.
    static var description: ProcessorDescription { get }
    /// Reads and checks the processor's options from an assessment's YAML.
    /// - Throws: ``ConfigurationError`` at the offending key.
    init(configuration: ProcessorConfiguration) throws(ConfigurationError)
    /// Looks at one submission. A thrown error becomes a `processor.failed` finding.
    func process(_ submission: SubmissionContent) throws -> ProcessorResult
    /// Looks at the whole cohort after every submission was processed.
    func review(cohort: [String: ProcessorResult]) -> CohortReview
    /// Reads submissions that arrive as rows of one file for the whole cohort (an MCQ's
    /// `responses.csv`), matched to the roster; nil (the default) when the processor
    /// reads only candidates' folders. Called once per run, before ``process(_:)``.
    func cohortSubmissions(candidates: [Candidate]) -> CohortSubmissions?
}

extension Processor {
    /// The processor's stable identifier.
    public static var identifier: String { description.identifier }

    /// No cohort phase by default.
    public func review(cohort: [String: ProcessorResult]) -> CohortReview { CohortReview() }

    /// No cohort-wide input by default.
    public func cohortSubmissions(candidates: [Candidate]) -> CohortSubmissions? { nil }
}

/// What a processor's cohort phase adds: findings per candidate, a report for the
/// module lead, and tables written beside the assessment's results.
public struct CohortReview: Sendable, Equatable, Codable {
    /// Extra findings by candidate id.
    public var findings: [String: [Finding]]
    /// Sections for the assessment's report (never in students' archives).
    public var report: [FeedbackSection]
    /// CSV files for `out/<assessment>/` (e.g. `item-analysis.csv`). A `results.csv`
    /// here replaces the generic one, which is then written as `submissions.csv`.
    public var files: [ReportFile]
    /// Staff-only figures by candidate id, merged into the processor's `restricted`
    /// (results.json and the ledger, never a student's archive).
    public var restricted: [String: [String: JSONValue]]
    /// Problems for staff about the assessment as a whole (they make `assess run` exit
    /// 1 and are listed in run.json, never in a student's archive).
    public var problems: [Finding]

    /// Creates a review.
    public init(findings: [String: [Finding]] = [:], report: [FeedbackSection] = [], files: [ReportFile] = [],
                restricted: [String: [String: JSONValue]] = [:], problems: [Finding] = []) {
        self.findings = findings
        self.report = report
        self.files = files
        self.restricted = restricted
        self.problems = problems
    }
}

/// A CSV table a cohort phase adds to the assessment's outputs.
public struct ReportFile: Sendable, Equatable, Codable {
    /// The file name, e.g. `item-analysis.csv`.
    public var name: String
    /// The header row.
    public var columns: [String]
    /// The data rows, each as long as the header.
    public var rows: [[String]]

    /// Creates a table file.
    public init(name: String, columns: [String], rows: [[String]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// The options a processor was given, with the assessment they belong to.
public struct ProcessorConfiguration: Sendable {
    /// The processor's options, read with their file locations.
    public var fields: ConfigFields
    /// The assessment being configured.
    public var assessment: Assessment
    /// The course around it (roster, bands, rubrics, policies); nil when the assessment
    /// is loaded on its own.
    public var course: CourseSettings?

    /// Wraps options for a processor.
    /// - Throws: ``ConfigurationError`` when `options` is not a mapping.
    public init(_ options: ConfigValue, processor: String, assessment: Assessment, fallback: SourceLocation? = nil,
                course: CourseSettings? = nil) throws(ConfigurationError) {
        fields = try ConfigFields(options, context: "the options of '\(processor)'", fallback: fallback)
        self.assessment = assessment
        self.course = course
    }
}

/// What a processor is, for users (`summary`), for the registry (`identifier`) and for
/// tests (its examples, which double as documentation).
public struct ProcessorDescription: Sendable {
    /// Short, lower case, never changes (`wordcount`).
    public var identifier: String
    public var name: String
    /// One or two sentences for users.
    public var summary: String
    /// Examples that must give no findings.
    public var passingExamples: [ProcessorExample]
    /// Examples that must give exactly their expected finding codes.
    public var flaggedExamples: [ProcessorExample]

    /// Creates a description.
    public init(identifier: String, name: String, summary: String,
                passingExamples: [ProcessorExample] = [], flaggedExamples: [ProcessorExample] = []) {
        self.identifier = identifier
        self.name = name
        self.summary = summary
        self.passingExamples = passingExamples
        self.flaggedExamples = flaggedExamples
    }

    /// Every example of a processor type, tagged with its identifier (for parameterised tests).
    public static func examples(of type: any Processor.Type) -> [ProcessorExample] {
        (type.description.passingExamples + type.description.flaggedExamples).map { example in
            var tagged = example
            tagged.processor = type.description.identifier
            return tagged
        }
    }
}

/// A submission written in Markdown (or given as a ``DocumentText`` when Markdown cannot
/// say it, such as slides), the options to run with, and the finding codes expected.
/// Tests run every example; docs quote them.
public struct ProcessorExample: Sendable, CustomStringConvertible {
    /// The submission's text, read as Markdown (unused when ``document`` is set).
    public var text: String
    /// The submission as read, used instead of ``text`` when set (slides, pages).
    public var document: DocumentText?
    public var configuration: ConfigValue
    /// The assessment's word limit, when the example needs one.
    public var wordLimit: Int?
    /// The assessment's deadline, when the example needs one.
    public var deadline: Date?
    /// Finding codes the example must give (empty: none).
    public var expect: [String]
    /// Metrics the example must give, where it pins figures.
    public var metrics: [String: JSONValue]
    /// Set by ``ProcessorDescription/examples(of:)``.
    public var processor = ""
    public var file: String
    public var line: Int

    /// Creates an example; `file` and `line` default to where it is written.
    /// - Parameter deadline: the assessment's deadline as `assessment.yaml` writes it
    ///   (ISO 8601; a date alone is the end of that day, UTC).
    public init(_ text: String, configuration: ConfigValue = [:], wordLimit: Int? = nil, deadline: String? = nil, expect: [String] = [],
                metrics: [String: JSONValue] = [:], file: String = #filePath, line: Int = #line) {
        self.text = text
        self.configuration = configuration
        self.wordLimit = wordLimit
        self.deadline = deadline.flatMap(ConfigFields.parseDate)
        self.expect = expect
        self.metrics = metrics
        self.file = file
        self.line = line
    }

    /// Creates an example whose submission is a document built in code.
    public init(document: DocumentText, configuration: ConfigValue = [:], wordLimit: Int? = nil, deadline: String? = nil, expect: [String] = [],
                metrics: [String: JSONValue] = [:], file: String = #filePath, line: Int = #line) {
        self.init("", configuration: configuration, wordLimit: wordLimit, deadline: deadline, expect: expect, metrics: metrics, file: file, line: line)
        self.document = document
    }

    public var description: String {
        "\(processor) example at line \(line)" + (expect.isEmpty ? "" : " expecting \(expect.joined(separator: ", "))")
    }
}

/// Processors by identifier.
public struct ProcessorRegistry: Sendable {
    private let types: [String: any Processor.Type]
    /// Identifiers, sorted.
    public let identifiers: [String]

    /// Creates a registry of processor types.
    public init(_ types: [any Processor.Type]) {
        var byID: [String: any Processor.Type] = [:]
        for type in types { byID[type.description.identifier] = type }
        self.types = byID
        identifiers = byID.keys.sorted()
    }

    /// The processor type with that identifier.
    public func type(_ identifier: String) -> (any Processor.Type)? { types[identifier] }
}
