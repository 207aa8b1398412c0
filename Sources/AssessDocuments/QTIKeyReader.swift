/// Reads the answer key of IMS QTI 2.0–2.2 and 3.0 content: single item files
/// (`assessmentItem`), assessment tests (`assessmentTest`, items in `assessmentItemRef`
/// order) and content packages (a zip with `imsmanifest.xml`; items in the test's order,
/// or the manifest's when it holds no test). QTI 3's `qti-` prefixed, kebab-case names
/// (`qti-choice-interaction`, `response-identifier`) are read like 2.x's camelCase ones.
///
/// An item is marked when it holds exactly one `choiceInteraction`. Its options are its
/// `simpleChoice`s in document order (A, B, C…, whatever `shuffle` says). Scoring
/// follows its `responseProcessing`: the standard `match_correct` and `map_response`
/// templates (any QTI version's URI) are honoured, with `mapping`'s `mapEntry`,
/// `defaultValue`, `lowerBound` and `upperBound`; a missing or non-standard response
/// processing is marked `match_correct` on the item's `correctResponse`, with a warning.
/// Items of other interaction types are skipped with a warning naming the type.
///
/// Item text is reduced to plain text; `script` and `style` content, feedback and
/// processing instructions are dropped and nothing is ever run.
public enum QTIKeyReader {
    /// Reads a QTI item, test or manifest file on disk. A test's or manifest's items are
    /// read from the files it names, which must lie in its folder or below.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` with the reason and the fix.
    public static func read(path: String, limits: ReadLimits = .standard) throws(DocumentError) -> AnswerKey {
        let bytes = try DocumentReader.readFile(path: path, limits: limits)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var folders = path.split(separator: "/").dropLast().map(String.init)
        let absolute = path.hasPrefix("/")
        func directory(_ parts: [String]) -> String {
            parts.isEmpty ? (absolute ? "/" : ".") : (absolute ? "/" : "") + parts.joined(separator: "/")
        }
        // An unzipped package: references may reach anywhere under the folder holding
        // imsmanifest.xml (items/ beside tests/), up to three levels above the key;
        // otherwise only the key's own folder and below.
        var location: [String] = []
        var found = fileExists(directory(folders) + "/imsmanifest.xml")
        while !found && location.count < 3, let last = folders.last, last != "..", last != "." {
            location.insert(last, at: 0)
            folders.removeLast()
            found = fileExists(directory(folders) + "/imsmanifest.xml")
        }
        if !found {
            folders += location
            location = []
        }
        let loader = FileLoader(root: directory(folders), limits: limits)
        return try read(bytes: bytes, name: name, location: location.joined(separator: "/"), loader: loader.load, limits: limits)
    }

    /// Reads a QTI content package: a zip whose `imsmanifest.xml` lists the items and tests.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` when it has no manifest, and the
    ///   errors of ``read(path:limits:)``.
    public static func read(package archive: ZipArchive, name: String, limits: ReadLimits = .standard) throws(DocumentError) -> AnswerKey {
        let manifests = archive.entries.map(\.name).filter { $0 == "imsmanifest.xml" || $0.hasSuffix("/imsmanifest.xml") }
            .sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
        guard let manifest = manifests.first else {
            throw .unsupportedFormat("The key file \(name) is a zip archive without imsmanifest.xml, so it is not a QTI content package; export the test from the item bank as a QTI package.")
        }
        let loader: Loader = { (entry: String) throws(DocumentError) -> [UInt8] in
            guard archive.contains(entry) else { throw .unsupportedFormat("The QTI package \(name) names \(entry), which is not in the archive; export the package again.") }
            return try archive.read(entry)
        }
        let base = manifest.split(separator: "/").dropLast().joined(separator: "/")
        return try read(bytes: archive.read(manifest), name: "\(name): \(manifest)", location: base, loader: loader, limits: limits)
    }

    /// Reads a key from bytes, following references through `loader` (paths relative
    /// to the package or folder root, already resolved and checked).
    typealias Loader = (String) throws(DocumentError) -> [UInt8]

