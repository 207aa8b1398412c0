import AssessDocuments
import Foundation

/// Writes MCQ keys for tests: Moodle XML exports, QTI 2.1 and 3.0 items, tests,
/// manifests and content packages, built in code (never copied from the corpus).
///
/// ```swift
/// let xml = QuizBuilder.moodleQuiz([QuizBuilder.multichoice("Q1", answers: [(100, "Yes"), (0, "No")])])
/// ```
public enum QuizBuilder {
    // MARK: Moodle XML

    /// A `<question type="multichoice">`; fractions are percents, in file order.
    public static func multichoice(_ name: String, text: String = "Which one?", answers: [(Double, String)], single: Bool = true, grade: Double? = 1) -> String {
        var xml = """
              <question type="multichoice">
                <name><text>\(escape(name))</text></name>
                <questiontext format="html"><text><![CDATA[\(text)]]></text></questiontext>

            """
        if let grade { xml += "    <defaultgrade>\(grade)</defaultgrade>\n" }
        xml += "    <single>\(single)</single>\n    <shuffleanswers>true</shuffleanswers>\n"
        for (fraction, answer) in answers {
            xml += "    <answer fraction=\"\(fraction)\" format=\"html\"><text><![CDATA[\(answer)]]></text><feedback><text>Feedback \(escape(answer))</text></feedback></answer>\n"
        }
        return xml + "  </question>\n"
    }

    /// A `<question type="truefalse">` whose "true" answer is worth 100% when `answer` is true.
    public static func trueFalse(_ name: String, answer: Bool) -> String {
        """
          <question type="truefalse">
            <name><text>\(escape(name))</text></name>
            <questiontext format="html"><text>Is it so?</text></questiontext>
            <defaultgrade>1.0000000</defaultgrade>
            <answer fraction="\(answer ? 100 : 0)" format="moodle_auto_format"><text>true</text></answer>
            <answer fraction="\(answer ? 0 : 100)" format="moodle_auto_format"><text>false</text></answer>
          </question>

        """
    }

    /// A question of another type, such as `essay` or `shortanswer`.
    public static func other(_ type: String, _ name: String) -> String {
        "  <question type=\"\(type)\"><name><text>\(escape(name))</text></name><questiontext format=\"html\"><text>Explain.</text></questiontext></question>\n"
    }

    /// A whole export, with a category first as Moodle writes it.
    public static func moodleQuiz(_ questions: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n  <question type=\"category\"><category><text>$course$/Test</text></category></question>\n"
            + questions.joined() + "</quiz>\n"
    }

    // MARK: QTI

    /// QTI versions: 2.1 writes camelCase elements, 3.0 the `qti-` kebab-case ones.
    public enum QTIVersion: Sendable {
        case v2p1, v3p0
    }

    /// How an item's responses are processed.
    public enum Processing: Sendable {
        case matchCorrect, mapResponse, none, custom
        case template(String)
    }

