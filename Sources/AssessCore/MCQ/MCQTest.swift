internal import Foundation
public import AssessDocuments

/// An MCQ test ready to mark: its answer key and the marking settings of the test's
/// YAML (negative marking, floor, voided and re-keyed items, whether the key is shown).
///
/// ```swift
/// let test = try MCQTest.load(path: "key.yaml")   // or key.csv, a Moodle XML export, QTI
/// let scheme = try MarkingScheme(test)
/// ```
public struct MCQTest: Sendable {
    /// The key as read from its file (before voids and re-keys, which ``MarkingScheme`` applies).
    public var key: AnswerKey
    /// The marking settings of the test's YAML.
    public var settings: MCQSettings
    /// The test's title: the YAML's `title`, else the key's, else the key file's name.
    public var title: String
    /// The key file's name, for reports.
    public var keyFile: String

    /// Creates a test.
    public init(key: AnswerKey, settings: MCQSettings = MCQSettings(), title: String, keyFile: String) {
        self.key = key
        self.settings = settings
        self.title = title
        self.keyFile = keyFile
    }

    /// Loads a test from a key file: our YAML (a test file that may name another key
    /// file with `key:`), our CSV, a Moodle XML export, or QTI (item, test, package).
    /// - Throws: ``ConfigurationError`` at the place the file is wrong.
    public static func load(path: String) throws(ConfigurationError) -> MCQTest {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let lower = name.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            let fields = try ConfigFields(YAMLLoader.load(path: path), context: name, fallback: SourceLocation(file: path))
            try fields.allowOnly(MCQSettings.testKeys)
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            return try read(fields, directory: directory, defaultKey: nil, file: path)
        }
        let key = try loadKey(path: path, options: 4)
        return MCQTest(key: key, title: key.title ?? name, keyFile: name)
    }

    /// Reads a test from a mapping: the test YAML, or the `mcq` processor's options.
    /// - Parameters:
    ///   - directory: where relative `key:` paths start.
    ///   - defaultKey: the key file to use when the mapping names none and lists no `items`.
    ///   - defaultTitle: the title when the mapping names none (the assessment's).
    /// - Throws: ``ConfigurationError`` at the offending key.
    public static func read(_ fields: ConfigFields, directory: String, defaultKey: String?, file: String, defaultTitle: String? = nil) throws(ConfigurationError) -> MCQTest {
        let settings = try MCQSettings(fields)
        let options = try fields.int("options", in: 2...KeyItem.maximumOptions) ?? 4
        var key: AnswerKey
        var keyFile: String
        if let items = fields.raw("items") {
            if fields.raw("key") != nil {
                throw ConfigurationError("give either 'key' (a key file) or 'items' (the key written here), not both", at: fields.raw("key")?.location)
            }
            key = try OwnKeyFormat.readYAML(items, options: options, file: file)
            keyFile = URL(fileURLWithPath: file).lastPathComponent
        } else if let keyPath = try fields.string("key") ?? defaultKey {
            let path = keyPath.hasPrefix("/") ? keyPath : directory + "/" + keyPath
            do {
                key = try loadKey(path: path, options: options)
            } catch {
                // Point at the `key:` line when the file cannot be read at all.
                if error.location?.file == path && error.location?.line == 0, let at = fields.raw("key")?.location {
                    throw ConfigurationError("the key file \(keyPath): \(error.message)", at: at)
                }
                throw error
            }
            keyFile = URL(fileURLWithPath: keyPath).lastPathComponent
        } else {
            throw ConfigurationError("the test needs a key: name a key file with 'key: …' or write the answers under 'items:' (see docs/formats/mcq-keys.md)", at: fields.location)
        }
        if key.items.isEmpty {
            let reasons = key.warnings.map(\.message).joined(separator: " ")
            throw ConfigurationError("the key \(keyFile) holds no item that can be marked\(reasons.isEmpty ? "" : ": " + reasons)", at: fields.raw("key")?.location ?? fields.location)
        }
        let title = try fields.string("title") ?? defaultTitle ?? key.title ?? keyFile
        let test = MCQTest(key: key, settings: settings, title: title, keyFile: keyFile)
        try test.checkChanges(fields)
        return test
    }

    /// Loads a key file of any supported format (not a test YAML with settings).
    /// - Parameter options: how many options an item of our own format has when it does not say.
    /// - Throws: ``ConfigurationError``; for XML and zip keys at the file itself.
    public static func loadKey(path: String, options: Int = 4) throws(ConfigurationError) -> AnswerKey {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            let fields = try ConfigFields(YAMLLoader.load(path: path), context: URL(fileURLWithPath: path).lastPathComponent, fallback: SourceLocation(file: path))
            guard let items = fields.raw("items") else { throw fields.missing("items") }
            return try OwnKeyFormat.readYAML(items, options: try fields.int("options", in: 2...KeyItem.maximumOptions) ?? options, file: path)
        }
        if lower.hasSuffix(".csv") {
            return try OwnKeyFormat.readCSV(path: path, options: options)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError("the key file does not exist; check the path", at: SourceLocation(file: path))
        }
        do {
            return try KeyReader.read(path: path)
        } catch {
            throw ConfigurationError(error.description, at: SourceLocation(file: path))
        }
    }

    /// Checks that every change names an item of the key and options it has.
    private func checkChanges(_ fields: ConfigFields) throws(ConfigurationError) {
        let changes = fields.raw("changes")
        let locations: [SourceLocation?] = {
            if case .list(let entries)? = changes?.kind { return entries.map(\.location) }
            return []
        }()
        for (index, change) in settings.changes.enumerated() {
            let at = index < locations.count ? locations[index] : changes?.location
            guard let item = key.items.first(where: { $0.id == change.item }) ?? key.items.enumerated().first(where: { "Q\($0.offset + 1)" == change.item.uppercased() })?.element else {
                let known = key.items.prefix(5).map(\.id).joined(separator: ", ")
                throw ConfigurationError("the change names item '\(change.item)', which is not in the key (items are named Q1…Q\(key.items.count) or by their ids: \(known)\(key.items.count > 5 ? ", …" : ""))", at: at)
            }
            if case .rekey(let answers) = change.action {
                for answer in answers where answer.indices.contains(where: { $0 >= item.options.count }) {
                    throw ConfigurationError("the new key \(answer.letters) of item '\(change.item)' names an option it does not have (it has \(KeyOption.label(0))–\(KeyOption.label(item.options.count - 1)))", at: at)
                }
            }
        }
    }
}

