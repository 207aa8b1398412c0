internal import Foundation

extension JSONValue {
    /// The JSON form of an encodable value (sorted keys, so deterministic).
    /// - Throws: when the value cannot be encoded.
    public init<Value: Encodable>(encoding value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        self = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    /// Decodes a value from this JSON.
    /// - Throws: when it does not hold such a value.
    public func decode<Value: Decodable>(as type: Value.Type) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: JSONEncoder().encode(self))
    }

    /// The text, if this is text.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
}

extension JSONValue {
    /// A number as JSON: whole numbers as integers (65, not 65.0), others as decimals.
    public static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }
}
