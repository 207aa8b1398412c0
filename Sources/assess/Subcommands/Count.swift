import ArgumentParser
import AssessCore
import AssessDocuments
import AssessFeedback
import AssessProcessors
import Foundation

extension Assess {
    /// `assess count`: word counts of documents, by part.
    struct Count: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the words of documents, with the figure of each part.",
            discussion: """
                The count follows a policy: 'default' counts the body's headings, paragraphs and \
                lists, and leaves out front matter, references, appendices, tables, captions, \
                footnotes, endnotes, text boxes, headers and footers. Beside it, 'word_compatible' is \
                the count Microsoft Word shows (the whole main text, without text boxes, notes, \
                headers and footers). --json prints an array of \
                {"file","words","sections":{...},"error","word_compatible"}.
                """)

        @Flag(help: "Print JSON instead of text.") var json = false
        @Option(help: "A policy name (default, all) or a YAML file with sections and kinds.") var policy = "default"
        @Option(help: "Files read at once (default: the number of cores).") var jobs: Int?
        @Argument(help: "DOCX, ODT, PPTX, PDF, RTF, Markdown or text files.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one file.") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        }

        func run() async throws {
            let chosen: WordCountPolicy
            if let named = WordCountPolicy.named[policy] {
                chosen = named
            } else if FileManager.default.fileExists(atPath: policy) {
                do { chosen = try WordCountPolicy.load(path: policy) } catch {
                    printError(error.description)
                    throw ExitStatus.invalid
                }
            } else {
                printError("error: --policy must be 'default', 'all' or a YAML file; '\(policy)' is neither")
                throw ExitStatus.invalid
            }
            let counts = await Self.count(files, policy: chosen, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            if json {
                FileHandle.standardOutput.write(Data(try FeedbackJSON.encode(counts)))
            } else {
                for count in counts { print(count.text) }
            }
            if counts.contains(where: { $0.error != nil }) { throw ExitStatus.needsAttention }
        }

        /// Counts files in parallel, keeping the input order.
        static func count(_ files: [String], policy: WordCountPolicy, jobs: Int) async -> [FileCount] {
            await withTaskGroup(of: (Int, FileCount).self) { group in
                var results = [FileCount?](repeating: nil, count: files.count)
                var next = 0
                func start() {
                    let index = next
                    next += 1
                    group.addTask { (index, FileCount(path: files[index], policy: policy)) }
                }
                while next < min(jobs, files.count) { start() }
                while let (index, count) = await group.next() {
                    results[index] = count
                    if next < files.count { start() }
                }
                return results.compactMap { $0 }
            }
        }
    }
}

/// One line of `assess count`.
struct FileCount: Encodable, Sendable {
    let file: String
    let words: Int
    let sections: [String: Int]
    let error: String?
    /// The count Microsoft Word shows for the file (0 when it could not be read).
    let wordCompatible: Int
    private let parts: [WordCountPart: Int]

    init(path: String, policy: WordCountPolicy) {
        file = path
        var parts: [WordCountPart: Int] = [:]
        do {
            let document = try DocumentReader.read(path: path)
            let figures = WordCountFigures(document, policy: policy)
            words = figures.counted
            parts = figures.parts
            wordCompatible = WordCompatibleCount(document).words
            error = nil
        } catch {
            words = 0
            wordCompatible = 0
            self.error = error.description
        }
        self.parts = parts
        sections = Dictionary(uniqueKeysWithValues: WordCountPart.reported.map { ($0.rawValue, parts[$0] ?? 0) })
    }

    enum CodingKeys: String, CodingKey {
        case file, words, sections, error
        case wordCompatible = "word_compatible"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(words, forKey: .words)
        try container.encode(sections, forKey: .sections)
        try container.encode(error, forKey: .error)  // null when read: the key is always there
        try container.encode(wordCompatible, forKey: .wordCompatible)
    }

    var text: String {
        if let error { return "\(file): error: \(error)" }
        let breakdown = WordCountPart.allCases.filter { (parts[$0] ?? 0) > 0 }
            .map { "\($0.label.lowercased()) \(parts[$0] ?? 0)" }.joined(separator: " · ")
        return "\(file): \(words) words (by Word's rules: \(wordCompatible))\n  \(breakdown.isEmpty ? "no text" : breakdown)"
    }
}
