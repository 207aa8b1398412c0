public import Foundation

/// The penalties of `course.yaml` (`penalties:`), applied by the `penalties` processor.
///
/// ```yaml
/// penalties:
///   late:
///     deduct_per_day: 5     # marks per day or part day after the deadline (or extension)
///     floor_at: pass        # optional: late deductions never take a mark below the pass mark
///     cap_at: pass          # optional: a late mark is at most the pass mark (or a number)
///     zero_after_days: 5    # optional: more days late than this, the mark is 0
///     grace_minutes: 0      # optional
///   over_length:            # applies when wordcount finds the count over limit + tolerance
///     bands:                # by how far over the limit; the first band that covers it
///       - {up_to: 20%, deduct: 5}
///       - {deduct: 10}      # no up_to: anything further over
///   when_both: larger       # larger (default) or both
/// ```
public struct PenaltyPolicy: Sendable, Equatable, Codable {
    /// Late submission.
    public struct Late: Sendable, Equatable, Codable {
        public var deductPerDay: Double
        public var capAt: Double?
        /// Late deductions never take the mark below this (a lower mark is not reduced).
        public var floorAt: Double?
        public var zeroAfterDays: Int?
        public var graceMinutes: Int

        enum CodingKeys: String, CodingKey {
            case deductPerDay = "deduct_per_day"
            case capAt = "cap_at"
            case floorAt = "floor_at"
            case zeroAfterDays = "zero_after_days"
            case graceMinutes = "grace_minutes"
        }

        /// Creates a late rule.
        public init(deductPerDay: Double, capAt: Double? = nil, floorAt: Double? = nil, zeroAfterDays: Int? = nil, graceMinutes: Int = 0) {
            self.deductPerDay = deductPerDay
            self.capAt = capAt
            self.floorAt = floorAt
            self.zeroAfterDays = zeroAfterDays
            self.graceMinutes = graceMinutes
        }

        /// The rule in words.
        public var rule: String {
            var parts = ["\(markText(deductPerDay)) marks deducted per day or part day late"]
            if let floorAt { parts.append("late deductions never take a mark below \(markText(floorAt))") }
            if let capAt { parts.append("a late mark is capped at \(markText(capAt))") }
            if let zeroAfterDays { parts.append("more than \(zeroAfterDays) day\(zeroAfterDays == 1 ? "" : "s") late: a mark of 0") }
            return parts.joined(separator: "; ")
        }
    }

    /// Over-length work.
    public struct OverLength: Sendable, Equatable, Codable {
        /// A band: up to `upTo` percent over the limit (nil: any further), `deduct` marks.
        public struct Band: Sendable, Equatable, Codable {
            public var upTo: Double?
            public var deduct: Double

            enum CodingKeys: String, CodingKey {
                case deduct
                case upTo = "up_to"
            }

            /// Creates a band.
            public init(upTo: Double?, deduct: Double) {
                self.upTo = upTo
                self.deduct = deduct
            }
        }

        public var bands: [Band]

        /// Creates an over-length rule.
        public init(bands: [Band]) { self.bands = bands }

        /// The deduction for a count `percentOver` percent over the limit.
        public func deduction(percentOver: Double) -> Double {
            (bands.first { $0.upTo.map { percentOver <= $0 + 1e-9 } ?? true } ?? bands.last)?.deduct ?? 0
        }

        /// The rule in words.
        public var rule: String {
            var lower = "0"
            let parts = bands.map { band -> String in
                defer { lower = band.upTo.map(markText) ?? lower }
                if let upTo = band.upTo { return "over the tolerance and up to \(markText(upTo))% over the limit: \(markText(band.deduct)) marks" }
                if lower == "0" { return "over the limit and beyond the tolerance: \(markText(band.deduct)) marks" }
                return "more than \(lower)% over the limit: \(markText(band.deduct)) marks"
            }
            return parts.joined(separator: "; ")
        }
    }

