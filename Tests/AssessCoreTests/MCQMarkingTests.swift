import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Writes a test YAML (or any key file) and responses into a temporary folder.
struct MCQFixture {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.path + "/" + name
        try QuizBuilder.files([(name, text)], in: directory.path)
        return path
    }

    func test(_ yaml: String) throws -> MCQTest {
        try MCQTest.load(path: write("test.yaml", yaml))
    }

    /// Marks `csv` against the test; returns the sheets and the summary.
    func mark(_ test: MCQTest, _ csv: String) throws -> (sheets: [MarkedSheet], summary: MCQCohortSummary) {
        var sheets: [MarkedSheet] = []
        let summary = try MCQMarking.mark(responses: write("responses.csv", csv), scheme: MarkingScheme(test)) { sheets.append($0) }
        return (sheets, summary)
    }
}

func chosen(_ letters: String) -> ChosenOptions {
    AnswerSheetReader.letters(ArraySlice(letters.utf8))
}

/// Scores one cell of a one-item test.
func score(_ yaml: String, _ cell: String) throws -> (points: Double, outcome: MarkingScheme.Outcome) {
    let scheme = MarkingScheme(try MCQFixture().test(yaml))
    return scheme.items[0].score(chosen(cell))
}

@Suite struct MCQRuleTests {
    @Test func cellsAreReadAsOptionLetters() {
        #expect(chosen("A") == ChosenOptions([0]))
        #expect(chosen("a") == ChosenOptions([0]))
        #expect(chosen("AC") == ChosenOptions([0, 2]))
        #expect(chosen("A;C") == ChosenOptions([0, 2]))
        #expect(chosen("A,C") == ChosenOptions([0, 2]))
        #expect(chosen("A C") == ChosenOptions([0, 2]))
        #expect(chosen(" ") == .blank)
        #expect(chosen("") == .blank)
        #expect(chosen("X").isInvalid)
        #expect(chosen("1").isInvalid)
        #expect(chosen("A?").isInvalid)
    }

    @Test func singleAnswerByMoodlesRule() throws {
        let key = "items: [B]"
        #expect(try score(key, "B") == (1, .answered))
        #expect(try score(key, "b") == (1, .answered))
        #expect(try score(key, "A") == (0, .answered))
        #expect(try score(key, "") == (0, .blank))
        #expect(try score(key, "AB") == (0, .severalMarks))
        #expect(try score(key, "X") == (0, .invalid))
        #expect(try score(key, "E") == (0, .invalid))  // four options by default: A–D
    }

    @Test func multipleAnswerSumsFractionsClampedToZeroAndOne() throws {
        // Keyed A and C share +100% (50% each); B and D share −100% (−50% each).
        let key = "items: [AC]"
        #expect(try score(key, "AC") == (1, .answered))
        #expect(try score(key, "A") == (0.5, .answered))
        #expect(try score(key, "ABC") == (0.5, .answered))
        #expect(try score(key, "ABCD") == (0, .answered))
        #expect(try score(key, "B") == (0, .answered))  // −0.5, clamped to 0
    }

    @Test func fractionsAndMarksAsWritten() throws {
        let key = "items:\n  - {item: Q1, marks: 2, fractions: {A: 100, B: -50, C: 0}}\n"
        #expect(try score(key, "A") == (2, .answered))
        #expect(try score(key, "B") == (-1, .answered))  // a single-answer fraction may be negative
        #expect(try score(key, "C") == (0, .answered))
    }

    @Test func severalAcceptedKeysScoreTheBest() throws {
        #expect(try score("items:\n  - {answer: B, accept: [D]}\n", "D") == (1, .answered))
        #expect(try score("items:\n  - {answer: B, accept: [D]}\n", "B") == (1, .answered))
        #expect(try score("items:\n  - {answer: B, accept: [D]}\n", "BD") == (0, .severalMarks))
        let multiple = "items:\n  - {answer: AC, accept: [AD]}\n"
        #expect(try score(multiple, "AD") == (1, .answered))
        #expect(try score(multiple, "A") == (0.5, .answered))
    }

