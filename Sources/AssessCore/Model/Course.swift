public import Foundation

/// A mark band such as Distinction ≥ 70.
public struct Band: Sendable, Equatable, Codable {
    /// The band's name.
    public var name: String
    /// The lowest mark (percent) in the band.
    public var minimum: Double

    /// Creates a band.
    public init(name: String, minimum: Double) {
        self.name = name
        self.minimum = minimum
    }

    /// UK postgraduate bands: Distinction ≥ 70, Merit 60–69, Pass 50–59, Fail < 50.
    public static let ukPostgraduate = [
        Band(name: "Distinction", minimum: 70), Band(name: "Merit", minimum: 60),
        Band(name: "Pass", minimum: 50), Band(name: "Fail", minimum: 0),
    ]
}

/// One person on the roster.
public struct Candidate: Sendable, Equatable, Codable, Hashable {
    /// The candidate's id; safe to use in file names.
    public var id: String
    /// Full name as the LMS shows it.
    public var name: String
    /// Email address, if known.
    public var email: String?
    /// Group for group work, if any.
    public var group: String?
    /// The LMS's participant id (Moodle), used to match downloads.
    public var lmsID: String?

    enum CodingKeys: String, CodingKey {
        case id, name, email, group
        case lmsID = "lms_id"
    }

    /// Creates a candidate.
    public init(id: String, name: String, email: String? = nil, group: String? = nil, lmsID: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.group = group
        self.lmsID = lmsID
    }
}

/// The kinds of assessment the programme sets.
public enum AssessmentKind: String, Sendable, Codable, CaseIterable {
    case written
    case groupPresentation = "group_presentation"
    case mcq, journal, dissertation
}

/// An assessment as configured in `assessments/<id>/assessment.yaml`.
public struct Assessment: Sendable, Codable, Equatable {
    /// The folder name; never changes once marks exist.
    public var id: String
    public var title: String
    public var module: String
    public var kind: AssessmentKind
    public var deadline: Date?
    /// Percent of the module mark.
    public var weighting: Double?
    public var wordLimit: Int?
    /// The folder holding `assessment.yaml`.
    public var directory: String
    /// The id of the rubric markers apply (a file in the course's rubrics folder).
    public var rubric: String?

    enum CodingKeys: String, CodingKey {
        case id, title, module, kind, deadline, weighting, directory, rubric
        case wordLimit = "word_limit"
    }

    /// Creates an assessment.
    public init(id: String, title: String, module: String, kind: AssessmentKind, deadline: Date? = nil,
                weighting: Double? = nil, wordLimit: Int? = nil, directory: String = "", rubric: String? = nil) {
        self.rubric = rubric
        self.id = id
        self.title = title
        self.module = module
        self.kind = kind
        self.deadline = deadline
        self.weighting = weighting
        self.wordLimit = wordLimit
        self.directory = directory
    }
}

/// A course directory, loaded and checked.
public struct Course: Sendable {
    public var programme: String
    public var cohort: String
    /// Marker outputs use candidate ids, never names.
    public var anonymous: Bool
    /// Bands, highest first.
    public var bands: [Band]
    /// Candidates in roster order.
    public var candidates: [Candidate]
    /// Assessments sorted by id, each with its configured processors.
    public var assessments: [ConfiguredAssessment]
    /// The course folder.
    public var directory: String
    /// What processors know of the course: rounding, pass mark, rubrics, policies.
    public var settings: CourseSettings

    /// Creates a course from its parts.
    public init(programme: String, cohort: String, anonymous: Bool, bands: [Band], candidates: [Candidate],
                assessments: [ConfiguredAssessment], directory: String, settings: CourseSettings? = nil) {
        self.settings = settings ?? CourseSettings(directory: directory, anonymous: anonymous, bands: bands, candidates: candidates)
        self.programme = programme
        self.cohort = cohort
        self.anonymous = anonymous
        self.bands = bands
        self.candidates = candidates
        self.assessments = assessments
        self.directory = directory
    }

    /// The band a mark falls in.
    public func band(for mark: Double) -> Band? {
        bands.first { mark >= $0.minimum }
    }
}

/// An assessment with the processors its YAML names, ready to run.
public struct ConfiguredAssessment: Sendable {
    public var assessment: Assessment
    /// Processors in the order the YAML lists them.
    public var processors: [any Processor]

    /// Pairs an assessment with its processors.
    public init(assessment: Assessment, processors: [any Processor]) {
        self.assessment = assessment
        self.processors = processors
    }
}