/// The marking settings of a test, from its YAML (or the `mcq` processor's options).
public struct MCQSettings: Sendable, Equatable, Codable {
    /// A change to the key made after the test was sat: voiding or re-keying an item.
    public struct Change: Sendable, Equatable, Codable {
        /// What is done to the item.
        public enum Action: Sendable, Equatable, Codable {
            /// The item is removed from every score and from the maximum.
            case voidRemoved
            /// Every candidate gets the item's full marks.
            case voidGivenToAll
            /// The item is marked against these answers instead (several: several accepted keys).
            case rekey([ChosenOptions])
        }

        /// The item: its id in the key, or `Q<n>`.
        public var item: String
        /// What is done to it.
        public var action: Action
        /// Why, for the record in the results.
        public var reason: String?

        /// Creates a change.
        public init(item: String, action: Action, reason: String? = nil) {
            self.item = item
            self.action = action
            self.reason = reason
        }

        /// The change in words, for reports and feedback.
        public var summary: String {
            let what = switch action {
            case .voidRemoved: "voided: removed from every score and from the maximum"
            case .voidGivenToAll: "voided: full marks given to every candidate"
            case .rekey(let answers): "re-keyed to " + answers.map(\.letters).joined(separator: " or ")
            }
            return "\(item) \(what)" + (reason.map { " (\($0))" } ?? "")
        }
    }

    /// Share of an item's marks lost for a wrong answer to a single-answer item (0: none).
    public var negativeMarking: Double
    /// The lowest total a candidate can get (nil: no floor).
    public var floor: Double?
    /// Whether candidates' feedback leaves out the key.
    public var withholdKey: Bool
    /// Changes to the key, in the order written.
    public var changes: [Change]
    /// Discrimination index (percent) below which an item is flagged.
    public var lowDiscrimination: Double
    /// Facility (percent) above which an item is flagged as too easy.
    public var easyFacility: Double
    /// Facility (percent) below which an item is flagged as too hard.
    public var hardFacility: Double
    /// For answer sheets with several key versions (ZipGrade): for each version, the key
    /// item (1-based) at each sheet position.
    public var keyVersions: [String: [Int]]

