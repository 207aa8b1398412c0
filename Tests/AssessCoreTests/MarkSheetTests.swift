import AssessCore
import AssessTestSupport
import Foundation
import Testing

@Suite struct MarkSheetTests {
    let reader = MarkSheetReader(rubric: twoCriteria, scripts: ["C1", "C2", "C3"])
    let header = "candidate_id,marker,role,words,flags,analysis,analysis_comment,writing,writing_comment,overall_comment"

    func read(_ rows: String, file: String = "marks/AB.csv") throws -> (records: [MarkRecord], errors: [String]) {
        let (records, errors) = reader.readCSV(try CSVTable.parse(header + "\n" + rows, file: file), file: file)
        return (records, errors.map(\.description))
    }

    @Test func aFilledSheetGivesMarksWithTheirRows() throws {
        let (records, errors) = try read("""
            C1,AB,first,2400,,Merit,Clear.,7,#structure; Good sources.,Well done.
            C2,AB,first,2300,,,,,,
            C3,AB,second,2500,,distinction ,,"9,5",,
            """)
        #expect(errors == [])
        #expect(records.map(\.script) == ["C1", "C3"])  // C2 is not marked yet
        #expect(records[0].mark == 73)
        #expect(records[0].selections[1].comment == "Signpost the argument. Good sources.")
        #expect(records[0].source == SheetRow(file: "marks/AB.csv", row: 2))
        #expect(records[1].selections.map(\.points) == [4, 9.5])
        #expect(records[1].selections[0].level == "Distinction")
    }

