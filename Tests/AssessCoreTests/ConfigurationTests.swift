import AssessCore
import AssessTestSupport
import Foundation
import Testing

/// A processor for Core's own tests: counts documents, fails on "boom".
struct ProbeProcessor: Processor {
    static let description = ProcessorDescription(identifier: "probe", name: "Probe", summary: "Counts documents.")
    let flag: Bool
    init(configuration: ProcessorConfiguration) throws(ConfigurationError) {
        try configuration.fields.allowOnly(["flag"])
        flag = try configuration.fields.bool("flag") ?? false
    }
    func process(_ submission: SubmissionContent) throws -> ProcessorResult {
        if submission.documents.contains(where: { $0.text.blocks.contains { $0.text.contains("boom") } }) {
            struct Boom: Error {}
            throw Boom()
        }
        let findings = flag ? [Finding("probe.flag", .attention, "Flagged.")] : []
        let metrics: [String: JSONValue] = [
            "documents": .int(submission.documents.count),
            "candidate": submission.candidate.map { .string($0.id) } ?? .null,
            "group_members": .array(submission.groupMembers.map { .string($0.id) }),
        ]
        return ProcessorResult(processor: "probe", metrics: metrics,
                               columns: [.init("documents", String(submission.documents.count))], findings: findings)
    }
}

let probeRegistry = ProcessorRegistry([ProbeProcessor.self])

@Suite struct ConfigurationTests {
    @Test func malformedYAMLPointsAtLineAndColumn() {
        #expect {
            try YAMLLoader.parse("title: ok\nprocessors: [a, b\nmodule: x\n", file: "a.yaml")
        } throws: { error in
            let location = (error as? ConfigurationError)?.location
            return location?.file == "a.yaml" && (location?.line ?? 0) >= 2
        }
    }

    @Test func duplicateKeysAreErrors() {
        #expect(throws: ConfigurationError.self) { try YAMLLoader.parse("a: 1\na: 2\n", file: "d.yaml") }
    }

    @Test func valuesKeepTheirLocations() throws {
        let value = try YAMLLoader.parse("outer:\n  limit: 2500\n  tolerance: 10%\n", file: "x.yaml")
        let limit = try #require(value["outer"]?["limit"])
        #expect(limit.kind == .int(2500))
        #expect(limit.location == SourceLocation(file: "x.yaml", line: 2, column: 10))
        #expect(value["outer"]?["tolerance"]?.kind == .string("10%"))
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let fields = try ConfigFields(YAMLLoader.parse("titel: x\n", file: "a.yaml"), context: "assessment.yaml")
        #expect {
            try fields.allowOnly(["title", "module"])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("a.yaml:1:1: unknown key 'titel'") && text.contains("did you mean 'title'")
        }
    }

    @Test func courseLoadsWithProcessors() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M1\nkind: written\nword_limit: 100\ndeadline: 2027-01-15T12:00:00Z\nprocessors:\n  probe: {flag: true}\n")
        let loaded = try CourseLoader(registry: probeRegistry).load(directory: course.path)
        #expect(loaded.candidates.map(\.id) == ["C1", "C2", "C3"])
        #expect(loaded.candidates[1].name == "Zoë Müller")
        #expect(loaded.assessments.first?.assessment.wordLimit == 100)
        #expect(loaded.assessments.first?.processors.count == 1)
        #expect(loaded.bands == Band.ukPostgraduate)
        #expect(loaded.band(for: 69.5)?.name == "Merit")
    }

    @Test func everyConfigurationErrorIsListedWithItsPlace() throws {
        let course = try CourseBuilder(courseYAML: "cohort: 2026\nbands:\n  Pass: 40\n  Distinction: 70\n")
        try course.write("roster.csv", "candidate_id,name\nC1,Ada\nC1,Again\n")
        try course.assessment("bad", "title: Essay\nmodule: M1\nkind: written\nprocessors:\n  prob: {}\n")
        try course.assessment("worse", "title: Essay\nmodule: M1\nkind: essay\nprocessors:\n  probe: {}\n")
        #expect {
            try CourseLoader(registry: probeRegistry).load(directory: course.path)
        } throws: { error in
            let lines = (error as? ConfigurationErrors)?.errors.map(\.description) ?? []
            return lines.count == 4
                && lines[0].contains("course.yaml:1:1: course.yaml needs 'programme'")
                && lines[1].contains("roster.csv:3:1: candidate_id 'C1' appears again (first on line 2)")
                && lines[2].contains("bad/assessment.yaml:5:3: unknown processor 'prob'; did you mean 'probe'?")
                && lines[3].contains("worse/assessment.yaml:3:7: 'kind' must be one of")
        }
    }

    @Test func bandsMustDescendToZero() throws {
        let course = try CourseBuilder(courseYAML: "programme: P\ncohort: C\nbands:\n  Pass: 40\n  Distinction: 70\n  Fail: 0\n")
        try course.assessment("a", "title: T\nmodule: M\nkind: written\nprocessors:\n  probe: {}\n")
        #expect {
            try CourseLoader(registry: probeRegistry).load(directory: course.path)
        } throws: { error in
            "\(error)".contains("course.yaml:5:3: bands must be listed from highest to lowest")
        }
    }

    @Test func rosterRejectsUnsafeIDs() throws {
        let course = try CourseBuilder()
        try course.write("roster.csv", "name,candidate_id\nAda,../etc\n")
        #expect {
            try CourseLoader.roster(path: course.path + "/roster.csv")
        } throws: { error in
            "\(error)".hasSuffix("roster.csv:2:5: candidate_id '../etc' may hold only letters, digits, '.', '_' and '-' (it names files)")
        }
    }
}

@Suite struct CSVTests {
    @Test func spreadsheetDialects() throws {
        let table = try CSVTable.parse("\u{FEFF}id;name;note\r\n1;\"Smith; Jo\";\"said \"\"hi\"\"\nthen left\"\r\n2;Ng;\r\n", file: "r.csv")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows.map(\.fields) == [["1", "Smith; Jo", "said \"hi\"\nthen left"], ["2", "Ng", ""]])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[1].columns == [1, 3, 6])
    }

    @Test func unterminatedQuoteIsAnErrorAtItsLine() {
        #expect(throws: ConfigurationError("a quoted field is never closed; add the closing \"", at: SourceLocation(file: "r.csv", line: 2))) {
            try CSVTable.parse("a,b\n1,\"open\n2,3\n", file: "r.csv")
        }
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func longInputAcrossBlocks() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