    /// The defaults: Moodle semantics, no negative marking, no floor, the key shown.
    public init(negativeMarking: Double = 0, floor: Double? = nil, withholdKey: Bool = false, changes: [Change] = [],
                lowDiscrimination: Double = 20, easyFacility: Double = 90, hardFacility: Double = 20, keyVersions: [String: [Int]] = [:]) {
        self.negativeMarking = negativeMarking
        self.floor = floor
        self.withholdKey = withholdKey
        self.changes = changes
        self.lowDiscrimination = lowDiscrimination
        self.easyFacility = easyFacility
        self.hardFacility = hardFacility
        self.keyVersions = keyVersions
    }

    /// The keys a test YAML may hold.
    public static let testKeys = ["title", "key", "items", "options", "negative_marking", "floor", "withhold_key", "changes", "flags", "key_versions"]

    /// Reads the settings from a test YAML or the processor's options.
    /// - Throws: ``ConfigurationError`` at the offending value.
    public init(_ fields: ConfigFields) throws(ConfigurationError) {
        self.init()
        if let penalty = fields.raw("negative_marking") {
            guard let value = Self.fraction(penalty), (0...1).contains(value) else {
                throw ConfigurationError("'negative_marking' must be the share of an item's marks lost for a wrong answer, from 0 to 1 or a percent such as 25%, not \(penalty.text ?? penalty.typeName)", at: penalty.location ?? fields.location)
            }
            negativeMarking = value
        }
        floor = try fields.number("floor")
        withholdKey = try fields.bool("withhold_key") ?? false
        if let flags = try fields.fields("flags") {
            try flags.allowOnly(["low_discrimination", "easy_facility", "hard_facility"])
            lowDiscrimination = try flags.number("low_discrimination") ?? lowDiscrimination
            easyFacility = try flags.number("easy_facility") ?? easyFacility
            hardFacility = try flags.number("hard_facility") ?? hardFacility
        }
        if let versions = try fields.fields("key_versions") {
            for entry in versions.value.entries {
                guard case .list(let positions) = entry.value.kind else {
                    throw ConfigurationError("key version '\(entry.key)' must list, for each position on its sheet, the key item number (1-based), e.g. [3, 1, 2]", at: entry.value.location ?? entry.keyLocation)
                }
                var mapped: [Int] = []
                for position in positions {
                    guard case .int(let number) = position.kind, number >= 1 else {
                        throw ConfigurationError("key version '\(entry.key)' must list item numbers from 1, not \(position.text ?? position.typeName)", at: position.location ?? entry.keyLocation)
                    }
                    mapped.append(number)
                }
                keyVersions[entry.key] = mapped
            }
        }
        if let list = fields.raw("changes") {
            guard case .list(let entries) = list.kind else {
                throw ConfigurationError("'changes' must be a list of changes, each '- item: Q3' with 'void: remove', 'void: give_all' or 'rekey: C'", at: list.location)
            }
            for entry in entries {
                let change = try ConfigFields(entry, context: "a change", fallback: list.location)
                try change.allowOnly(["item", "void", "rekey", "reason"])
                guard let item = try change.string("item", required: true) else { continue }
                let reason = try change.string("reason")
                if let void = try change.string("void") {
                    guard change.raw("rekey") == nil else {
                        throw ConfigurationError("a change either voids or re-keys an item, not both", at: change.raw("rekey")?.location)
                    }
                    switch void {
                    case "remove": changes.append(Change(item: item, action: .voidRemoved, reason: reason))
                    case "give_all": changes.append(Change(item: item, action: .voidGivenToAll, reason: reason))
                    default:
                        throw ConfigurationError("'void' must be 'remove' (out of every score and the maximum) or 'give_all' (full marks to everyone), not '\(void)'", at: change.raw("void")?.location)
                    }
                } else if let rekey = change.raw("rekey") {
                    changes.append(Change(item: item, action: .rekey(try OwnKeyFormat.answers(rekey, listIsOneAnswer: false)), reason: reason))
                } else {
                    throw ConfigurationError("the change of '\(item)' must say 'void: remove', 'void: give_all' or 'rekey: <answer>'", at: change.location)
                }
            }
        }
    }

    /// `0.25`, `25%` or `"25%"` as 0.25.
    static func fraction(_ value: ConfigValue) -> Double? {
        if let number = value.number { return number }
        guard let text = value.text?.trimmingWhitespace(), text.hasSuffix("%"), let percent = Double(text.dropLast().trimmingWhitespace()) else { return nil }
        return percent / 100
    }
}