    /// A choice item.
    public static func item(_ identifier: String, version: QTIVersion = .v2p1, multiple: Bool = false, choices: [(String, String)],
                            correct: [String], mapping: (defaultValue: Double, lower: Double?, upper: Double?, entries: [(String, Double)])? = nil,
                            processing: Processing = .matchCorrect, prompt: String = "Which one?", body: String = "") -> String {
        let v3 = version == .v3p0
        func name(_ camel: String) -> String {
            guard v3 else { return camel }
            var kebab = "qti-"
            for character in camel {
                if character.isUppercase { kebab += "-" + character.lowercased() } else { kebab.append(character) }
            }
            return kebab
        }
        func attribute(_ camel: String) -> String {
            guard v3 else { return camel }
            return String(name(camel).dropFirst(4))
        }
        let namespace = v3 ? "http://www.imsglobal.org/xsd/imsqtiasi_v3p0" : "http://www.imsglobal.org/xsd/imsqti_v2p1"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(name("assessmentItem")) xmlns=\"\(namespace)\" identifier=\"\(identifier)\" title=\"Item \(identifier)\" adaptive=\"false\" \(attribute("timeDependent"))=\"false\">\n"
        xml += "  <\(name("responseDeclaration")) identifier=\"RESPONSE\" cardinality=\"\(multiple ? "multiple" : "single")\" \(attribute("baseType"))=\"identifier\">\n"
        if !correct.isEmpty {
            xml += "    <\(name("correctResponse"))>" + correct.map { "<\(name("value"))>\($0)</\(name("value"))>" }.joined() + "</\(name("correctResponse"))>\n"
        }
        if let mapping {
            xml += "    <\(name("mapping")) \(attribute("defaultValue"))=\"\(mapping.defaultValue)\""
            if let lower = mapping.lower { xml += " \(attribute("lowerBound"))=\"\(lower)\"" }
            if let upper = mapping.upper { xml += " \(attribute("upperBound"))=\"\(upper)\"" }
            xml += ">" + mapping.entries.map { "<\(name("mapEntry")) \(attribute("mapKey"))=\"\($0.0)\" \(attribute("mappedValue"))=\"\($0.1)\"/>" }.joined() + "</\(name("mapping"))>\n"
        }
        xml += "  </\(name("responseDeclaration"))>\n"
        xml += "  <\(name("outcomeDeclaration")) identifier=\"SCORE\" cardinality=\"single\" \(attribute("baseType"))=\"float\"/>\n"
        xml += "  <\(name("itemBody"))>\(body)\n    <\(name("choiceInteraction")) \(attribute("responseIdentifier"))=\"RESPONSE\" shuffle=\"true\" \(attribute("maxChoices"))=\"\(multiple ? 0 : 1)\">\n"
        xml += "      <\(name("prompt"))>\(prompt)</\(name("prompt"))>\n"
        for (id, text) in choices {
            xml += "      <\(name("simpleChoice")) identifier=\"\(id)\">\(text)</\(name("simpleChoice"))>\n"
        }
        xml += "    </\(name("choiceInteraction"))>\n  </\(name("itemBody"))>\n"
        let base = v3 ? "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/" : "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
        switch processing {
        case .matchCorrect: xml += "  <\(name("responseProcessing")) template=\"\(base)match_correct\(v3 ? ".xml" : "")\"/>\n"
        case .mapResponse: xml += "  <\(name("responseProcessing")) template=\"\(base)map_response\(v3 ? ".xml" : "")\"/>\n"
        case .template(let uri): xml += "  <\(name("responseProcessing")) template=\"\(uri)\"/>\n"
        case .custom: xml += "  <\(name("responseProcessing"))><\(name("setOutcomeValue")) identifier=\"SCORE\"><\(name("baseValue")) \(attribute("baseType"))=\"float\">1</\(name("baseValue"))></\(name("setOutcomeValue"))></\(name("responseProcessing"))>\n"
        case .none: break
        }
        return xml + "</\(name("assessmentItem"))>\n"
    }

    /// An item of another interaction type (a text entry).
    public static func textEntryItem(_ identifier: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="\(identifier)" title="Text" adaptive="false" timeDependent="false">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"><correctResponse><value>York</value></correctResponse></responseDeclaration>
          <itemBody><p>Capital? <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
          <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
        </assessmentItem>

        """
    }

    /// An assessment test referring to items by href, in order.
    public static func test(_ identifier: String, version: QTIVersion = .v2p1, items: [(identifier: String, href: String)]) -> String {
        let v3 = version == .v3p0
        let namespace = v3 ? "http://www.imsglobal.org/xsd/imsqtiasi_v3p0" : "http://www.imsglobal.org/xsd/imsqti_v2p1"
        let test = v3 ? "qti-assessment-test" : "assessmentTest", part = v3 ? "qti-test-part" : "testPart"
        let section = v3 ? "qti-assessment-section" : "assessmentSection", ref = v3 ? "qti-assessment-item-ref" : "assessmentItemRef"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(test) xmlns=\"\(namespace)\" identifier=\"\(identifier)\" title=\"Test \(identifier)\">\n"
        xml += "  <\(part) identifier=\"P1\" navigation-mode=\"linear\"><\(section) identifier=\"S1\" title=\"Section\" visible=\"true\">\n"
        for item in items { xml += "    <\(ref) identifier=\"\(item.identifier)\" href=\"\(item.href)\"/>\n" }
        return xml + "  </\(section)></\(part)>\n</\(test)>\n"
    }

    /// An `imsmanifest.xml` listing resources (type, href) in order.
    public static func manifest(_ resources: [(type: String, href: String)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"M1\">\n  <organizations/>\n  <resources>\n"
        for (index, resource) in resources.enumerated() {
            xml += "    <resource identifier=\"R\(index + 1)\" type=\"\(resource.type)\" href=\"\(resource.href)\"><file href=\"\(resource.href)\"/></resource>\n"
        }
        return xml + "  </resources>\n</manifest>\n"
    }

    /// Writes a zip of text entries (a QTI content package).
    public static func zip(_ entries: [(String, String)], to path: String) throws {
        let writer = try ZipWriter(path: path)
        for (name, text) in entries { try writer.add(name, text: text) }
        try writer.close()
    }

    /// Writes text files into a folder (a test and its items on disk).
    public static func files(_ entries: [(String, String)], in directory: String) throws {
        for (name, text) in entries {
            let url = URL(fileURLWithPath: directory + "/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
