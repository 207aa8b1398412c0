internal import AssessDocuments
internal import Foundation

/// Version 1 of the protocol between `assess` and an external processor
/// (`assess-processor-NAME`), as `docs/plugin-protocol.md` describes it: a JSON request on
/// the plugin's standard input, a JSON response on its standard output.
public enum PluginProtocol {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The prefix of a plugin's executable name.
    public static let executablePrefix = "assess-processor-"

    /// The parsed schema document.
    public static let schema: JSONValue = (try? JSONDecoder().decode(JSONValue.self, from: Data(schemaText.utf8))) ?? .null

    /// The request for one submission. It names the candidate by id only: never the
    /// name, the email or the submitted file names (which often hold the name); files
    /// are `document-1.docx`, `document-2.pdf`… in submission order.
    public static func request(plugin: String, options: JSONValue, submission: SubmissionContent) -> JSONValue {
        var assessment: [String: JSONValue] = [
            "id": .string(submission.assessment.id), "title": .string(submission.assessment.title),
            "module": .string(submission.assessment.module), "kind": .string(submission.assessment.kind.rawValue),
        ]
        if let limit = submission.assessment.wordLimit { assessment["word_limit"] = .int(limit) }
        if let deadline = submission.assessment.deadline {
            assessment["deadline"] = .string(deadline.formatted(.iso8601))
        }
        let documents: [JSONValue] = submission.documents.enumerated().map { index, document in
            let extensionPart = document.file.split(separator: ".").count > 1 ? document.file.split(separator: ".").last.map { "." + $0.lowercased() } ?? "" : ""
            let safeExtension = extensionPart.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." } && extensionPart.count <= 6 ? extensionPart : ""
            var bySection: [String: [String]] = [:]
            let blocks: [JSONValue] = document.text.blocks.map { block in
                bySection[block.section.rawValue, default: []].append(block.text)
                var object: [String: JSONValue] = [
                    "section": .string(block.section.rawValue), "kind": .string(block.kind.rawValue),
                    "text": .string(block.text), "words": .int(block.words),
                ]
                if let level = block.level { object["level"] = .int(level) }
                if let page = block.page { object["page"] = .int(page) }
                return .object(object)
            }
            return .object([
                "file": .string("document-\(index + 1)\(safeExtension)"), "format": .string(document.text.format.rawValue),
                "words": .int(document.text.words()), "blocks": .array(blocks),
                "text_by_section": .object(bySection.mapValues { .string($0.joined(separator: "\n\n")) }),
            ])
        }
        var metadata: [String: JSONValue] = ["assess_version": .string(AssessVersion.current)]
        if let group = submission.candidate?.group { metadata["group"] = .string(group) }
        return .object([
            "protocol_version": .int(version), "processor": .string(plugin), "options": options,
            "assessment": .object(assessment),
            "submission": .object(["candidate_id": .string(submission.candidateID), "documents": .array(documents)]),
            "metadata": .object(metadata),
        ])
    }

    /// A request for a made-up submission, for `assess plugin check`.
    public static func sampleRequest(plugin: String, options: JSONValue = .object([:])) -> JSONValue {
        let text = DocumentText(format: .docx, blocks: [
            Block(kind: .heading, text: "Introduction", level: 1),
            Block(kind: .paragraph, text: "This briefing paper argues that the trust should adopt an electronic prescribing system. It may perhaps reduce errors, and it was suggested by clinicians that it could be phased in."),
            Block(kind: .paragraph, text: "Evidence from three pilot wards is weighed against the costs of training and of lost productivity during the change."),
            Block(kind: .heading, section: .references, text: "References", level: 1),
            Block(kind: .paragraph, section: .references, text: "Smith, J. (2020) Electronic prescribing in practice. London: Example Press."),
        ])
        let assessment = Assessment(id: "sample-briefing-paper", title: "Briefing paper", module: "Health information systems and technologies",
                                    kind: .written, wordLimit: 1500)
        let content = SubmissionContent(candidateID: "C0000", assessment: assessment, documents: [.init(file: "sample.docx", text: text)])
        return request(plugin: plugin, options: options, submission: content)
    }

