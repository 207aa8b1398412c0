import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Every archive of a run on the samples holds its own candidate only: no other
/// candidate's name, id, or words quoted from their submission.
@Suite struct ArchivePrivacyTests {
    @Test func noArchiveHoldsAnotherCandidatesNameIdOrText() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["run", SamplesEndToEndTests.samples, "--out", directory.path])
        let roster = try String(contentsOfFile: SamplesEndToEndTests.samples + "/roster.csv", encoding: .utf8)
        let candidates = roster.split(separator: "\n").dropFirst().map { line -> (id: String, name: String) in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields[1]))
        }
        #expect(candidates.count == 14)
        var texts: [String: [String]] = [:]
        for candidate in candidates {
            let archive = try ZipArchive(path: directory.path + "/feedback/\(candidate.id).zip")
            texts[candidate.id] = try archive.entries.map { String(decoding: try archive.read($0.name), as: UTF8.self) }
        }
        // Words quoted from a submission ("where the limit fell") are that candidate's text.
        func quotes(_ id: String) -> [String] {
            (texts[id] ?? []).flatMap { text in text.components(separatedBy: "“").dropFirst().compactMap { $0.components(separatedBy: "”").first } }
                .filter { $0.count > 12 }
        }
        #expect(candidates.contains { !quotes($0.id).isEmpty }, "the samples quote some submissions' text")
        for own in candidates {
            let joined = (texts[own.id] ?? []).joined(separator: "\n")
            #expect(joined.contains(own.id))
            for other in candidates where other.id != own.id {
                #expect(!joined.contains(other.id), "\(own.id)'s archive holds \(other.id)")
                #expect(!joined.contains(other.name) && !joined.contains(other.name.replacingOccurrences(of: "'", with: "&#39;")), "\(own.id)'s archive names \(other.name)")
                // The samples reuse sentences: a quote that is part of one's own is one's own text too.
                for quote in quotes(other.id) where !quotes(own.id).contains(where: { $0.contains(quote) || quote.contains($0) }) {
                    #expect(!joined.contains(quote), "\(own.id)'s archive quotes \(other.id)'s text")
                }
            }
        }
    }
}
