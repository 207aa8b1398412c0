import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Keys from the shared corpus: every Moodle XML and QTI file is read into a key or
/// refused with a clear error; nothing crashes.
@Suite struct KeyCorpusTests {
    static let moodle = Corpus.files("mcq/moodle-xml", extensions: ["xml"])
    static let qti = Corpus.files("mcq/qti", extensions: ["xml"])
    static let hostile = Corpus.files("adversarial").filter { $0.contains("qti") }

    @Test func corpusIsThereOrSaysSo() {
        if Corpus.root == nil { print(Corpus.absenceMessage) }
        #expect(Corpus.root == nil || (!Self.moodle.isEmpty && !Self.qti.isEmpty))
    }

    @Test(arguments: moodle)
    func moodleExportGivesItemsOrNamedWarnings(_ path: String) throws {
        let key = try KeyReader.read(path: path)
        #expect(key.format == .moodleXML)
        for item in key.items {
            #expect((2...KeyItem.maximumOptions).contains(item.options.count))
            guard case .fractions(let lists) = item.scoring else { Issue.record("\(item.id) is not scored by fractions"); continue }
            #expect(lists.allSatisfy { $0.count == item.options.count })
        }
        // Every skipped question is named with its type.
        for warning in key.warnings where warning.code == "mcq.key.unsupported_type" {
            #expect(["cloze", "essay", "matching", "shortanswer"].contains { warning.message.contains($0) }, "\(warning.message)")
        }
        #expect(!key.items.isEmpty || !key.warnings.isEmpty)
    }

    @Test func moodleFixturesReadAsMoodleImportsThem() throws {
        guard let root = Corpus.root else { return }
        let multichoice = try KeyReader.read(path: root + "/mcq/moodle-xml/moodle__qtype_multichoice_testquestion.moodle.xml")
        let item = try #require(multichoice.items.first)
        #expect(item.id == "Multi-choice-001")
        #expect(item.multipleAnswer)
        #expect(item.options.map(\.text) == ["Tokyo", "Spain", "London", "Barcelona", "Paris"])
        #expect(item.scoring == .fractions([[0, 0, 0.5, 0, 0.5]]))
        let invalid = try KeyReader.read(path: root + "/mcq/moodle-xml/moodle__error_invalid_grades.xml")
        #expect(invalid.items.isEmpty)
        #expect(invalid.warnings.map(\.code).contains("mcq.key.invalid_fraction"))
        let nested = try KeyReader.read(path: root + "/mcq/moodle-xml/moodle__nested_categories_with_questions.xml")
        #expect(nested.items.map(\.id) == ["Iota Question", "Kappa Question", "Lambda Question", "Mu Question"])
        #expect(nested.items.allSatisfy { $0.options.map(\.text) == ["True", "False"] && $0.scoring == .fractions([[1, 0]]) })
        #expect(nested.warnings.map(\.code) == ["mcq.key.unsupported_type"])
        // The idnumber names the item; entities in it are decoded.
        let idnumbers = try KeyReader.read(path: root + "/mcq/moodle-xml/moodle__html_chars_in_idnumbers.xml")
        #expect(idnumbers.items.map(\.id) == ["T & F"])
    }