    static func read(bytes: [UInt8], name: String, location: String, loader: Loader, limits: ReadLimits) throws(DocumentError) -> AnswerKey {
        var warnings: [KeyWarning] = []
        let document = try parse(bytes, name: name, limits: limits)
        switch document {
        case .item(let parsed):
            let items = convert(parsed, id: nil, position: 1, name: name, warnings: &warnings).map { [$0] } ?? []
            if items.isEmpty { warnings.append(KeyWarning("mcq.key.no_items", "\(name) holds no choice item that can be marked.")) }
            return AnswerKey(format: .qti, title: parsed.title, items: items, warnings: warnings)
        case .test(let test):
            return try readTest(test, name: name, location: location, loader: loader, limits: limits, warnings: warnings)
        case .manifest(let resources):
            let tests = resources.filter { $0.type.lowercased().contains("test") }
            if let first = tests.first {
                if tests.count > 1 {
                    warnings.append(KeyWarning("mcq.key.several_tests", "\(name) lists \(tests.count) tests; the key is the first, \(first.href)."))
                }
                let path = try resolve(first.href, from: location, in: name)
                let testBytes = try loader(path)
                guard case .test(let test) = try parse(testBytes, name: path, limits: limits) else {
                    throw .unsupportedFormat("The manifest \(name) says \(first.href) is a QTI test, but it is not an assessmentTest; export the package again.")
                }
                let directory = path.split(separator: "/").dropLast().joined(separator: "/")
                return try readTest(test, name: path, location: directory, loader: loader, limits: limits, warnings: warnings)
            }
            var items: [KeyItem] = []
            var position = 0
            for resource in resources where resource.type.lowercased().contains("item") && !resource.href.isEmpty {
                position += 1
                let path = try resolve(resource.href, from: location, in: name)
                guard case .item(let parsed) = try parse(try loader(path), name: path, limits: limits) else {
                    throw .unsupportedFormat("The manifest \(name) says \(resource.href) is a QTI item, but it is not an assessmentItem; export the package again.")
                }
                if let item = convert(parsed, id: nil, position: position, name: path, warnings: &warnings) { items.append(item) }
            }
            if position == 0 {
                throw .unsupportedFormat("The manifest \(name) lists no QTI item or test; export the test as a QTI package.")
            }
            return AnswerKey(format: .qti, items: unique(items), warnings: warnings)
        case .result:
            throw .unsupportedFormat("The key file \(name) is a QTI assessmentResult (candidates' responses), not an answer key; give the assessment test, its items or its package as the key.")
        }
    }

    private static func readTest(_ test: ParsedTest, name: String, location: String, loader: Loader, limits: ReadLimits,
                                 warnings: [KeyWarning]) throws(DocumentError) -> AnswerKey {
        var warnings = warnings
        if test.shuffles {
            warnings.append(KeyWarning("mcq.key.test_selection", "\(name) selects or shuffles its items; the key follows the order of its assessmentItemRefs."))
        }
        var items: [KeyItem] = []
        for (index, reference) in test.references.enumerated() {
            let path = try resolve(reference.href, from: location, in: name)
            guard case .item(let parsed) = try parse(try loader(path), name: path, limits: limits) else {
                throw .unsupportedFormat("The test \(name) refers to \(reference.href) as an item, but it is not an assessmentItem; export the test again.")
            }
            if let item = convert(parsed, id: reference.identifier, position: index + 1, name: path, warnings: &warnings) { items.append(item) }
            if items.count > AnswerKey.maximumItems {
                throw .limitExceeded(what: "the number of items in \(name)", limit: AnswerKey.maximumItems, actual: items.count)
            }
        }
        if test.references.isEmpty {
            warnings.append(KeyWarning("mcq.key.no_items", "The test \(name) refers to no items."))
        }
        return AnswerKey(format: .qti, title: test.title, items: unique(items), warnings: warnings)
    }