    @Test func allOrNothingIsQTIsMatchCorrect() throws {
        let key = "items:\n  - {answer: AC, scoring: all_or_nothing, marks: 2}\n"
        #expect(try score(key, "AC") == (2, .answered))
        #expect(try score(key, "A") == (0, .answered))
        #expect(try score(key, "ACD") == (0, .answered))
    }

    @Test func qtiRulesForQTIKeys() {
        let match = KeyItem(id: "M", options: (0..<4).map { KeyOption(text: "", identifier: "\($0)") }, multipleAnswer: true, marks: 1,
                            scoring: .matchCorrect([ChosenOptions([0, 2])]), sourcePosition: 1)
        let mapping = KeyMapping(values: [1, -2, -2, 1, -2, -1], lowerBound: 0, upperBound: 2)
        let mapped = KeyItem(id: "W", options: (0..<6).map { KeyOption(text: "", identifier: "\($0)") }, multipleAnswer: true, marks: 2,
                             scoring: .mapResponse(mapping), sourcePosition: 2)
        let scheme = MarkingScheme(MCQTest(key: AnswerKey(format: .qti, items: [match, mapped]), title: "QTI", keyFile: "t.xml"))
        #expect(scheme.items[0].score(chosen("AC")) == (1, .answered))
        #expect(scheme.items[0].score(chosen("A")) == (0, .answered))
        #expect(scheme.items[1].score(chosen("AD")) == (2, .answered))   // 1 + 1
        #expect(scheme.items[1].score(chosen("ADF")) == (1, .answered))  // 1 + 1 − 1
        #expect(scheme.items[1].score(chosen("AB")) == (0, .answered))   // 1 − 2, clamped to the lower bound 0
        #expect(scheme.items[1].score(chosen("")) == (0, .blank))
        #expect(scheme.maximum == 3)
        #expect(scheme.semantics.contains("QTI"))
    }

