/// Checks a ``JSONValue`` against the subset of JSON Schema (draft 2020-12) that
/// `docs/plugin-protocol.schema.json` uses: `type` (one or a list), `properties`,
/// `required`, `additionalProperties` (false or a schema), `items`, `enum`, `const`,
/// `minimum`, `maximum`, `minLength`, `maxLength`, `minItems`, `maxItems`, `$defs` and
/// local `$ref` (`#/$defs/name`). Any other keyword is ignored, so a schema using more
/// than this subset would be checked less strictly, never wrongly rejected.
public struct JSONSchemaValidator: Sendable {
    /// The whole schema document (for `$ref`).
    public let root: JSONValue

    /// Creates a validator for a schema document.
    public init(schema: JSONValue) {
        root = schema
    }

    /// The problems of `value` against the schema at `pointer` (`#/$defs/response`, or
    /// `#` for the whole document), each as `path: what is wrong`; empty when valid.
    public func problems(of value: JSONValue, against pointer: String = "#") -> [String] {
        var found: [String] = []
        guard let schema = resolve(pointer) else { return ["the schema has no \(pointer)"] }
        check(value, schema, path: "$", into: &found, depth: 0)
        return found
    }

    private func resolve(_ pointer: String) -> JSONValue? {
        guard pointer.hasPrefix("#") else { return nil }
        var node = root
        for part in pointer.dropFirst().split(separator: "/") {
            guard let next = node[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, path: String, into found: inout [String], depth: Int) {
        guard depth < 64, found.count < 50 else { return }
        if case .string(let reference)? = schema["$ref"] {
            guard let target = resolve(reference) else {
                found.append("\(path): the schema's $ref \(reference) names nothing")
                return
            }
            check(value, target, path: path, into: &found, depth: depth + 1)
        }
        if let types = schema["type"] {
            let allowed: [String]
            switch types {
            case .string(let one): allowed = [one]
            case .array(let many): allowed = many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: allowed = []
            }
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                found.append("\(path): must be \(allowed.joined(separator: " or ")), not \(Self.typeName(value))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): must be \(Self.render(constant)), not \(Self.render(value))")
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): must be one of \(options.map(Self.render).joined(separator: ", ")), not \(Self.render(value))")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum { found.append("\(path): must be at least \(Self.render(schema["minimum"] ?? .null))") }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum { found.append("\(path): must be at most \(Self.render(schema["maximum"] ?? .null))") }
        }
        if case .string(let text) = value {
            if let minimum = schema["minLength"]?.intValue, text.count < minimum { found.append("\(path): must have at least \(minimum) characters") }
            if let maximum = schema["maxLength"]?.intValue, text.count > maximum { found.append("\(path): must have at most \(maximum) characters") }
        }
        if case .array(let items) = value {
            if let minimum = schema["minItems"]?.intValue, items.count < minimum { found.append("\(path): must have at least \(minimum) items") }
            if let maximum = schema["maxItems"]?.intValue, items.count > maximum { found.append("\(path): must have at most \(maximum) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { check(item, itemSchema, path: "\(path)[\(index)]", into: &found, depth: depth + 1) }
            }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where members[key] == nil { found.append("\(path): needs \"\(key)\"") }
            }
            let properties: [String: JSONValue]
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [:] }
            for key in members.keys.sorted() {
                guard let member = members[key] else { continue }
                if let propertySchema = properties[key] {
                    check(member, propertySchema, path: "\(path).\(key)", into: &found, depth: depth + 1)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        found.append("\(path): has \"\(key)\", which the protocol does not define")
                    } else if case .object = additional {
                        check(member, additional, path: "\(path).\(key)", into: &found, depth: depth + 1)
                    }
                }
            }
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
             ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .double(let number)): number.rounded() == number
        default: false
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
