internal import Foundation
internal import Yams

/// Reads YAML files into ``ConfigValue`` trees that remember where each value was.
public enum YAMLLoader {
    /// Parses the YAML file at `path`.
    /// - Parameter displayPath: the path to print in errors (as the user wrote it).
    /// - Throws: ``ConfigurationError`` at the place the YAML is malformed.
    public static func load(path: String, displayPath: String? = nil) throws(ConfigurationError) -> ConfigValue {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("cannot read the file; check that it exists and is readable", at: SourceLocation(file: shown))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("the file is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: shown))
        }
        return try parse(text, file: shown)
    }

    /// Parses YAML text; `file` names it in errors.
    /// - Throws: ``ConfigurationError``.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ConfigValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw convert(error, file: file)
        } catch {
            throw ConfigurationError("the YAML could not be read: \(error)", at: SourceLocation(file: file))
        }
        guard let node else { return ConfigValue(.map([]), at: SourceLocation(file: file, line: 1, column: 1)) }
        return try value(node, file: file)
    }

    private static func value(_ node: Node, file: String) throws(ConfigurationError) -> ConfigValue {
        let location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            return ConfigValue(scalarKind(scalar), at: location)
        case .sequence(let sequence):
            var items: [ConfigValue] = []
            for item in sequence { items.append(try value(item, file: file)) }
            return ConfigValue(.list(items), at: location)
        case .mapping(let mapping):
            var entries: [ConfigValue.Entry] = []
            for (key, item) in mapping {
                let keyLocation = key.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigurationError("a key must be plain text, not a list or mapping", at: keyLocation)
                }
                if entries.contains(where: { $0.key == keyScalar.string }) {
                    throw ConfigurationError("the key '\(keyScalar.string)' appears twice in this mapping; keep one", at: keyLocation)
                }
                entries.append(ConfigValue.Entry(key: keyScalar.string, keyLocation: keyLocation, value: try value(item, file: file)))
            }
            return ConfigValue(.map(entries), at: location)
        case .alias:
            throw ConfigurationError("YAML aliases are not supported here; write the value out", at: location)
        }
    }

    private static func scalarKind(_ scalar: Node.Scalar) -> ConfigValue.Kind {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let int = Int(text) { return .int(int) }
        if text.contains(where: { $0.isNumber }), !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }), let double = Double(text) {
            return .double(double)
        }
        return .string(text)
    }

    private static func convert(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError("the YAML is malformed (\(problem)); check the indentation and quoting here", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return ConfigurationError("the YAML could not be read (\(problem)); save the file as UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return ConfigurationError("the YAML could not be read: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
