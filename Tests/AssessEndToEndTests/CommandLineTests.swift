import AssessCore
import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Runs the built `assess` executable as a user would.
struct CLI {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL = {
        // The test bundle sits beside the products SwiftPM built.
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = directory.appendingPathComponent("assess")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: Corpus.packageRoot + "/.build/debug/assess")
    }()

    static func run(_ arguments: [String]) throws -> Outcome {
        let outcome = try ChildProcessRunner.run(executable, arguments)
        return Outcome(status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self), stderr: String(decoding: outcome.stderr, as: UTF8.self))
    }
}

/// Every file under `root`, relative path to bytes; the ledger (an audit trail with the
/// time of each run, not an output) is left out.
func snapshot(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        if relative.hasPrefix("ledger.sqlite") { continue }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
    }
    return files
}

/// run.json without its one timing figure.
func withoutTimings(_ data: Data?) throws -> Data {
    var object = try JSONSerialization.jsonObject(with: data ?? Data()) as? [String: Any] ?? [:]
    object["elapsed_seconds"] = nil
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

@Suite(.serialized) struct SamplesEndToEndTests {
    static let samples = Corpus.packageRoot + "/samples/course"

    @Test func runOnSamplesIsCompleteAndDeterministicWhateverTheJobs() throws {
        let directory = try TemporaryDirectory()
        let first = try CLI.run(["run", Self.samples, "--out", directory.path + "/one", "--jobs", "1"])
        let second = try CLI.run(["run", Self.samples, "--out", directory.path + "/two", "--jobs", "3"])
        // The samples hold a broken file and over-length essays on purpose: exit status 1.
        #expect(first.status == 1, "\(first.stderr)")
        #expect(second.status == 1)
        #expect(first.stderr.contains("hs-process-evaluation C1009 document.unreadable"))
        let one = try snapshot(directory.path + "/one"), two = try snapshot(directory.path + "/two")
        #expect(one.keys.sorted() == two.keys.sorted())
        for (name, bytes) in one where name != "run.json" {
            #expect(bytes == two[name], "\(name) differs between --jobs 1 and --jobs 3")
        }
        #expect(try withoutTimings(one["run.json"]) == withoutTimings(two["run.json"]))
        #expect(one.keys.filter { $0.hasPrefix("feedback/") }.count == 14)

        // A re-run over the same folder writes the same bytes.
        let again = try CLI.run(["run", Self.samples, "--out", directory.path + "/one"])
        #expect(again.status == 1)
        let rerun = try snapshot(directory.path + "/one")
        for (name, bytes) in one where name != "run.json" { #expect(bytes == rerun[name], "\(name) changed on re-run") }
    }

    @Test func wordCountsMatchTheGeneratorsIntendedFigures() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", Self.samples, "--out", directory.path])
        let csv = try String(contentsOfFile: directory.path + "/hs-process-evaluation/results.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let words = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[3]) })
        // Figures printed by samples/make_samples.py, which counts its own text independently.
        let expected = ["C1001": "2419", "C1002": "2313", "C1003": "2179", "C1004": "2469", "C1005": "3104", "C1006": "2451",
                        "C1007": "", "C1008": "2384", "C1009": "", "C1010": "2311", "C1011": "2591", "C1012": "2366", "C1013": "", "C1014": "2190"]
        #expect(words == expected)
        let status = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], ($0[1], $0[5], $0.last ?? "")) })
        #expect(status["C1005"]?.1 == "yes")
        #expect(status["C1009"]?.0 == "unreadable")
        #expect(status["C1009"]?.2 == "document.unreadable")
        #expect(status["C1011"]?.2 == "wordcount.within_tolerance")
        #expect(status["C1007"]?.0 == "not_submitted")
        // The Moodle download was matched to the roster.
        let briefing = try String(contentsOfFile: directory.path + "/hit-briefing-paper/results.csv", encoding: .utf8)
        #expect(briefing.contains("C1002,processed,Zoe Muller briefing paper.docx,1792,1500,yes,10 marks deducted"))
    }

    /// The dissertation, presentation and journal samples give the findings
    /// samples/README.md promises (figures from make_samples.py's own count).
    @Test func kindSpecificSamplesGiveTheirIntendedFindings() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", Self.samples, "--out", directory.path])
        func rows(_ assessment: String) throws -> [String: [String: String]] {
            let lines = try String(contentsOfFile: directory.path + "/\(assessment)/results.csv", encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var result: [String: [String: String]] = [:]
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                result[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
            }
            return result
        }
        let dissertation = try rows("msc-dissertation")
        #expect(dissertation["C1002"]?["findings"] == "")
        #expect(dissertation["C1005"]?["missing_parts"] == "discussion")
        #expect(dissertation["C1009"]?["abstract_words"] == "392")
        #expect(dissertation["C1009"]?["citations"] == "77")
        #expect(dissertation["C1012"]?["cited_not_listed"] == "3")
        #expect(dissertation["C1012"]?["listed_not_cited"] == "2")
        let talk = try rows("ltc-group-presentation")
        #expect(talk["C1006"]?["notes_words"] == "3244")
        #expect(talk["C1006"]?["findings"]?.contains("presentation.over_time") == true)
        #expect(talk["C1010"]?["dense_slides"] == "2")
        #expect(talk.values.allSatisfy { $0["status"] == "processed" })
        let journal = try rows("ltc-reflective-journal")
        #expect(journal["C1003"]?["findings"] == "")
        #expect(journal["C1006"]?["longest_gap_days"] == "70")
        #expect(journal["C1008"]?["findings"] == "journal.entry_after_deadline")
        #expect(journal["C1010"]?["findings"] == "journal.too_few_entries")
        #expect(journal["C1014"]?["findings"] == "journal.short_entry")
    }

    @Test func archivesHoldTheirOwnCandidateOnlyAndVerify() throws {
        let directory = try TemporaryDirectory()
        // --draft: hs-process-evaluation's marks are not all agreed; drafts must be as private as releases.
        _ = try CLI.run(["run", Self.samples, "--out", directory.path, "--draft"])
        let roster = try String(contentsOfFile: Self.samples + "/roster.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for row in roster {
            let archive = try ZipArchive(path: directory.path + "/feedback/\(row[0]).zip")
            let assessments = ["hit-briefing-paper", "hs-process-evaluation", "ltc-group-presentation", "ltc-reflective-journal", "msc-dissertation"]
            var expectedEntries = ["index.html"]
            for id in assessments {
                for ext in ["html", "json", "txt"] { expectedEntries.append("\(id)/feedback.\(ext)") }
            }
            expectedEntries.append("MANIFEST.sha256")
            #expect(archive.entries.map(\.name) == expectedEntries)
            var manifest = ""
            var contents: [String: [UInt8]] = [:]
            for entry in archive.entries { contents[entry.name] = try archive.read(entry.name) }
            manifest = String(decoding: contents["MANIFEST.sha256"] ?? [], as: UTF8.self)
            for line in manifest.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                let name = parts[1].trimmingCharacters(in: .whitespaces)
                #expect(SHA256.hex(contents[name] ?? []) == parts[0], "\(row[0]) \(name)")
            }
            for other in roster where other[0] != row[0] {
                for (name, bytes) in contents {
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(!text.contains(other[1]), "\(row[0]).zip \(name) holds \(other[1])")
                    #expect(!text.contains(other[0]), "\(row[0]).zip \(name) holds \(other[0])")
                }
            }
        }
        let json = try ZipArchive(path: directory.path + "/feedback/C1005.zip").read("hs-process-evaluation/feedback.json")
        let feedback = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let result = feedback?["result"] as? [String: Any]
        let processors = result?["processors"] as? [[String: Any]]
        let metrics = processors?.first?["metrics"] as? [String: Any]
        #expect(metrics?["words"] as? Int == 3104)
        #expect(metrics?["over_limit"] as? Bool == true)
        #expect(metrics?["penalty"] as? String == "10 marks deducted")
    }

    @Test func onlyKeepsTheOtherAssessmentsInTheArchives() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", Self.samples, "--out", directory.path + "/full"])
        let full = try snapshot(directory.path + "/full")
        let only = try CLI.run(["run", Self.samples, "--out", directory.path + "/full", "--only", "hs-process-evaluation"])
        #expect(only.status == 1)
        let after = try snapshot(directory.path + "/full")
        for (name, bytes) in full where name.hasPrefix("feedback/") { #expect(bytes == after[name], "\(name)") }
        let unknown = try CLI.run(["run", Self.samples, "--out", directory.path + "/x", "--only", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no assessment 'nope'"))
    }
}

@Suite struct CommandLineContractTests {
    @Test func invalidConfigurationExitsTwoWithLocationsAndWritesNothing() throws {
        let course = try CourseBuilder()
        try course.assessment("essay", "title: Essay\nmodule: M\nkind: written\nprocessors:\n  wordcount:\n    tolerance: lots\n")
        let out = course.path + "/out"
        let outcome = try CLI.run(["run", course.path, "--out", out])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("essay/assessment.yaml:6:16: 'tolerance' must be a percent"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let validate = try CLI.run(["validate", course.path])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("assessment.yaml:6:16"))
    }

    @Test func validateAcceptsTheSamples() throws {
        let outcome = try CLI.run(["validate", SamplesEndToEndTests.samples])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("valid course with 14 candidates, 5 assessments and 6 rubrics"))
    }

    @Test func countJSONHasExactlyTheContractKeys() throws {
        let directory = try TemporaryDirectory()
        var docx = DocxBuilder(body: DocxBuilder.paragraph("Five words in the body.") + DocxBuilder.table(["two words"]))
        docx.footnotes = [DocxBuilder.paragraph("note")]
        let good = try docx.write(in: directory.path)
        let bad = directory.path + "/broken.docx"
        try Data("PK\u{3}\u{4}broken".utf8).write(to: URL(fileURLWithPath: bad))
        let outcome = try CLI.run(["count", "--json", good, bad])
        #expect(outcome.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(Set(array[0].keys) == ["file", "words", "sections", "error", "word_compatible"])
        #expect(Set(array[1].keys) == Set(array[0].keys))
        #expect(array[0]["words"] as? Int == 5)
        #expect(array[0]["word_compatible"] as? Int == 7, "Word counts the table, not the footnote")
        #expect(array[1]["word_compatible"] as? Int == 0)
        #expect(array[0]["error"] is NSNull)
        let sections = try #require(array[0]["sections"] as? [String: Int])
        #expect(sections == ["body": 5, "tables": 2, "captions": 0, "footnotes": 1, "endnotes": 0, "text_boxes": 0, "references": 0, "appendices": 0, "headers_footers": 0])
        #expect((array[1]["error"] as? String)?.contains("damaged") == true)
        let all = try CLI.run(["count", "--json", "--policy", "all", good])
        #expect(all.stdout.contains("\"words\" : 8"))
        #expect(try CLI.run(["count", good]).stdout.contains(": 5 words (by Word's rules: 7)"))
    }

    @Test func helpVersionAndUsage() throws {
        let help = try CLI.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--jobs"))
        #expect(try CLI.run(["--version"]).stdout.hasPrefix("0."))
        #expect(try CLI.run(["count"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }
}