    @Test func negativeMarkingAndTheFloor() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items: [B, B, AC]\nnegative_marking: 25%\nfloor: 0\n")
        let scheme = MarkingScheme(test)
        #expect(scheme.items[0].score(chosen("A")) == (-0.25, .answered))
        #expect(scheme.items[0].score(chosen("")) == (0, .blank))           // a blank costs nothing
        #expect(scheme.items[0].score(chosen("AB")) == (0, .severalMarks))  // flagged for a person, not penalised
        #expect(scheme.items[2].score(chosen("B")) == (0, .answered))       // multiple answer: its own fractions
        var points: [Double] = [], outcomes: [MarkingScheme.Outcome] = []
        let marked = scheme.mark([chosen("A"), chosen("C"), chosen("")], points: &points, outcomes: &outcomes)
        #expect(marked.raw == -0.5)
        #expect(marked.total == 0)
    }

    @Test func voidedItemsAreRemovedOrGivenToAll() throws {
        let test = try MCQFixture().test("""
            items: [B, C, D]
            changes:
              - {item: Q2, void: remove, reason: two right answers}
              - {item: Q3, void: give_all}
            """)
        let scheme = MarkingScheme(test)
        #expect(scheme.maximum == 2)
        var points: [Double] = [], outcomes: [MarkingScheme.Outcome] = []
        let marked = scheme.mark([chosen("B"), chosen("C"), chosen("")], points: &points, outcomes: &outcomes)
        #expect(marked.total == 2)
        #expect(points == [1, 0, 1])
        #expect(MCQReport.resultsRow(candidateID: "C1", total: marked.total, points: points, scheme: scheme) == ["C1", "2", "2", "100.00", "1", "", "1"])
        #expect(scheme.changeRecord == ["Q2 voided: removed from every score and from the maximum (two right answers)", "Q3 voided: full marks given to every candidate"])
    }

    @Test func rekeyedItemsAreMarkedAgainstTheNewKeyAndRecorded() throws {
        let test = try MCQFixture().test("items: [B, C]\nchanges:\n  - {item: Q1, rekey: [A, B], reason: both defensible}\n")
        let scheme = MarkingScheme(test)
        #expect(scheme.items[0].status == .rekeyed)
        #expect(scheme.items[0].score(chosen("A")) == (1, .answered))
        #expect(scheme.items[0].score(chosen("B")) == (1, .answered))
        #expect(scheme.items[0].keyText == "A or B")
        #expect(scheme.changeRecord == ["Q1 re-keyed to A or B (both defensible)"])
    }

    @Test func ownFormatErrorsPointAtTheLine() throws {
        let fixture = try MCQFixture()
        let cases: [(String, Int, String)] = [
            ("items:\n  - {item: Q1, answer: E, options: 4}\n", 2, "only 4 options"),
            ("items: [B]\nchanges:\n  - {item: Q9, void: remove}\n", 3, "not in the key"),
            ("items: [B]\nnegative_marking: 2\n", 2, "negative_marking"),
            ("items:\n  - {item: Q1, answer: B, colour: red}\n", 2, "unknown key 'colour'"),
            ("title: no key\n", 1, "needs a key"),
            ("items: [B, 7]\n", 1, "not an answer"),
        ]
        for (yaml, line, message) in cases {
            do throws(ConfigurationError) {
                _ = try MCQTest.load(path: (try? fixture.write("test.yaml", yaml)) ?? "")
                Issue.record("no error for \(yaml)")
            } catch {
                #expect(error.location?.line == line, "\(error)")
                #expect(error.message.contains(message), "\(error)")
            }
        }
    }

    @Test func csvKeysReadLikeYAMLKeys() throws {
        let fixture = try MCQFixture()
        let csv = try MCQTest.load(path: fixture.write("key.csv", "\u{FEFF}item;answer;accept;options;marks;multiple\r\nQ1;B;D;5;2;no\r\nQ2;AC;;;;yes\r\n"))
        let yaml = try fixture.test("items:\n  - {item: Q1, answer: B, accept: [D], options: 5, marks: 2}\n  - {item: Q2, answer: AC, multiple: true}\n")
        #expect(csv.key.items.map(\.scoring) == yaml.key.items.map(\.scoring))
        #expect(csv.key.items.map(\.marks) == [2, 1])
        #expect(csv.key.items.map(\.options.count) == [5, 4])
        #expect(throws: ConfigurationError.self) { try MCQTest.load(path: fixture.write("bad.csv", "item,answer\nQ1,\n")) }
    }

    /// The same test as our YAML, a Moodle XML export and a QTI package gives the same marks.
    @Test func sameMarksWhateverTheKeyFormat() throws {
        let fixture = try MCQFixture()
        let yaml = try fixture.test("items:\n  - {item: Q1, answer: B, options: 3}\n  - {item: Q2, answer: A, options: 3}\n  - {item: Q3, answer: C, options: 3}\n")
        let moodle = try MCQTest.load(path: fixture.write("key.xml", QuizBuilder.moodleQuiz([
            QuizBuilder.multichoice("Q1", answers: [(0, "a"), (100, "b"), (0, "c")]),
            QuizBuilder.multichoice("Q2", answers: [(100, "a"), (0, "b"), (0, "c")]),
            QuizBuilder.multichoice("Q3", answers: [(0, "a"), (0, "b"), (100, "c")]),
        ])))
        let choices = [("x", "a"), ("y", "b"), ("z", "c")]
        let items = [("Q1", "y"), ("Q2", "x"), ("Q3", "z")].map { ("items/\($0.0).xml", QuizBuilder.item($0.0, choices: choices, correct: [$0.1])) }
        try QuizBuilder.zip([("imsmanifest.xml", QuizBuilder.manifest(items.map { ("imsqti_item_xmlv2p1", $0.0) }))] + items, to: fixture.directory.path + "/key.zip")
        let qti = try MCQTest.load(path: fixture.directory.path + "/key.zip")
        let csv = "candidate_id,Q1,Q2,Q3\nC1,B,A,C\nC2,A,A,\nC3,BC,x,C\nC4,c,a,b\n"
        let marks = try [yaml, moodle, qti].map { test in try fixture.mark(test, csv).sheets.map(\.points) }
        #expect(marks[0] == [[1, 1, 1], [0, 1, 0], [0, 0, 1], [0, 1, 0]])
        #expect(marks[1] == marks[0])
        #expect(marks[2] == marks[0])
    }
}

