public import Foundation

/// Typed reading of a configuration mapping: every wrong type, missing key or unknown
/// key becomes a ``ConfigurationError`` at the value's own line and column.
public struct ConfigFields: Sendable {
    /// The mapping being read.
    public let value: ConfigValue
    /// What the mapping configures, for messages ("assessment.yaml", "wordcount").
    public let context: String
    /// Where to point when the mapping itself has no location (e.g. built in code).
    private let fallback: SourceLocation?

    /// Reads `value`, which must be a mapping (or nothing, read as an empty mapping).
    /// - Throws: ``ConfigurationError`` when it is another kind of value.
    public init(_ value: ConfigValue, context: String, fallback: SourceLocation? = nil) throws(ConfigurationError) {
        switch value.kind {
        case .map: self.value = value
        case .null: self.value = ConfigValue(.map([]), at: value.location)
        default:
            throw ConfigurationError("\(context) must be a mapping of keys to values, not \(value.typeName)", at: value.location ?? fallback)
        }
        self.context = context
        self.fallback = value.location ?? fallback
    }

    /// Where the mapping starts.
    public var location: SourceLocation? { value.location ?? fallback }

    /// Rejects keys other than `allowed`, suggesting the closest allowed key.
    /// - Throws: ``ConfigurationError`` at the first unknown key.
    public func allowOnly(_ allowed: [String]) throws(ConfigurationError) {
        for entry in value.entries where !allowed.contains(entry.key) {
            let suggestion = allowed.min { editDistance($0, entry.key) < editDistance($1, entry.key) }
            let hint = suggestion.map { editDistance($0, entry.key) <= 3 ? "; did you mean '\($0)'?" : "" } ?? ""
            throw ConfigurationError(
                "unknown key '\(entry.key)' in \(context)\(hint) (allowed: \(allowed.joined(separator: ", ")))",
                at: entry.keyLocation ?? location)
        }
    }

    /// The raw value of `key`, or nil when absent or null.
    public func raw(_ key: String) -> ConfigValue? {
        guard let found = value[key], found.kind != .null else { return nil }
        return found
    }

    /// Text at `key`.
    /// - Throws: ``ConfigurationError`` when required and missing, or not text.
    public func string(_ key: String, required: Bool = false) throws(ConfigurationError) -> String? {
        guard let found = raw(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard let text = found.text else { throw wrongType(key, found, expected: "text") }
        return text
    }

    /// A whole number at `key`.
    /// - Throws: ``ConfigurationError`` when missing and required, not whole, or out of `range`.
    public func int(_ key: String, required: Bool = false, in range: ClosedRange<Int> = Int.min...Int.max) throws(ConfigurationError) -> Int? {
        guard let found = raw(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard case .int(let number) = found.kind else { throw wrongType(key, found, expected: "a whole number") }
        guard range.contains(number) else {
            throw ConfigurationError("'\(key)' in \(context) must be between \(range.lowerBound) and \(range.upperBound), not \(number)", at: found.location ?? location)
        }
        return number
    }

    /// A number at `key`.
    /// - Throws: ``ConfigurationError``.
    public func number(_ key: String, required: Bool = false) throws(ConfigurationError) -> Double? {
        guard let found = raw(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard let number = found.number else { throw wrongType(key, found, expected: "a number") }
        return number
    }

    /// true/false at `key`.
    /// - Throws: ``ConfigurationError``.
    public func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let found = raw(key) else { return nil }
        guard case .bool(let flag) = found.kind else { throw wrongType(key, found, expected: "true or false") }
        return flag
    }

    /// An ISO 8601 date and time at `key` (a date alone means the end of that day, UTC).
    /// - Throws: ``ConfigurationError``.
    public func date(_ key: String) throws(ConfigurationError) -> Date? {
        guard let found = raw(key) else { return nil }
        guard let text = found.text, let date = Self.parseDate(text) else {
            throw ConfigurationError("'\(key)' in \(context) must be a date and time such as 2027-01-15T12:00:00Z", at: found.location ?? location)
        }
        return date
    }

    /// A mapping at `key`.
    /// - Throws: ``ConfigurationError`` when it is not a mapping.
    public func fields(_ key: String) throws(ConfigurationError) -> ConfigFields? {
        guard let found = raw(key) else { return nil }
        return try ConfigFields(found, context: "'\(key)' in \(context)", fallback: location)
    }

    /// A list of text at `key`.
    /// - Throws: ``ConfigurationError``.
    public func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        guard let found = raw(key) else { return nil }
        guard case .list(let items) = found.kind else { throw wrongType(key, found, expected: "a list such as [a, b]") }
        var result: [String] = []
        for item in items {
            guard let text = item.text else { throw wrongType(key, item, expected: "a list of names") }
            result.append(text)
        }
        return result
    }

    /// The error for a missing key.
    public func missing(_ key: String) -> ConfigurationError {
        ConfigurationError("\(context) needs '\(key)'; add a line '\(key): …'", at: location)
    }

    /// The error for a value of the wrong type.
    public func wrongType(_ key: String, _ found: ConfigValue, expected: String) -> ConfigurationError {
        ConfigurationError("'\(key)' in \(context) must be \(expected), not \(found.typeName)", at: found.location ?? location)
    }

    /// Parses an ISO 8601 date and time (with or without fractions of a second); a date
    /// alone means the end of that day, UTC.
    public static func parseDate(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text).map { $0.addingTimeInterval(86_399) }
    }
}

/// Levenshtein distance between two texts, ignoring case, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