    @Test(arguments: qti)
    func qtiFileGivesKeyOrClearError(_ path: String) {
        do {
            let key = try KeyReader.read(path: path)
            #expect(key.format == .qti)
            for item in key.items { #expect((2...KeyItem.maximumOptions).contains(item.options.count)) }
            #expect(!key.items.isEmpty || !key.warnings.isEmpty)
        } catch {
            // Results reports are not keys; a test whose items are not beside it says so.
            #expect(error.description.hasSuffix(".") && error.description.count > 40, "\(error.description)")
            #expect(path.contains("results") || path.contains("interaction_mix_sachsen.xml") || path.contains("interaction_mix_sachsen_2_2.xml"), "\(path): \(error)")
        }
    }

    @Test func qtiFixturesFollowTheirTemplates() throws {
        guard let root = Corpus.root else { return }
        let choice = try KeyReader.read(path: root + "/mcq/qti/qti-sdk__items-2_1__choice.xml")
        #expect(choice.items.first?.scoring == .matchCorrect([ChosenOptions([0])]))
        #expect(choice.warnings.isEmpty)
        let multiple = try KeyReader.read(path: root + "/mcq/qti/qti-sdk__items-2_1__choice_multiple.xml")
        let item = try #require(multiple.items.first)
        #expect(item.scoring == .mapResponse(KeyMapping(values: [1, -2, -2, 1, -2, -1], lowerBound: 0, upperBound: 2)))
        #expect(item.marks == 2)
        // QTI 3 with qti- prefixed, kebab-case names and no response processing.
        let three = try KeyReader.read(path: root + "/mcq/qti/qti-sdk__items-3_0__aqti_tmh_sample_1.xml")
        #expect(three.items.first?.options.map(\.text) == ["About 200", "About 100", "About 50"])
        #expect(three.warnings.map(\.code) == ["mcq.key.no_response_processing"])
        let text = try KeyReader.read(path: root + "/mcq/qti/qti-sdk__items-2_1__text_entry.xml")
        #expect(text.items.isEmpty)
        #expect(text.warnings.contains { $0.code == "mcq.key.unsupported_interaction" && $0.message.contains("textEntryInteraction") })
    }

    /// The Sachsen test, with its items given their original names beside it.
    @Test func assessmentTestKeepsTheTestsOrder() throws {
        guard let root = Corpus.root else { return }
        let directory = try TemporaryDirectory()
        let prefix = "qti-sdk__interaction_mix_sachsen__"
        for file in Corpus.files("mcq/qti") where file.contains(prefix) {
            let name = String(file.split(separator: "/").last?.dropFirst(prefix.count) ?? "")
            try FileManager.default.copyItem(atPath: file, toPath: directory.path + "/" + name)
        }
        _ = root
        let key = try KeyReader.read(path: directory.path + "/interaction_mix_sachsen.xml")
        #expect(key.items.map(\.id) == ["Choicetruefalse_176040516", "Choicesingle_853928446", "Choicemultiple_2014410822", "Choicemultiple_871212949"])
        #expect(key.items.map(\.sourcePosition) == [1, 2, 3, 4])
        let skipped = key.warnings.filter { $0.code == "mcq.key.unsupported_interaction" }
        #expect(skipped.count == 9)
        #expect(key.warnings.filter { $0.code == "mcq.key.nonstandard_processing" }.count == 4)
    }

    @Test(arguments: hostile)
    func hostileFilesAreRefusedClearly(_ path: String) {
        #expect(throws: DocumentError.self) { try KeyReader.read(path: path) }
    }
}

@Suite struct KeyReaderTests {
    func read(_ text: String, name: String = "key.xml") throws -> AnswerKey {
        let directory = try TemporaryDirectory()
        try QuizBuilder.files([(name, text)], in: directory.path)
        return try KeyReader.read(path: directory.path + "/" + name)
    }

    @Test func moodleMultichoiceFractionsGradesAndHTML() throws {
        let key = try read(QuizBuilder.moodleQuiz([
            QuizBuilder.multichoice("Capital", text: "<p>Which is the <b>capital</b>?</p><script>alert('x')</script>", answers: [(-33.33333, "Leeds"), (100, "<p>London</p>"), (0, "York &amp; Hull")], grade: 2),
            QuizBuilder.multichoice("Pick two", answers: [(50, "A"), (50, "B"), (-100, "C")], single: false, grade: nil),
            QuizBuilder.trueFalse("Sky is blue", answer: false),
            QuizBuilder.other("essay", "Reflect"),
            QuizBuilder.other("description", "Intro"),
        ]))
        #expect(key.items.map(\.id) == ["Capital", "Pick two", "Sky is blue"])
        let first = key.items[0]
        #expect(first.text == "Which is the capital?")
        #expect(first.options.map(\.text) == ["Leeds", "London", "York & Hull"])
        #expect(first.marks == 2)
        #expect(!first.multipleAnswer)
        guard case .fractions(let lists) = first.scoring else { Issue.record("not fractions"); return }
        #expect(zip(lists[0], [-0.3333333, 1, 0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(key.items[1].multipleAnswer)
        #expect(key.items[1].marks == 1)
        #expect(key.items[2].scoring == .fractions([[0, 1]]))
        #expect(key.items[2].options.map(\.text) == ["True", "False"])
        #expect(key.items.map(\.sourcePosition) == [1, 2, 3])
        #expect(key.warnings.map(\.code) == ["mcq.key.unsupported_type", "mcq.key.unsupported_type"])
        #expect(key.warnings[0].message.contains("essay") && key.warnings[1].message.contains("description"))
    }

