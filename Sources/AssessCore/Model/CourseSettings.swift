/// What a processor may know of the course it runs in: the roster, the bands, the
/// rounding, the rubrics and the course-wide policies of `course.yaml`. Processors get
/// it through ``ProcessorConfiguration/course``; it is nil when an assessment is loaded
/// on its own (`assess validate assessment.yaml`) or in examples.
public struct CourseSettings: Sendable {
    /// The course folder.
    public var directory: String
    public var anonymous: Bool
    /// Bands, highest first.
    public var bands: [Band]
    /// Candidates in roster order.
    public var candidates: [Candidate]
    /// How marks are rounded, once, at the end of each mark's calculation.
    public var rounding: MarkRounding
    /// The lowest passing mark: `marking: pass_mark`, else the band named Pass, else the
    /// second-lowest band's lowest mark.
    public var passMark: Double
    /// The rubrics of the course's rubrics folder, by id.
    public var rubrics: [String: Rubric]
    /// `penalties:` of course.yaml, read by the `penalties` processor (nil: none set).
    public var penalties: ConfigValue?

    /// Creates settings.
    public init(directory: String = "", anonymous: Bool = false, bands: [Band] = Band.ukPostgraduate, candidates: [Candidate] = [],
                rounding: MarkRounding = .wholeMarks, passMark: Double? = nil, rubrics: [String: Rubric] = [:], penalties: ConfigValue? = nil) {
        self.directory = directory
        self.anonymous = anonymous
        self.bands = bands
        self.candidates = candidates
        self.rounding = rounding
        self.passMark = passMark ?? Self.passMark(bands)
        self.rubrics = rubrics
        self.penalties = penalties
    }

    /// The pass mark the bands imply: the band named Pass, else the second-lowest band.
    public static func passMark(_ bands: [Band]) -> Double {
        if let pass = bands.first(where: { $0.name.lowercased() == "pass" }) { return pass.minimum }
        return bands.count >= 2 ? bands[bands.count - 2].minimum : 0
    }

    /// The band of a mark.
    public func band(for mark: Double) -> Band? {
        bands.first { mark >= $0.minimum }
    }
}

/// `marking:` of course.yaml: how marks are rounded and the pass mark.
///
/// ```yaml
/// marking:
///   decimals: 0          # decimal places kept (default 0: whole marks)
///   rounding: half_up    # half_up | half_even | down | up
///   pass_mark: 50        # default: the band named Pass
/// ```
struct MarkingSettings {
    var rounding = MarkRounding.wholeMarks
    var passMark: Double?

    init() {}

    init(_ fields: ConfigFields) throws(ConfigurationError) {
        try fields.allowOnly(["decimals", "rounding", "pass_mark"])
        rounding.decimals = try fields.int("decimals", in: 0...4) ?? 0
        if let raw = fields.raw("rounding") {
            guard let text = raw.text, let mode = MarkRounding.Mode(rawValue: text) else {
                throw ConfigurationError("'rounding' must be one of \(MarkRounding.Mode.allCases.map(\.rawValue).joined(separator: ", "))", at: raw.location)
            }
            rounding.mode = mode
        }
        passMark = try fields.number("pass_mark")
    }
}