    /// What happens when a script is both late and over length.
    public enum WhenBoth: String, Sendable, Codable, CaseIterable {
        /// Only the larger deduction applies.
        case larger
        /// Both deductions apply.
        case both
    }

    public var late: Late?
    public var overLength: OverLength?
    public var whenBoth: WhenBoth

    enum CodingKeys: String, CodingKey {
        case late
        case overLength = "over_length"
        case whenBoth = "when_both"
    }

    /// Creates a policy.
    public init(late: Late? = nil, overLength: OverLength? = nil, whenBoth: WhenBoth = .larger) {
        self.late = late
        self.overLength = overLength
        self.whenBoth = whenBoth
    }

    /// Reads a policy. `pass` in `cap_at` means `passMark`.
    /// - Throws: ``ConfigurationError`` at the offending key.
    public static func read(_ fields: ConfigFields, passMark: Double) throws(ConfigurationError) -> PenaltyPolicy {
        try fields.allowOnly(["late", "over_length", "when_both"])
        var policy = PenaltyPolicy()
        if let late = try fields.fields("late") {
            try late.allowOnly(["deduct_per_day", "cap_at", "floor_at", "zero_after_days", "grace_minutes"])
            let perDay = try late.number("deduct_per_day") ?? 0
            guard perDay >= 0 else { throw ConfigurationError("'deduct_per_day' must be 0 or more", at: late.raw("deduct_per_day")?.location) }
            func mark(_ key: String) throws(ConfigurationError) -> Double? {
                guard let raw = late.raw(key) else { return nil }
                if raw.text == "pass" { return passMark }
                if let number = raw.number { return number }
                throw ConfigurationError("'\(key)' must be 'pass' (the pass mark) or a mark", at: raw.location)
            }
            policy.late = Late(deductPerDay: perDay, capAt: try mark("cap_at"), floorAt: try mark("floor_at"), zeroAfterDays: try late.int("zero_after_days", in: 0...365),
                               graceMinutes: try late.int("grace_minutes", in: 0...10_080) ?? 0)
        }
        if let length = try fields.fields("over_length") {
            try length.allowOnly(["bands"])
            guard let raw = length.raw("bands"), case .list(let items) = raw.kind, !items.isEmpty else {
                throw ConfigurationError("'over_length' needs 'bands', a list such as [{up_to: 20%, deduct: 5}, {deduct: 10}]", at: length.location)
            }
            var bands: [OverLength.Band] = []
            for item in items {
                let band = try ConfigFields(item, context: "an over-length band")
                try band.allowOnly(["up_to", "deduct"])
                let deduct = try band.number("deduct", required: true) ?? 0
                var upTo: Double?
                if let raw = band.raw("up_to") {
                    guard let text = raw.text, text.hasSuffix("%"), let value = Double(text.dropLast()), value > 0 else {
                        throw ConfigurationError("'up_to' must be a percent over the limit, such as 20%", at: raw.location)
                    }
                    if let previous = bands.last?.upTo, value <= previous {
                        throw ConfigurationError("bands must go up: \(markText(value))% follows \(markText(previous))%", at: raw.location)
                    }
                    upTo = value
                }
                if bands.last.map({ $0.upTo == nil }) ?? false {
                    throw ConfigurationError("only the last band may leave out 'up_to'", at: item.location)
                }
                bands.append(.init(upTo: upTo, deduct: deduct))
            }
            policy.overLength = OverLength(bands: bands)
        }
        if let raw = fields.raw("when_both") {
            guard let text = raw.text, let value = WhenBoth(rawValue: text) else {
                throw ConfigurationError("'when_both' must be larger or both", at: raw.location)
            }
            policy.whenBoth = value
        }
        return policy
    }

    /// When a script was handed in and by when it was due.
    public struct Timing: Sendable, Equatable {
        public var deadline: Date
        /// The extended deadline, when an extension was granted.
        public var extendedTo: Date?
        public var submittedAt: Date

        /// Creates timing facts.
        public init(deadline: Date, extendedTo: Date? = nil, submittedAt: Date) {
            self.deadline = deadline
            self.extendedTo = extendedTo
            self.submittedAt = submittedAt
        }
    }