@Suite struct MCQSheetTests {
    @Test func bomSemicolonsCRLFAndItemNames() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items:\n  - {item: Capital, answer: B}\n  - {item: River, answer: AC}\n")
        let (sheets, summary) = try fixture.mark(test, "\u{FEFF}Student ID;River;Capital;Notes\r\nS1;\"A;C\";b;late\r\n\r\nS2;A C;;\r\n")
        #expect(summary.format == .generic)
        #expect(sheets.map(\.candidateID) == ["S1", "S2"])
        #expect(sheets.map(\.total) == [2, 1])
        #expect(summary.notes.contains { $0.contains("Notes") })
    }

    @Test func headersThatCannotBeMarkedAreErrors() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items: [B, C]")
        #expect(throws: ConfigurationError.self) { try fixture.mark(test, "name,Q1,Q2\nx,A,B\n") }          // no id column
        #expect(throws: ConfigurationError.self) { try fixture.mark(test, "candidate_id,Q1\nC1,A\n") }       // Q2 missing
        #expect(throws: ConfigurationError.self) { try fixture.mark(test, "candidate_id,Q1,Q2\nC1,\"A\n") }  // unclosed quote
        let voided = try fixture.test("items: [B, C]\nchanges:\n  - {item: Q2, void: remove}\n")
        #expect(try fixture.mark(voided, "candidate_id,Q1\nC1,B\n").sheets.map(\.total) == [1])
    }

    @Test func duplicatesAndRowsWithoutIDsAreReported() throws {
        let fixture = try MCQFixture()
        let (sheets, summary) = try fixture.mark(try fixture.test("items: [B]"), "candidate_id,Q1\nC1,B\n,A\nC1,A\nC2,X\n")
        #expect(sheets.map(\.candidateID) == ["C1", "C2"])
        #expect(summary.skipped.map(\.line) == [3, 4])
        #expect(summary.flaggedCount == 1)
        #expect(summary.flagged.first?.outcome == .invalid)
    }

    @Test func moodleResponsesReportMapsTextBackToOptions() throws {
        let fixture = try MCQFixture()
        let key = try MCQTest.load(path: fixture.write("key.xml", QuizBuilder.moodleQuiz([
            QuizBuilder.multichoice("Capital", answers: [(0, "Leeds"), (100, "<p>London</p>"), (0, "York")]),
            QuizBuilder.multichoice("Cities", answers: [(50, "Bath"), (-100, "Paris"), (50, "Hull")], single: false),
            QuizBuilder.trueFalse("Flat", answer: false),
        ])))
        let csv = """
            Surname,First name,Email address,State,Started on,Completed,Time taken,Grade/3.00,Response 1,Response 2,Response 3
            Lovelace,Ada,ada@example.ac.uk,Finished,1 May 2027 10:00 AM,1 May 2027 10:20 AM,20 mins,3.00,London,Bath; Hull,False
            Babbage,Charles,cb@example.ac.uk,Finished,1 May 2027 10:00 AM,1 May 2027 10:20 AM,20 mins,0.50,Leeds,Bath,-
            Turing,Alan,at@example.ac.uk,In progress,1 May 2027 10:00 AM,-,-,-,London,,
            Hopper,Grace,gh@example.ac.uk,Finished,1 May 2027 10:00 AM,1 May 2027 10:20 AM,20 mins,0.00,Manchester,Hull; Paris,True

            """
        let (sheets, summary) = try fixture.mark(key, csv)
        #expect(summary.format == .moodleResponses)
        #expect(sheets.map(\.candidateID) == ["ada@example.ac.uk", "cb@example.ac.uk", "gh@example.ac.uk"])
        #expect(sheets.map(\.name) == ["Ada Lovelace", "Charles Babbage", "Grace Hopper"])
        #expect(sheets.map(\.total) == [3, 0.5, 0])
        #expect(sheets[2].outcomes[0] == .invalid)  // "Manchester" is no option
        #expect(summary.skipped.map(\.line) == [4])
    }

    @Test func zipGradeVersionsAreMappedOrSkipped() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items: [D, B, C]\nkey_versions:\n  \"2\": [2, 3, 1]\n")
        var header = "QuizName,QuizClass,FirstName,LastName,StudentID,CustomID,Earned Points,Possible Points,PercentCorrect,QuizCreated,DataExported,Key Version"
        for number in 1...3 { header += ",Stu\(number),PriKey\(number),Points\(number),Mark\(number)" }
        let rows = [
            "Unit 4,P2,Walter,Lee,44304,,2,3,66.67,x,y,1,D,D,1,C,B,B,1,C,A,C,0,X",
            "Unit 4,P2,Pat,Cole,77375,,3,3,100,x,y,2,B,B,1,C,C,C,1,C,D,D,1,C",
            "Unit 4,P2,Una,Known,11111,,0,3,0,x,y,3,A,A,1,C,A,A,1,C,A,A,1,C",
            "Unit 4,P2,Bo,Both,22222,,0,3,0,x,y,1,BD,D,0,X,,B,0,X,c,C,1,C",
        ]
        let (sheets, summary) = try fixture.mark(test, ([header] + rows).joined(separator: "\n") + "\n")
        #expect(summary.format == .zipGrade)
        #expect(sheets.map(\.candidateID) == ["44304", "77375", "22222"])
        #expect(sheets.map(\.total) == [2, 3, 1])
        #expect(sheets[2].outcomes == [.severalMarks, .blank, .answered])
        #expect(summary.skipped.map(\.line) == [4])
    }

    /// Rows longer than the read buffer, quoted fields with line breaks and doubled
    /// quotes across buffer boundaries: the streamed rows equal CSVTable's.
    @Test func streamedRowsEqualTheWholeFileParser() throws {
        let fixture = try MCQFixture()
        var text = "id;note;answer\r\n"
        for index in 0..<40_000 {
            let note = index % 7 == 0 ? "\"line one\nline \"\"two\"\"; end\"" : "plain \(index)"
            text += "C\(index);\(note);\(["A", "b", "\"A;C\"", ""][index % 4])\r\n"
        }
        text += "long;\"" + String(repeating: "x", count: 3 << 20) + "\";A\n"
        let path = try fixture.write("big.csv", text)
        let stream = try CSVStream(path: path)
        var rows: [[String]] = []
        while try stream.next() { rows.append(stream.strings) }
        let table = try CSVTable.parse(text, file: path, maxFieldLength: 4 << 20)
        #expect(rows.count == table.rows.count + 1)
        #expect(rows.first == table.header)
        #expect(Array(rows.dropFirst()) == table.rows.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } })
        #expect(rows.last?[1].count == 3 << 20)
    }

    @Test func manySheetsStreamInOrder() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items: [A, B, C, D, AB]")
        var csv = "candidate_id,Q1,Q2,Q3,Q4,Q5\n"
        for index in 0..<5_000 { csv += "C\(index),\(["A", "B", "C", "D"][index % 4]),B,\(index % 3 == 0 ? "" : "C"),d,\"A,B\"\n" }
        let (sheets, summary) = try fixture.mark(test, csv)
        #expect(sheets.count == 5_000)
        #expect(sheets.first?.candidateID == "C0" && sheets.last?.candidateID == "C4999")
        #expect(summary.analysis.candidates == 5_000)
        #expect(summary.analysis.items[0].facility == 25)
    }
}