    @Test func moodleRefusesWhatMoodleRefuses() throws {
        let key = try read(QuizBuilder.moodleQuiz([
            QuizBuilder.multichoice("Odd", answers: [(33, "A"), (67, "B")]),
            QuizBuilder.multichoice("One option", answers: [(100, "A")]),
            QuizBuilder.multichoice("Fine", answers: [(100, "A"), (0, "B")]),
        ]))
        #expect(key.items.map(\.id) == ["Fine"])
        #expect(key.warnings.map(\.code) == ["mcq.key.invalid_fraction", "mcq.key.too_few_options"])
        #expect(throws: DocumentError.self) { try read("<quiz><question type=\"multichoice\">") }
        #expect(throws: DocumentError.self) { try read("<?xml version=\"1.0\"?><notquiz/>", name: "other.xml") }
    }

    @Test(arguments: [QuizBuilder.QTIVersion.v2p1, .v3p0])
    func qtiTemplatesAndMappings(_ version: QuizBuilder.QTIVersion) throws {
        let single = try read(QuizBuilder.item("I1", version: version, choices: [("a", "One"), ("b", "<b>Two</b>"), ("c", "Three")], correct: ["b"]))
        #expect(single.items.first?.scoring == .matchCorrect([ChosenOptions([1])]))
        #expect(single.items.first?.options.map(\.text) == ["One", "Two", "Three"])
        #expect(single.warnings.isEmpty)
        let mapped = try read(QuizBuilder.item("I2", version: version, multiple: true, choices: [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")],
                                               correct: ["a", "c"], mapping: (defaultValue: -0.5, lower: 0, upper: 2, entries: [("a", 1), ("c", 1.5)]),
                                               processing: .mapResponse))
        let item = try #require(mapped.items.first)
        #expect(item.multipleAnswer)
        #expect(item.scoring == .mapResponse(KeyMapping(values: [1, -0.5, 1.5, -0.5], lowerBound: 0, upperBound: 2)))
        #expect(item.marks == 2)
    }

    @Test func qtiFallsBackToMatchCorrectWithAWarning() throws {
        let choices = [("a", "A"), ("b", "B")]
        for (processing, code) in [(QuizBuilder.Processing.none, "mcq.key.no_response_processing"), (.custom, "mcq.key.nonstandard_processing"),
                                   (.template("http://example.org/my_rules"), "mcq.key.nonstandard_processing")] {
            let key = try read(QuizBuilder.item("I", choices: choices, correct: ["a"], processing: processing))
            #expect(key.items.first?.scoring == .matchCorrect([ChosenOptions([0])]))
            #expect(key.warnings.map(\.code) == [code])
        }
        let noMapping = try read(QuizBuilder.item("I", choices: choices, correct: ["a"], processing: .mapResponse))
        #expect(noMapping.items.first?.scoring == .matchCorrect([ChosenOptions([0])]))
        #expect(noMapping.warnings.map(\.code) == ["mcq.key.no_mapping"])
        let noKey = try read(QuizBuilder.item("I", choices: choices, correct: [], processing: .matchCorrect))
        #expect(noKey.items.isEmpty)
        #expect(noKey.warnings.map(\.code).contains("mcq.key.no_correct_response"))
    }

    @Test func scriptAndProcessingInstructionsNeverReachText() throws {
        let key = try read(QuizBuilder.item("I", choices: [("a", "<![CDATA[<script>steal()</script>Safe]]>"), ("b", "<![CDATA[<?php echo 'highjack'; ?>Also safe]]>")],
                                            correct: ["a"], prompt: "<![CDATA[<script src=\"x.js\"></script>Pick]]>"))
        let item = try #require(key.items.first)
        #expect(item.options.map(\.text) == ["Safe", "Also safe"])
        #expect(item.text == "Pick")
    }

    @Test(arguments: [QuizBuilder.QTIVersion.v2p1, .v3p0])
    func packagesFollowTheTestOrderElseTheManifest(_ version: QuizBuilder.QTIVersion) throws {
        let directory = try TemporaryDirectory()
        let items = [
            ("items/one.xml", QuizBuilder.item("one", version: version, choices: [("a", "A"), ("b", "B")], correct: ["a"])),
            ("items/two.xml", QuizBuilder.item("two", version: version, choices: [("a", "A"), ("b", "B")], correct: ["b"])),
            ("items/text.xml", QuizBuilder.textEntryItem("text")),
        ]
        let test = QuizBuilder.test("T", version: version, items: [("second", "../items/two.xml"), ("first", "../items/one.xml"), ("text", "../items/text.xml")])
        let manifest = QuizBuilder.manifest([("imsqti_item_xmlv2p1", "items/one.xml"), ("imsqti_item_xmlv2p1", "items/two.xml"), ("imsqti_test_xmlv2p1", "tests/test.xml")])
        try QuizBuilder.zip([("imsmanifest.xml", manifest), ("tests/test.xml", test)] + items, to: directory.path + "/package.zip")
        let key = try KeyReader.read(path: directory.path + "/package.zip")
        #expect(key.items.map(\.id) == ["second", "first"])
        #expect(key.warnings.map(\.code) == ["mcq.key.unsupported_interaction"])

        let itemsOnly = QuizBuilder.manifest([("imsqti_item_xmlv2p1", "items/two.xml"), ("imsqti_item_xmlv2p1", "items/one.xml")])
        try QuizBuilder.zip([("imsmanifest.xml", itemsOnly)] + items, to: directory.path + "/items.zip")
        #expect(try KeyReader.read(path: directory.path + "/items.zip").items.map(\.id) == ["two", "one"])

        // An unzipped package: the test reads its items from under the manifest's folder.
        try QuizBuilder.files([("disk/tests/test.xml", test)] + items.map { ("disk/" + $0.0, $0.1) }, in: directory.path)
        #expect(throws: DocumentError.self) { try KeyReader.read(path: directory.path + "/disk/tests/test.xml") }
        try QuizBuilder.files([("disk/imsmanifest.xml", manifest)], in: directory.path)
        #expect(try KeyReader.read(path: directory.path + "/disk/tests/test.xml").items.map(\.id) == ["second", "first"])
        #expect(try KeyReader.read(path: directory.path + "/disk/imsmanifest.xml").items.map(\.id) == ["second", "first"])
    }

    @Test func referencesMayNotLeaveThePackage() throws {
        let directory = try TemporaryDirectory()
        let escaping = QuizBuilder.test("T", items: [("x", "../../../etc/passwd")])
        try QuizBuilder.zip([("imsmanifest.xml", QuizBuilder.manifest([("imsqti_test_xmlv2p1", "test.xml")])), ("test.xml", escaping)], to: directory.path + "/evil.zip")
        #expect(throws: DocumentError.self) { try KeyReader.read(path: directory.path + "/evil.zip") }
        try QuizBuilder.files([("t/test.xml", QuizBuilder.test("T", items: [("x", "/etc/passwd")]))], in: directory.path)
        #expect(throws: DocumentError.self) { try KeyReader.read(path: directory.path + "/t/test.xml") }
        try QuizBuilder.zip([("readme.txt", "not a package")], to: directory.path + "/plain.zip")
        #expect(throws: DocumentError.self) { try KeyReader.read(path: directory.path + "/plain.zip") }
    }

    @Test func htmlIsReducedToText() {
        #expect(HTMLText.plain("<p>A&nbsp;&amp;&#160;B</p><p>C &lt; D &#x41;</p>") == "A & B C < D A")
        #expect(HTMLText.plain("x < 2 & y > 1") == "x < 2 & y > 1")
        #expect(HTMLText.plain("<style>p{}</style><!-- note --><SCRIPT>evil()</SCRIPT>ok") == "ok")
        #expect(HTMLText.plain("unclosed <script>evil()") == "unclosed")
    }
}