    /// The length facts of `wordcount`.
    public struct Length: Sendable, Equatable {
        public var words: Int
        public var limit: Int
        /// Limit plus tolerance: over this, the penalty applies.
        public var allowed: Int

        /// Creates length facts.
        public init(words: Int, limit: Int, allowed: Int) {
            self.words = words
            self.limit = limit
            self.allowed = allowed
        }
    }

    /// What the policy does to a mark.
    public struct Outcome: Sendable, Equatable {
        public var penalties: [AppliedPenalty]
        /// Whole days (or part days) late; 0 when on time.
        public var daysLate: Int
        /// The mark after penalties, unrounded; nil when there is no mark yet.
        public var mark: Double?
        /// Whether the late rule gave a mark of 0.
        public var zeroed: Bool
    }

    /// Days late: part days count as whole days, after the grace period.
    public func daysLate(_ timing: Timing) -> Int {
        let due = (timing.extendedTo ?? timing.deadline).addingTimeInterval(Double(late?.graceMinutes ?? 0) * 60)
        let seconds = timing.submittedAt.timeIntervalSince(due)
        return seconds > 0 ? Int((seconds / 86_400).rounded(.up)) : 0
    }

    /// Applies the policy to a mark (nil: say only what would apply).
    ///
    /// Each deduction is computed on the unpenalised mark (a late one no further than
    /// `floor_at`); `when_both` keeps the larger
    /// or adds them; then a late mark is capped at `cap_at`; a script more than
    /// `zero_after_days` late gets 0; no mark goes below `minimum`.
    public func apply(mark: Double?, timing: Timing?, length: Length?, minimum: Double = 0) -> Outcome {
        var penalties: [AppliedPenalty] = []
        var days = 0
        var zeroed = false
        if let late, let timing {
            days = daysLate(timing)
            if days > 0 {
                let due = timing.extendedTo ?? timing.deadline
                let which = timing.extendedTo == nil ? "deadline" : "extended deadline"
                let reason = "submitted \(Self.stamp(timing.submittedAt)), \(days) day\(days == 1 ? "" : "s") after the \(which) of \(Self.stamp(due))"
                zeroed = late.zeroAfterDays.map { days > $0 } ?? false
                var deduction = zeroed ? 0 : late.deductPerDay * Double(days)
                if let floor = late.floorAt, let mark { deduction = min(deduction, max(0, mark - floor)) }
                penalties.append(AppliedPenalty(kind: .late, rule: late.rule, reason: reason, deduction: deduction))
            }
        }
        if let overLength, let length, length.words > length.allowed, length.limit > 0 {
            let percent = Double(length.words - length.limit) / Double(length.limit) * 100
            let reason = "\(groupedDigits(length.words)) words counted, \(groupedDigits(length.words - length.limit)) (\(markText((percent * 10).rounded() / 10))%) over the limit of \(groupedDigits(length.limit)) and beyond the tolerance (\(groupedDigits(length.allowed)))"
            penalties.append(AppliedPenalty(kind: .overLength, rule: overLength.rule, reason: reason, deduction: overLength.deduction(percentOver: percent)))
        }
        if whenBoth == .larger, penalties.count == 2 {
            let keep = penalties[0].deduction >= penalties[1].deduction ? 0 : 1
            penalties[1 - keep].applied = false
            penalties[1 - keep].reason += "; not applied: the larger penalty applies when both do"
        }
        guard var result = mark else { return Outcome(penalties: penalties, daysLate: days, mark: nil, zeroed: zeroed) }
        for penalty in penalties where penalty.applied { result -= penalty.deduction }
        if days > 0, let cap = late?.capAt { result = min(result, cap) }
        if zeroed { result = minimum }
        return Outcome(penalties: penalties, daysLate: days, mark: max(minimum, result), zeroed: zeroed)
    }

    /// A time as `2027-01-15 12:00 UTC`.
    public static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
