/// A value from a YAML configuration file, with the place it was written, so every
/// error about it can point at `file:line:column`.
public struct ConfigValue: Sendable, Equatable {
    /// One key of a mapping, in file order.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation?
        public var value: ConfigValue
    }

    /// The shape of the value.
    public indirect enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case list([ConfigValue])
        case map([Entry])
    }

    public var kind: Kind
    public var location: SourceLocation?

    /// Creates a value.
    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    /// The entry for `key` in a mapping.
    public subscript(key: String) -> ConfigValue? {
        guard case .map(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The mapping's entries (empty for anything else).
    public var entries: [Entry] {
        if case .map(let entries) = kind { return entries }
        return []
    }

    /// A short name of the value's type for error messages.
    public var typeName: String {
        switch kind {
        case .null: "nothing"
        case .bool: "true/false"
        case .int: "a whole number"
        case .double: "a number"
        case .string: "text"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// The value as text: strings, and numbers or booleans written without quotes.
    public var text: String? {
        switch kind {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }

    /// The value as a number (whole or decimal).
    public var number: Double? {
        switch kind {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}

extension ConfigValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self.init(.string(value)) }
    public init(integerLiteral value: Int) { self.init(.int(value)) }
    public init(floatLiteral value: Double) { self.init(.double(value)) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(arrayLiteral elements: ConfigValue...) { self.init(.list(elements)) }
    public init(dictionaryLiteral elements: (String, ConfigValue)...) {
        self.init(.map(elements.map { Entry(key: $0.0, keyLocation: nil, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self.init(.null) }
}