    @Test func malformedRowsAreErrorsAtTheirRowAndColumnAndNothingIsApplied() throws {
        let (records, errors) = try read("""
            C1,AB,first,2400,,Excelent,,7,,
            C2,AB,first,2300,,Merit,,11,,
            C9,AB,first,2300,,Merit,,5,,
            C1,AB,first,2400,,Pass,,6,,
            C3,AB,fourth,2400,,Pass,,6,,
            C3,AB,second,2400,,Pass,,6,#nope,
            C2,,second,2400,,Pass,,six,,
            """)
        #expect(records.isEmpty)
        #expect(errors == [
            "marks/AB.csv:2:6: 'analysis' (column F): 'Excelent' is not a level of 'analysis'; use one of: Fail, Pass, Merit, Distinction",
            "marks/AB.csv:3:8: 'writing' (column H): the score 11 is outside 0 to 10, the maximum of 'writing'",
            "marks/AB.csv:4:1: 'candidate_id' (column A): 'C9' is not a script of this assessment (unknown candidate or group); check the id",
            "marks/AB.csv:5:1: 'candidate_id' (column A): the first mark of 'C1' is already on line 2; delete one of the rows",
            "marks/AB.csv:6:3: 'role' (column C): 'fourth' is not a role; use first, second or third",
            "marks/AB.csv:7:9: 'writing' is not in the comment bank of 'writing'; use one of: #structure".replacingOccurrences(of: "'writing' is", with: "'#nope' is"),
            "marks/AB.csv:8:2: 'marker' (column B): give the marker's id (letters, digits, '.', '_', '-'), not ''",
            "marks/AB.csv:8:8: 'writing' (column H): 'six' is not a score; give a number from 0 to 10",
        ])
    }

    @Test func headerProblemsAreReportedOnLineOne() throws {
        let table = try CSVTable.parse("candidate_id,marker,role,analysis,writting\nC1,AB,first,Pass,5\n", file: "marks/AB.csv")
        let errors = reader.readCSV(table, file: "marks/AB.csv").errors.map(\.description)
        #expect(errors == [
            "marks/AB.csv:1:5: column 'writting' (column E) is not a criterion of the rubric 'r'; criteria: analysis, writing",
            "marks/AB.csv:1:6: the header has no column for criterion 'writing'; add it",
        ])
    }

    @Test func yamlSheetsReportTheirLineAndColumn() throws {
        let yaml = """
            marker: AB
            scripts:
              - candidate_id: C1
                role: first
                criteria:
                  analysis: {level: Merrit, comment: ""}
                  writing: {score: 7}
              - candidate_id: C2
                role: first
                criteria:
                  analysis: Pass
                  writing: 4
            """
        let (records, errors) = reader.readYAML(try YAMLLoader.parse(yaml, file: "marks/AB.yaml"), file: "marks/AB.yaml")
        #expect(records.isEmpty)
        #expect(errors.map(\.description) == ["marks/AB.yaml:6:25: criterion 'analysis': 'Merrit' is not a level of 'analysis'; use one of: Fail, Pass, Merit, Distinction"])
        let fixed = yaml.replacingOccurrences(of: "Merrit", with: "Merit")
        let good = reader.readYAML(try YAMLLoader.parse(fixed, file: "marks/AB.yaml"), file: "marks/AB.yaml")
        #expect(good.errors.isEmpty)
        #expect(good.records.map(\.mark) == [73, 46])
        #expect(good.records.map(\.source.row) == [3, 8])
    }

    @Test func writtenSheetsReadBackOnceFilled() throws {
        let lines = [MarkSheetLine(script: "C1", role: .first, words: 2400, penalty: "late: −5", flags: ["penalties.late"]),
                     MarkSheetLine(script: "C2", role: .second, words: 1200)]
        let assessment = Assessment(id: "e", title: "Essay", module: "M", kind: .written)
        let csv = MarkSheetFormat.csv(rubric: twoCriteria, marker: "AB", lines: lines, byGroup: false, anonymous: true)
        #expect(csv.hasPrefix("candidate_id,marker,role,words,penalty,flags,analysis,analysis_comment,writing,writing_comment,overall_comment\n"))
        #expect(!csv.contains("name"))
        // Blank, the sheet is valid and gives nothing.
        let blank = reader.readCSV(try CSVTable.parse(csv, file: "AB.csv"), file: "AB.csv")
        #expect(blank.errors.isEmpty && blank.records.isEmpty)
        let filled = csv.replacingOccurrences(of: "C1,AB,first,2400,late: −5,penalties.late,,,,,", with: "C1,AB,first,2400,late: −5,penalties.late,Pass,,6,,")
        #expect(reader.readCSV(try CSVTable.parse(filled, file: "AB.csv"), file: "AB.csv").records.map(\.mark) == [54])

        let yaml = MarkSheetFormat.yaml(rubric: twoCriteria, assessment: assessment, marker: "AB", lines: lines, byGroup: false, anonymous: true)
        let blankYAML = reader.readYAML(try YAMLLoader.parse(yaml, file: "AB.yaml"), file: "AB.yaml")
        #expect(blankYAML.errors.map(\.description) == [] && blankYAML.records.isEmpty)
        let filledYAML = yaml.replacingOccurrences(of: "analysis: {level: \"\", comment: \"\"}", with: "analysis: {level: \"Merit\", comment: \"\"}")
            .replacingOccurrences(of: "writing: {score: \"\", comment: \"\"}", with: "writing: {score: 5, comment: \"#structure\"}")
        #expect(reader.readYAML(try YAMLLoader.parse(filledYAML, file: "AB.yaml"), file: "AB.yaml").records.map(\.mark) == [65, 65])
    }

    @Test func aBadSheetIsLeftOutWhileTheOthersApply() throws {
        let directory = try TemporaryDirectory()
        let marks = directory.path + "/marks"
        try FileManager.default.createDirectory(atPath: marks, withIntermediateDirectories: true)
        try (header + "\nC1,AB,first,,,Merit,,7,,\n").write(toFile: marks + "/AB.csv", atomically: true, encoding: .utf8)
        try (header + "\nC2,CD,first,,,Merit,,7,,\nC3,CD,first,,,Good,,7,,\n").write(toFile: marks + "/CD.csv", atomically: true, encoding: .utf8)
        try (header + "\nC1,EF,first,,,Pass,,7,,\n").write(toFile: marks + "/EF.csv", atomically: true, encoding: .utf8)
        try "candidate_id,mark,reason\nC1,64,\n".write(toFile: marks + "/agreed.csv", atomically: true, encoding: .utf8)
        let book = MarkBook.load(directory: marks, rubric: twoCriteria, scripts: ["C1", "C2", "C3"])
        #expect(book.records.map(\.script) == ["C1"])
        #expect(book.problems.map(\.description) == [
            "\(marks)/CD.csv:3:6: 'analysis' (column F): 'Good' is not a level of 'analysis'; use one of: Fail, Pass, Merit, Distinction",
            "\(marks)/EF.csv:2:1: the first mark of 'C1' is also given in \(marks)/AB.csv row 2; remove it from one of the sheets",
            "\(marks)/agreed.csv:2:3: the agreed mark of 'C1' has no reason (column C); the exam board needs one",
        ])
    }
}

@Suite struct ModerationTests {
    func record(_ script: String, _ marker: String, _ role: MarkingRole, _ mark: Double) -> MarkRecord {
        MarkRecord(script: script, marker: marker, role: role, selections: [], mark: mark, source: SheetRow(file: "s.csv", row: 2))
    }

