/// Something a processor or the runner noticed about a submission.
///
/// Codes are dotted and stable (`wordcount.over_limit`); tests and scripts rely on
/// codes, never on messages.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    /// How much a finding asks of people.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// For information; nothing to do.
        case info
        /// Worth a marker's glance; no action required.
        case warning
        /// A person must act before marks are final (exit status 1).
        case attention

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// The stable code.
    public var code: String
    public var severity: Severity
    /// One or two sentences in plain words.
    public var message: String
    /// The submitted file it concerns, if one.
    public var file: String?

    /// Creates a finding.
    public init(_ code: String, _ severity: Severity, _ message: String, file: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
    }
}