/// Moodle's statistics checked against figures worked out by hand.
@Suite struct MCQStatisticsTests {
    /// Five candidates, four one-mark items keyed B, C, A, D. Item marks and totals:
    ///
    ///     C1  1 1 1 1  = 4
    ///     C2  1 1 1 0  = 3
    ///     C3  1 0 1 1  = 3
    ///     C4  0 1 0 0  = 1
    ///     C5  1 0 0 0  = 1      (Q2 "A,C": several marks, 0; Q4 "X": invalid, 0)
    static let responses = "candidate_id,Q1,Q2,Q3,Q4\nC1,B,C,A,D\nC2,B,C,A,B\nC3,B,A,A,D\nC4,A,C,B,B\nC5,b,\"A,C\",,X\n"

    @Test func figuresMatchTheHandCalculation() throws {
        let fixture = try MCQFixture()
        let analysis = try fixture.mark(try fixture.test("items: [B, C, A, D]"), Self.responses).summary.analysis
        func close(_ value: Double?, _ expected: Double, _ label: String) {
            #expect(abs((value ?? .nan) - expected) < 0.005, "\(label): \(String(describing: value)) ≠ \(expected)")
        }
        // Totals 4, 3, 3, 1, 1: mean 2.4 = 60%; deviations 1.6, .6, .6, −1.4, −1.4; Σd² = 7.2;
        // variance 7.2/4 = 1.8; SD √1.8 = 1.3416 = 33.54% of 4.
        close(analysis.mean, 60, "mean")
        close(analysis.sd, 33.541, "sd")
        close(analysis.median, 75, "median")
        // Item variances (s − 1 = 4): Q1 0.8/4 = .2; Q2, Q3, Q4 1.2/4 = .3; Σ = 1.1.
        // CIC = 100 · 4/3 · (1 − 1.1/1.8) = 51.852; error ratio = 100 · √(1 − .51852) = 69.389;
        // standard error = 69.389% · 1.3416 = 0.9310 marks = 23.274% of 4.
        close(analysis.cic, 51.852, "cic")
        close(analysis.errorRatio, 69.389, "error ratio")
        close(analysis.standardError, 23.274, "standard error")
        // Q1: x = 1 1 1 0 1 (mean .8), rest = 3 2 2 1 0 (mean 1.6). dx = .2 .2 .2 −.8 .2,
        // dr = 1.4 .4 .4 −.6 −1.6: Σdx·dr = .6, cov .15; var x .2, var rest 5.2/4 = 1.3.
        // DI = .15/√(.2 · 1.3) = 29.42%. Sorted x 0 1 1 1 1 with sorted rest 0 1 2 2 3:
        // Σ = (−.8)(−1.6) + .2(−.6 + .4 + .4 + 1.4) = 1.6, cov_max .4, DE = .15/.4 = 37.5%.
        let q1 = analysis.items[0]
        close(q1.facility, 80, "Q1 facility")
        close(q1.sd, 44.721, "Q1 sd")
        close(q1.discriminationIndex, 29.417, "Q1 DI")
        close(q1.discriminativeEfficiency, 37.5, "Q1 DE")
        // Q2: x = 1 1 0 1 0 (mean .6), rest = 3 2 3 0 1 (mean 1.8); Σdx·dr = −.4, cov −.1;
        // var x .3, var rest 6.8/4 = 1.7; DI = −.1/√.51 = −14.00%. Sorted pairs: x 0 0 1 1 1,
        // rest 0 1 2 3 3: Σ = 1.08 + .48 + .08 + .48 + .48 = 2.6, cov_max .65, DE = −15.38%.
        let q2 = analysis.items[1]
        close(q2.facility, 60, "Q2 facility")
        close(q2.discriminationIndex, -14.003, "Q2 DI")
        close(q2.discriminativeEfficiency, -15.385, "Q2 DE")
        #expect(q2.flags.contains("negative_discrimination"))
        // Q2's options: A chosen by C3 and C5 (40%), C by C1, C2, C4, C5 (80%).
        #expect(q2.optionShares == [40, 0, 80, 0])
        #expect(q2.invalidShare == 20)
        #expect(q2.flags.contains("unchosen_distractor:B") && q2.flags.contains("unchosen_distractor:D"))
        // Q4's invalid cell counts as invalid, not as a choice.
        #expect(analysis.items[3].optionShares == [0, 40, 0, 40])
        #expect(analysis.distribution == [0, 0, 2, 0, 0, 0, 0, 2, 0, 1])
        // The summary's contract keys.
        #expect(Set(MCQReport.summary(analysis).keys) == ["candidates", "questions", "mean", "sd", "cic", "error_ratio", "standard_error"])
    }

