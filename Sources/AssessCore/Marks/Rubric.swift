internal import AssessDocuments

/// A level of a rubric criterion: what a marker picks, and the points it carries.
public struct RubricLevel: Sendable, Equatable, Codable {
    /// The level's name as markers write it on a sheet ("Merit").
    public var name: String
    /// What work at this level looks like.
    public var descriptor: String
    /// The points the level carries.
    public var points: Double

    /// Creates a level.
    public init(name: String, descriptor: String = "", points: Double) {
        self.name = name
        self.descriptor = descriptor
        self.points = points
    }
}

/// A frequent comment of a marking guide, which a marker cites as `#id` in a comment.
public struct BankComment: Sendable, Equatable, Codable {
    /// Short id, unique within the criterion.
    public var id: String
    /// The comment's text.
    public var text: String

    /// Creates a bank comment.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// One criterion of a rubric: either levels to choose from, or a marking guide (a free
/// score from 0 up to a maximum, with a bank of frequent comments).
public struct RubricCriterion: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String
    /// The criterion's weight in percent; the weights of a rubric add up to 100.
    public var weight: Double
    /// The levels, for a rubric criterion; empty for a marking guide.
    public var levels: [RubricLevel]
    /// The highest score, for a marking guide; nil for a criterion with levels.
    public var maximum: Double?
    /// Frequent comments (marking guides; allowed on levels too).
    public var comments: [BankComment]
    /// What the points are out of in the weighted sum: the highest level or the guide's
    /// maximum unless the rubric says otherwise (`out_of: 100` for percentage levels).
    public var outOf: Double

    enum CodingKeys: String, CodingKey {
        case id, title, description, weight, levels, maximum, comments
        case outOf = "out_of"
    }

    /// Creates a criterion.
    public init(id: String, title: String, description: String = "", weight: Double, levels: [RubricLevel] = [],
                maximum: Double? = nil, comments: [BankComment] = [], outOf: Double? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.weight = weight
        self.levels = levels
        self.maximum = maximum
        self.comments = comments
        self.outOf = outOf ?? maximum ?? levels.map(\.points).max() ?? 0
    }

    /// Whether the criterion is a marking guide (free score) rather than levels.
    public var isGuide: Bool { maximum != nil }

    /// The fewest points the criterion can give: its lowest level, or 0 for a guide.
    public var lowest: Double { isGuide ? 0 : levels.map(\.points).min() ?? 0 }

    /// The most points the criterion can give: its highest level, or the guide's maximum.
    public var highest: Double { maximum ?? levels.map(\.points).max() ?? 0 }

    /// The level with that name (case and surrounding spaces ignored).
    public func level(named name: String) -> RubricLevel? {
        let key = name.trimmingWhitespace().lowercased()
        return levels.first { $0.name.lowercased() == key }
    }

    /// The bank comment with that id.
    public func comment(id: String) -> BankComment? {
        comments.first { $0.id.lowercased() == id.lowercased() }
    }
}

/// How a rubric's chosen points become a mark.
public enum RubricScoring: String, Sendable, Codable, CaseIterable {
    /// Σ weight × points / out_of, over the grade range (the default).
    case weighted
    /// Moodle's rule: (S − min) / (max − min) × (Gmax − Gmin) + Gmin.
    case moodle
    /// Moodle with "minimum score of 0": max(Gmin, S / max × Gmax).
    case moodleMinimumZero = "moodle_min_zero"
}

/// A rubric or marking guide from `rubrics/<id>.yaml`.
public struct Rubric: Sendable, Equatable, Codable {
    /// The file name without `.yaml`; assessments name rubrics by it.
    public var id: String
    public var title: String
    public var criteria: [RubricCriterion]
    /// How the score becomes a mark, unless the assessment says otherwise.
    public var scoring: RubricScoring
    /// The lowest mark (Gmin).
    public var gradeMinimum: Double
    /// The highest mark (Gmax).
    public var gradeMaximum: Double

    enum CodingKeys: String, CodingKey {
        case id, title, criteria, scoring
        case gradeMinimum = "grade_min"
        case gradeMaximum = "grade_max"
    }

    /// Creates a rubric.
    public init(id: String, title: String, criteria: [RubricCriterion], scoring: RubricScoring = .weighted,
                gradeMinimum: Double = 0, gradeMaximum: Double = 100) {
        self.id = id
        self.title = title
        self.criteria = criteria
        self.scoring = scoring
        self.gradeMinimum = gradeMinimum
        self.gradeMaximum = gradeMaximum
    }

    /// The criterion with that id.
    public func criterion(_ id: String) -> RubricCriterion? {
        criteria.first { $0.id == id }
    }

    /// The unrounded mark for the chosen points (criterion id → points), or nil when a
    /// criterion has no points. Rounding is the caller's, once, at the very end.
    ///
    /// - `weighted`: Gmin + (Gmax − Gmin) × Σ wᵢ·pᵢ/out_ofᵢ / Σ wᵢ
    /// - `moodle`: (S − min)/(max − min) × (Gmax − Gmin) + Gmin, with S = Σ pᵢ and
    ///   min/max the sums of each criterion's lowest/highest points
    /// - `moodleMinimumZero`: max(Gmin, S/max × Gmax)
    public func mark(points: [String: Double], scoring: RubricScoring? = nil) -> Double? {
        var chosen: [Double] = []
        for criterion in criteria {
            guard let value = points[criterion.id] else { return nil }
            chosen.append(value)
        }
        let range = gradeMaximum - gradeMinimum
        switch scoring ?? self.scoring {
        case .weighted:
            let totalWeight = criteria.reduce(0) { $0 + $1.weight }
            guard totalWeight > 0 else { return nil }
            var sum = 0.0
            for (criterion, value) in zip(criteria, chosen) where criterion.outOf > 0 {
                sum += criterion.weight * value / criterion.outOf
            }
            return gradeMinimum + range * sum / totalWeight
        case .moodle:
            let score = chosen.reduce(0, +)
            let minimum = criteria.reduce(0) { $0 + $1.lowest }
            let maximum = criteria.reduce(0) { $0 + $1.highest }
            guard maximum > minimum else { return nil }
            return (score - minimum) / (maximum - minimum) * range + gradeMinimum
        case .moodleMinimumZero:
            let score = chosen.reduce(0, +)
            let maximum = criteria.reduce(0) { $0 + $1.highest }
            guard maximum > 0 else { return nil }
            return max(gradeMinimum, score / maximum * gradeMaximum)
        }
    }
}