    @Test func discrepanciesNeedAgreementOrAThirdMarker() {
        let book = MarkBook(records: [
            record("A", "AB", .first, 58), record("A", "CD", .second, 70),  // 12 apart
            record("B", "AB", .first, 61), record("B", "CD", .second, 58),  // 3 apart, Merit and Pass
            record("C", "AB", .first, 64), record("C", "CD", .second, 67),  // fine: mean 65.5
            record("D", "AB", .first, 40), record("D", "CD", .second, 60), record("D", "EF", .third, 52),
            record("E", "AB", .first, 66),
        ], agreed: [AgreedMark(script: "B", mark: 60, reason: "met", source: SheetRow(file: "agreed.csv", row: 2))])
        let allocation = Allocation(entries: ["E": .init(first: "AB", second: "CD")])
        let markings = Moderation.reconcile(book, allocation: allocation, policy: MarkingPolicy())
        #expect(markings["A"]?.resolution == .unresolved)
        #expect(markings["A"]?.finalMark == nil)
        #expect(markings["A"]?.discrepancy == "first mark 58 and second mark 70: they differ by 12, at or over the threshold of 10 and they fall in different bands (Pass and Distinction)")
        #expect(markings["B"]?.resolution == .agreed)
        #expect(markings["B"]?.finalMark == 60)
        #expect(markings["C"]?.finalMark == 65.5)
        #expect(markings["D"]?.resolution == .thirdMarker)
        #expect(markings["D"]?.finalMark == 52)
        #expect(markings["E"]?.awaitingSecond == true)
        // Fails, borderlines, and 10% (rounded up) of the other marked scripts.
        #expect(markings["D"]?.sampleReasons == [])
        let firstOnly = MarkingPolicy(combine: .first)
        #expect(Moderation.reconcile(book, allocation: allocation, policy: firstOnly)["C"]?.finalMark == 64)
    }

    @Test func theSampleHoldsFailsBorderlinesAndAShareAcrossTheRange() {
        let marks: [Double] = [45, 49, 58, 60, 62, 65, 68.4, 69, 72, 75, 80, 55, 52, 63, 66]
        var records: [MarkRecord] = []
        for (index, mark) in marks.enumerated() { records.append(record("S\(index)", "AB", .first, mark)) }
        let book = MarkBook(records: records)
        let markings = Moderation.reconcile(book, allocation: Allocation(), policy: MarkingPolicy(sampleShare: 0.2))
        let sampled = markings.values.filter { !$0.sampleReasons.isEmpty }.sorted { $0.script < $1.script }
        #expect(markings["S0"]?.sampleReasons == ["fail (Fail)"])
        #expect(markings["S1"]?.sampleReasons == ["fail (Fail)", "borderline: within 2 below Pass (50)"])
        #expect(markings["S2"]?.sampleReasons == ["borderline: within 2 below Merit (60)"])
        #expect(markings["S6"]?.sampleReasons == ["borderline: within 2 below Distinction (70)"])  // 68.4 rounds to 68
        #expect(markings["S3"]?.sampleReasons.isEmpty ?? false || markings["S3"]?.sampleReasons.first?.hasPrefix("sample") == true)
        // 20% of 15 is 3 more, drawn from the 10 others, the same on every run.
        #expect(sampled.filter { $0.sampleReasons.first?.hasPrefix("sample") == true }.count == 3)
        let again = Moderation.reconcile(book, allocation: Allocation(), policy: MarkingPolicy(sampleShare: 0.2))
        #expect(again == markings)
    }

    @Test func markerConsistencyAndPairAgreement() throws {
        let book = MarkBook(records: [
            record("A", "AB", .first, 60), record("A", "CD", .second, 64),
            record("B", "AB", .first, 70), record("B", "CD", .second, 72),
            record("C", "AB", .first, 50), record("C", "CD", .second, 61),
        ])
        let (markers, cohort) = Moderation.markerStatistics(book)
        #expect(markers.map(\.marker) == ["AB", "CD"])
        #expect(markers[0].mean == 60)
        #expect(markers[0].standardDeviation == 10)
        #expect(abs((cohort.mean ?? 0) - 62.833333) < 1e-5)
        let pairs = Moderation.pairAgreement(Moderation.reconcile(book, allocation: Allocation(), policy: MarkingPolicy()), policy: MarkingPolicy())
        let pair = try #require(pairs.first)
        #expect(pair.count == 3)
        #expect(abs(pair.meanDifference - (-17.0 / 3)) < 1e-9)
        #expect(abs(pair.sameBand - 2.0 / 3) < 1e-9)
        #expect(abs(pair.withinThreshold - 2.0 / 3) < 1e-9)
        #expect(pair.correlation.map { $0 > 0.9 } == true)
    }
}