    /// Marks on a grain (counted) and marks that are not (sorted) give the same figures:
    /// facility, discrimination and efficiency do not depend on the scale of the marks.
    @Test func countingAndSortingTheRestAgree() throws {
        let fixture = try MCQFixture()
        var csv = "candidate_id,Q1,Q2,Q3,Q4\n"
        let answers = ["A", "B", "C", "D", "", "AB"]
        for index in 0..<300 { csv += "C\(index),\(answers[index % 6]),\(answers[(index / 2) % 6]),\(answers[(index / 3) % 5]),\(answers[(index * 7) % 6])\n" }
        let whole = try fixture.mark(try fixture.test("items: [A, B, AC, D]"), csv).summary.analysis
        let odd = try fixture.mark(try fixture.test("items:\n" + ["A", "B", "AC", "D"].map { "  - {answer: \($0), marks: 0.1234567}\n" }.joined()), csv).summary.analysis
        for (a, b) in zip(whole.items, odd.items) {
            for (x, y) in [(a.facility, b.facility), (a.discriminationIndex, b.discriminationIndex), (a.discriminativeEfficiency, b.discriminativeEfficiency)] {
                #expect(abs((x ?? .nan) - (y ?? .nan)) < 1e-6, "\(a.id): \(String(describing: x)) vs \(String(describing: y))")
            }
        }
        #expect(abs((whole.cic ?? .nan) - (odd.cic ?? .nan)) < 1e-6)
    }

