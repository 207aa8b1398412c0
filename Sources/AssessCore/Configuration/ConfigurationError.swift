/// A place in a configuration file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    /// 1-based line; 0 when the error concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when the error concerns the whole line or file.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it, so editors can jump there.
    public var description: String { "\(file):\(max(line, 1)):\(max(column, 1))" }
}

/// A configuration file says something that cannot be used. The message says what is
/// wrong and how to fix it; ``description`` prefixes `file:line:column`.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is; nil when no file is involved.
    public var location: SourceLocation?
    /// What is wrong, and how to fix it.
    public var message: String

    /// Creates an error at a location.
    public init(_ message: String, at location: SourceLocation?) {
        self.location = location
        self.message = message
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}

/// Several configuration errors found in one pass, so a user fixes them all at once.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, in file order.
    public var errors: [ConfigurationError]

    /// Wraps a list of errors.
    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