    /// Resolves `href` against `base` (both inside the package or folder) and refuses
    /// anything that would leave it: absolute paths, URLs, `..` above the root.
    static func resolve(_ href: String, from base: String, in name: String) throws(DocumentError) -> String {
        let decoded = href.replacing("%20", with: " ").replacing("\\", with: "/")
        if decoded.hasPrefix("/") || decoded.contains(":") {
            throw .unsupportedFormat("\(name) refers to '\(href)', an absolute path or URL; a key's items must be files beside it or below it.")
        }
        var components: [Substring] = base.split(separator: "/")
        for component in decoded.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else {
                    throw .unsupportedFormat("\(name) refers to '\(href)', which lies outside its folder; a key's items must be files beside it or below it.")
                }
                components.removeLast()
            default: components.append(component)
            }
        }
        guard !components.isEmpty else { throw .unsupportedFormat("\(name) refers to an empty path '\(href)'.") }
        return components.joined(separator: "/")
    }

    private static func unique(_ items: [KeyItem]) -> [KeyItem] {
        var seen: [String: Int] = [:]
        return items.map { item in
            var copy = item
            let count = (seen[item.id] ?? 0) + 1
            seen[item.id] = count
            if count > 1 { copy.id += " (\(count))" }
            return copy
        }
    }

    // MARK: - Parsing

    enum Document {
        case item(ParsedItem)
        case test(ParsedTest)
        case manifest([Resource])
        case result
    }

    struct Resource {
        var identifier: String
        var type: String
        var href: String
    }

    struct ParsedTest {
        var title: String?
        var references: [(identifier: String, href: String)] = []
        var shuffles = false
    }

    struct Declaration {
        var cardinality = "single"
        var correct: [String] = []
        var mapping: Mapping?
    }

    struct Mapping {
        var defaultValue = 0.0
        var lowerBound: Double?
        var upperBound: Double?
        var caseSensitive = true
        var entries: [(key: String, value: Double)] = []
    }

    struct Interaction {
        var kind: String
        var responseIdentifier: String
        var prompt: [UInt8] = []
        var choices: [(identifier: String, text: [UInt8])] = []
        var line: Int
    }

    struct ParsedItem {
        var identifier = ""
        var title: String?
        var declarations: [String: Declaration] = [:]
        var interactions: [Interaction] = []
        var stem: [UInt8] = []
        var processing: Processing = .missing
        var line = 1
    }

    enum Processing: Equatable {
        case missing
        case template(String)
        case custom
    }

    enum Element: Equatable {
        case assessmentItem, assessmentTest, assessmentResult, manifest
        case responseDeclaration, correctResponse, value, mapping, mapEntry
        case itemBody, choiceInteraction, prompt, simpleChoice, responseProcessing
        case interaction(String)
        case skipped  // content that never becomes question text: feedback, scripts, styles, declarations
        case block
        case assessmentItemRef, selection, ordering
        case resource
        case other
    }

    /// Classifies an element name, QTI 2 camelCase or QTI 3 kebab-case.
    static func classify(_ local: String) -> Element {
        let name = normalize(local)
        switch name {
        case "assessmentItem": return .assessmentItem
        case "assessmentTest": return .assessmentTest
        case "assessmentResult": return .assessmentResult
        case "manifest": return .manifest
        case "responseDeclaration": return .responseDeclaration
        case "correctResponse": return .correctResponse
        case "value": return .value
        case "mapping": return .mapping
        case "mapEntry": return .mapEntry
        case "itemBody": return .itemBody
        case "choiceInteraction": return .choiceInteraction
        case "prompt": return .prompt
        case "simpleChoice": return .simpleChoice
        case "responseProcessing": return .responseProcessing
        case "assessmentItemRef": return .assessmentItemRef
        case "selection": return .selection
        case "ordering": return .ordering
        case "resource": return .resource
        case "feedbackInline", "feedbackBlock", "modalFeedback", "rubricBlock", "templateInline", "templateBlock",
             "outcomeDeclaration", "templateDeclaration", "templateProcessing", "stylesheet", "script", "style",
             "catalogInfo", "companionMaterialsInfo", "printedVariable", "object", "apipAccessibility", "accessibilityInfo":
            return .skipped
        case "p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
             "blockquote", "pre", "hr", "dd", "dt", "dl", "caption", "img":
            return .block
        default:
            return name.hasSuffix("Interaction") ? .interaction(name) : .other
        }
    }

    /// `qti-choice-interaction` → `choiceInteraction`; other names unchanged.
    static func normalize(_ local: String) -> String {
        guard local.hasPrefix("qti-") else { return local }
        let parts = local.dropFirst(4).split(separator: "-")
        guard let first = parts.first else { return local }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func parse(_ bytes: [UInt8], name: String, limits: ReadLimits) throws(DocumentError) -> Document {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .unsupportedFormat("The key file \(name) is empty; export the QTI item, test or package again.")
        }
        let stream = try XMLStream(bytes: bytes, part: name, maxDepth: limits.maxXMLDepth)
        do {
            return try Parser(stream: stream, name: name).parse()
        } catch .malformedXML(_, let line, let message) {
            throw KeyReader.malformed(name, line: line, message: message, tool: "the item bank")
        }
    }

    private final class Parser {
        let stream: XMLStream
        let name: String
        var cache: [XMLStream.Name: Element] = [:]

        init(stream: XMLStream, name: String) {
            self.stream = stream
            self.name = name
        }

        func element() -> Element {
            guard let local = stream.localName else { return .other }
            if let known = cache[local] { return known }
            let found = QTIKeyReader.classify(String(cString: local))
            cache[local] = found
            return found
        }

        func attribute(_ camel: String) -> String? {
            if let value = stream.attribute(camel) { return value }
            var kebab = ""
            for character in camel {
                if character.isUppercase { kebab += "-" + character.lowercased() } else { kebab.append(character) }
            }
            return kebab == camel ? nil : stream.attribute(kebab)
        }

        func parse() throws(DocumentError) -> Document {
            // The root element decides what the file is.
            var root: Element?
            while try stream.next() {
                if stream.node == .element { root = element(); break }
            }
            switch root {
            case .assessmentItem?: return .item(try parseItem())
            case .assessmentTest?: return .test(try parseTest())
            case .manifest?: return .manifest(try parseManifest())
            case .assessmentResult?: return .result
            case nil:
                throw DocumentError.unsupportedFormat("The key file \(name) holds no XML elements; export the QTI item, test or package again.")
            default:
                let local = stream.localName.map { String(cString: $0) } ?? "?"
                throw DocumentError.unsupportedFormat("The key file \(name) is XML but not a QTI item, test or manifest (its root element is <\(local)>); give an assessmentItem, an assessmentTest or a content package as the key.")
            }
        }

        func parseTest() throws(DocumentError) -> ParsedTest {
            var test = ParsedTest(title: attribute("title"))
            while try stream.next() {
                guard stream.node == .element else { continue }
                switch element() {
                case .assessmentItemRef:
                    let href = attribute("href") ?? ""
                    guard !href.isEmpty else { continue }
                    test.references.append((attribute("identifier") ?? href, href))
                case .selection, .ordering:
                    if element() == .selection || attribute("shuffle") == "true" { test.shuffles = true }
                default: continue
                }
            }
            return test
        }

        func parseManifest() throws(DocumentError) -> [Resource] {
            var resources: [Resource] = []
            while try stream.next() {
                guard stream.node == .element, element() == .resource else { continue }
                resources.append(Resource(identifier: attribute("identifier") ?? "", type: attribute("type") ?? "", href: attribute("href") ?? ""))
            }
            return resources
        }

        /// Where text goes while reading an item.
        enum Context: Equatable {
            case none, stem, interaction, prompt, choice, correct, correctValue, processing, ignore
        }

        func parseItem() throws(DocumentError) -> ParsedItem {
            var item = ParsedItem(identifier: attribute("identifier") ?? "", title: attribute("title"), line: stream.line)
            var contexts: [Context] = [.none]
            var declaration: (id: String, value: Declaration)?
            var value: [UInt8] = []
            while try stream.next() {
                let context = contexts.last ?? .none
                switch stream.node {
                case .element:
                    let kind = element()
                    let empty = stream.isEmptyElement
                    var next = context
                    switch kind {
                    case .responseDeclaration where context == .none:
                        declaration = (attribute("identifier") ?? "", Declaration(cardinality: attribute("cardinality") ?? "single"))
                        if empty { item.declarations[declaration?.id ?? ""] = declaration?.value; declaration = nil }
                    case .correctResponse where declaration != nil:
                        next = .correct
                    case .value where context == .correct:
                        next = .correctValue
                        value.removeAll(keepingCapacity: true)
                    case .mapping where declaration != nil:
                        var mapping = Mapping()
                        mapping.defaultValue = number(attribute("defaultValue")) ?? 0
                        mapping.lowerBound = number(attribute("lowerBound"))
                        mapping.upperBound = number(attribute("upperBound"))
                        mapping.caseSensitive = attribute("caseSensitive") != "false"
                        declaration?.value.mapping = mapping
                    case .mapEntry where declaration?.value.mapping != nil:
                        if let key = attribute("mapKey"), let mapped = number(attribute("mappedValue")) {
                            declaration?.value.mapping?.entries.append((key, mapped))
                        }
                    case .itemBody where context == .none:
                        next = .stem
                    case .choiceInteraction where context == .stem:
                        item.interactions.append(Interaction(kind: "choiceInteraction", responseIdentifier: attribute("responseIdentifier") ?? "", line: stream.line))
                        next = .interaction
                    case .interaction(let other) where context == .stem || context == .interaction:
                        item.interactions.append(Interaction(kind: other, responseIdentifier: attribute("responseIdentifier") ?? "", line: stream.line))
                        next = .ignore
                    case .prompt where context == .interaction:
                        next = .prompt
                    case .simpleChoice where context == .interaction:
                        if !item.interactions.isEmpty {
                            item.interactions[item.interactions.count - 1].choices.append((attribute("identifier") ?? "", []))
                        }
                        next = .choice
                    case .responseProcessing where context == .none:
                        if let template = attribute("template") ?? attribute("templateLocation") {
                            item.processing = .template(template)
                        } else if !empty {
                            item.processing = .custom
                        } else {
                            item.processing = .missing
                        }
                        next = .processing
                    case .skipped:
                        if !empty { try stream.skipSubtree() }
                        continue
                    case .block:
                        append(0x20, to: context, &item)
                    default:
                        if context == .processing { item.processing = .custom }
                    }
                    if !empty { contexts.append(next) }
                case .text:
                    switch context {
                    case .correctValue: stream.appendValue(to: &value)
                    case .stem, .prompt, .choice:
                        var text: [UInt8] = []
                        stream.appendValue(to: &text)
                        for byte in text { append(byte, to: context, &item) }
                    default: continue
                    }
                case .endElement:
                    let kind = element()
                    contexts.removeLast()
                    if contexts.isEmpty { contexts = [.none] }
                    if context == .correctValue && kind == .value {
                        declaration?.value.correct.append(String(decoding: value, as: UTF8.self).trimmingWhitespace())
                    } else if kind == .responseDeclaration, let open = declaration {
                        item.declarations[open.id] = open.value
                        declaration = nil
                    } else if kind == .block {
                        append(0x20, to: contexts.last ?? .none, &item)
                    }
                case .other:
                    continue
                }
            }
            return item
        }

        private func append(_ byte: UInt8, to context: Context, _ item: inout ParsedItem) {
            switch context {
            case .stem: item.stem.append(byte)
            case .prompt:
                if !item.interactions.isEmpty { item.interactions[item.interactions.count - 1].prompt.append(byte) }
            case .choice:
                if let last = item.interactions.indices.last, !item.interactions[last].choices.isEmpty {
                    item.interactions[last].choices[item.interactions[last].choices.count - 1].text.append(byte)
                }
            default: break
            }
        }

        private func number(_ text: String?) -> Double? {
            guard let text, let value = Double(text.trimmingWhitespace()), value.isFinite else { return nil }
            return value
        }
    }

    // MARK: - Items to key items

    static func convert(_ parsed: ParsedItem, id: String?, position: Int, name: String, warnings: inout [KeyWarning]) -> KeyItem? {
        let itemID = id ?? (parsed.identifier.isEmpty ? "Q\(position)" : parsed.identifier)
        let shown = "item '\(itemID)' (\(name))"
        func warn(_ code: String, _ message: String) { warnings.append(KeyWarning(code, "\(shown) \(message)")) }
        let others = parsed.interactions.filter { $0.kind != "choiceInteraction" }
        if !others.isEmpty {
            let kinds = Array(Set(others.map(\.kind))).sorted().joined(separator: ", ")
            warn("mcq.key.unsupported_interaction", "holds \(kinds) and was skipped; only items with one choiceInteraction are marked from answer sheets.")
            return nil
        }
        guard let interaction = parsed.interactions.first else {
            warn("mcq.key.no_interaction", "holds no interaction and was skipped.")
            return nil
        }
        guard parsed.interactions.count == 1 else {
            warn("mcq.key.several_interactions", "holds \(parsed.interactions.count) choice interactions and was skipped; split it into one item per question.")
            return nil
        }
        guard let declaration = parsed.declarations[interaction.responseIdentifier] else {
            warn("mcq.key.no_declaration", "has no responseDeclaration for '\(interaction.responseIdentifier)' and was skipped.")
            return nil
        }
        let choices = interaction.choices
        guard choices.count >= 2 else {
            warn("mcq.key.too_few_options", "has \(choices.count) choice(s); a choice item needs at least two, so it was skipped.")
            return nil
        }
        guard choices.count <= KeyItem.maximumOptions else {
            warn("mcq.key.too_many_options", "has \(choices.count) choices; answer sheets have at most \(KeyItem.maximumOptions) (A–O), so it was skipped.")
            return nil
        }
        let identifiers = choices.map(\.identifier)
        var correct: [Int] = []
        for value in declaration.correct {
            if let index = identifiers.firstIndex(of: value) { correct.append(index) }
            else { warn("mcq.key.unknown_identifier", "names '\(value)' in its correctResponse, which is not one of its choices; it was ignored.") }
        }
        let multiple = declaration.cardinality != "single"
        let options = choices.map { KeyOption(text: HTMLText.plain(String(decoding: $0.text, as: UTF8.self)), identifier: $0.identifier) }
        let stem = HTMLText.plain(String(decoding: parsed.stem, as: UTF8.self))
        let prompt = HTMLText.plain(String(decoding: interaction.prompt, as: UTF8.self))
        let text = [stem, prompt].filter { !$0.isEmpty }.joined(separator: " ")

        var template: String?
        switch parsed.processing {
        case .template(let uri):
            template = standardTemplate(uri)
            if template == nil {
                warn("mcq.key.nonstandard_processing", "uses the response processing template '\(uri)', which is not a standard one; it is marked match_correct on its correctResponse.")
            }
        case .custom:
            warn("mcq.key.nonstandard_processing", "has its own response processing rules, which are not run; it is marked match_correct on its correctResponse\(declaration.mapping != nil ? " (its mapping is not used)" : "").")
        case .missing:
            warn("mcq.key.no_response_processing", "has no response processing; it is marked match_correct on its correctResponse.")
        }
        if template == "map_response" {
            if let mapping = declaration.mapping {
                var values: [Double] = []
                for identifier in identifiers {
                    let entry = mapping.entries.first { $0.key == identifier }
                        ?? (mapping.caseSensitive ? nil : mapping.entries.first { $0.key.lowercased() == identifier.lowercased() })
                    values.append(entry?.value ?? mapping.defaultValue)
                }
                let keyMapping = KeyMapping(values: values, lowerBound: mapping.lowerBound, upperBound: mapping.upperBound)
                let maximum = keyMapping.maximumPoints(multipleAnswer: multiple)
                guard maximum > 0 else {
                    warn("mcq.key.no_marks", "can earn no points under its mapping and was skipped.")
                    return nil
                }
                return KeyItem(id: itemID, text: text, options: options, multipleAnswer: multiple, marks: maximum,
                               scoring: .mapResponse(keyMapping), sourcePosition: position)
            }
            warn("mcq.key.no_mapping", "uses map_response but has no mapping; it is marked match_correct on its correctResponse.")
        }
        guard !correct.isEmpty else {
            warn("mcq.key.no_correct_response", "has no usable correctResponse and was skipped.")
            return nil
        }
        return KeyItem(id: itemID, text: text, options: options, multipleAnswer: multiple, marks: 1,
                       scoring: .matchCorrect([ChosenOptions(correct)]), sourcePosition: position)
    }

    /// `match_correct` or `map_response` for a standard template URI of any QTI version.
    static func standardTemplate(_ uri: String) -> String? {
        let lower = uri.lowercased().trimmingWhitespace()
        guard lower.contains("imsglobal.org/") else { return nil }
        var last = lower.split(separator: "/").last.map(String.init) ?? ""
        if last.hasSuffix(".xml") { last.removeLast(4) }
        return ["match_correct", "map_response"].contains(last) ? last : nil
    }

    /// Loads files under a folder on disk; ``resolve(_:from:in:)`` has kept the names
    /// inside it, and a symbolic link that leads out of it is refused.
    private struct FileLoader {
        let root: String
        let limits: ReadLimits

        func load(_ relative: String) throws(DocumentError) -> [UInt8] {
            let path = root + "/" + relative
            if let realRoot = realPath(root), let realFile = realPath(path), !realFile.hasPrefix(realRoot + "/") {
                throw .unsupportedFormat("The key refers to \(relative), which leads outside the key's folder; copy the item files into it.")
            }
            do {
                return try DocumentReader.readFile(path: path, limits: limits)
            } catch {
                throw .unsupportedFormat("A file the key refers to, \(relative), could not be read (\(error.description)); put the test's item files beside it.")
            }
        }
    }
}