    @Test func undefinedWhereMoodleLeavesCellsEmpty() throws {
        let fixture = try MCQFixture()
        let test = try fixture.test("items: [A, B]")
        let one = try fixture.mark(test, "candidate_id,Q1,Q2\nC1,A,B\n").summary.analysis
        #expect(one.sd == nil && one.cic == nil && one.items[0].sd == nil && one.items[0].discriminationIndex == nil)
        let same = try fixture.mark(test, "candidate_id,Q1,Q2\nC1,A,B\nC2,A,B\nC3,A,B\n").summary.analysis
        #expect(same.items[0].facility == 100)
        #expect(same.items[0].discriminationIndex == nil)  // no variance
        #expect(same.cic == nil)
        #expect(MCQReport.itemAnalysisRows(same)[0][3] == "")
    }

    @Test func topThirdChoosingADistractorIsFlagged() throws {
        let fixture = try MCQFixture()
        // Q1's key is A, but the three strongest candidates (by Q2–Q4) choose B.
        var csv = "candidate_id,Q1,Q2,Q3,Q4\n"
        for index in 0..<3 { csv += "T\(index),B,A,A,A\n" }
        for index in 0..<6 { csv += "W\(index),A,B,\(index % 2 == 0 ? "A" : "B"),B\n" }
        let item = try fixture.mark(try fixture.test("items: [A, A, A, A]"), csv).summary.analysis.items[0]
        #expect(item.topThirdShares[1] == 100)
        #expect(item.flags.contains("distractor_beats_key:B"))
        #expect(item.flags.contains("negative_discrimination"))
    }
}