    /// Encodes a request as compact JSON with sorted keys (the same bytes every run).
    public static func encode(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }

    /// What a plugin's response says, or why it cannot be used.
    public enum Reading: Sendable, Equatable {
        /// A valid response.
        case valid(JSONValue)
        /// The output is not JSON (the reason).
        case invalidJSON(String)
        /// The response speaks another protocol version.
        case versionMismatch(String)
        /// The response is JSON but breaks the schema (each problem).
        case invalid([String])
    }

    /// Parses and checks a plugin's standard output against the response schema.
    public static func read(response bytes: [UInt8]) -> Reading {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            let start = String(decoding: bytes.prefix(60), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            return .invalidJSON(bytes.isEmpty ? "it wrote nothing" : "it wrote \"\(start)\(bytes.count > 60 ? "…" : "")\"")
        }
        guard case .object = value else { return .invalid(["$: must be object"]) }
        if let declared = value["protocol_version"], declared != .int(version) {
            let shown: String
            switch declared {
            case .int(let number): shown = String(number)
            case .string(let text): shown = "\"\(text.prefix(20))\""
            default: shown = "a value that is not a number"
            }
            return .versionMismatch("it speaks protocol version \(shown); this assess speaks version \(version)")
        }
        let problems = JSONSchemaValidator(schema: schema).problems(of: value, against: "#/$defs/response")
        return problems.isEmpty ? .valid(value) : .invalid(problems)
    }

    /// Turns a valid response into a processor result. Finding codes are put under the
    /// plugin's name (`readability.hard`) unless they already start with it.
    public static func result(of response: JSONValue, plugin: String, identifier: String) -> ProcessorResult {
        var result = ProcessorResult(processor: identifier)
        if case .object(let metrics)? = response["metrics"] { result.metrics = metrics }
        if case .array(let marks)? = response["marks"], !marks.isEmpty {
            result.metrics["marks"] = .array(marks)
            var facts: [FeedbackSection.Fact] = []
            for mark in marks {
                guard case .string(let name)? = mark["name"], let value = mark["value"].flatMap(number) else { continue }
                let outOf = mark["out_of"].flatMap(number)
                facts.append(.init(name, formatNumber(value) + (outOf.map { " / " + formatNumber($0) } ?? "")))
                result.columns.append(.init("\(plugin) \(name)", formatNumber(value)))
            }
            if !facts.isEmpty { result.feedback.append(FeedbackSection(title: "Marks from \(plugin)", facts: facts)) }
        }
        if case .array(let sections)? = response["feedback"] {
            for section in sections {
                guard case .string(let title)? = section["title"] else { continue }
                var facts: [FeedbackSection.Fact] = []
                if case .array(let items)? = section["facts"] {
                    for item in items {
                        if case .string(let label)? = item["label"], case .string(let value)? = item["value"] {
                            facts.append(.init(label, value, emphasis: item["emphasis"] == .bool(true)))
                        }
                    }
                }
                var notes: [String] = []
                if case .array(let items)? = section["notes"] { for case .string(let note) in items { notes.append(note) } }
                var summary: String?
                if case .string(let text)? = section["summary"] { summary = text }
                result.feedback.append(FeedbackSection(title: title, summary: summary, facts: facts, notes: notes))
            }
        }
        if case .array(let findings)? = response["findings"] {
            for finding in findings {
                guard case .string(let code)? = finding["code"], case .string(let severityText)? = finding["severity"],
                      let severity = Finding.Severity(rawValue: severityText), case .string(let message)? = finding["message"] else { continue }
                result.findings.append(Finding(code.hasPrefix(plugin + ".") ? code : plugin + "." + code, severity, message))
            }
        }
        if case .array(let columns)? = response["columns"] {
            for column in columns {
                if case .string(let name)? = column["name"], case .string(let value)? = column["value"] { result.columns.append(.init(name, value)) }
            }
        }
        return result
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    private static func formatNumber(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
