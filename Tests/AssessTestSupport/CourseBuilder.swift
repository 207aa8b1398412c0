import AssessDocuments
import Foundation

/// Writes a course folder for tests: course.yaml, roster.csv and assessments.
public struct CourseBuilder {
    /// The course folder.
    public let path: String
    private let directory: TemporaryDirectory

    /// Creates a course with `candidates` (id, name, lms id) and the given course.yaml.
    public init(candidates: [(String, String, String)] = [("C1", "Ada Lovelace", "101"), ("C2", "Zoë Müller", "102"), ("C3", "Siobhán O'Brien", "103")],
                courseYAML: String = "programme: Test programme\ncohort: \"2026-27\"\nanonymous: true\n") throws {
        directory = try TemporaryDirectory()
        path = directory.path + "/course"
        try FileManager.default.createDirectory(atPath: path + "/assessments", withIntermediateDirectories: true)
        try write("course.yaml", courseYAML)
        let rows = candidates.map { "\($0.0),\"\($0.1)\",\($0.0.lowercased())@example.ac.uk,G1,\($0.2)" }
        try write("roster.csv", (["candidate_id,name,email,group,lms_id"] + rows).joined(separator: "\n") + "\n")
    }

    /// Writes a file under the course folder, creating folders as needed.
    public func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Writes raw bytes under the course folder.
    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Adds an assessment with the given YAML.
    public func assessment(_ id: String, _ yaml: String) throws {
        try write("assessments/\(id)/assessment.yaml", yaml)
    }

    /// Adds a DOCX submission for a candidate.
    public func submit(_ assessment: String, _ candidate: String, _ docx: DocxBuilder, name: String = "essay.docx") throws {
        let folder = path + "/assessments/\(assessment)/submissions/\(candidate)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try docx.write(to: folder + "/" + name)
    }

    /// A DOCX whose body holds `words` words in paragraphs of 50.
    public static func essay(words: Int, seed: String = "care") -> DocxBuilder {
        var paragraphs: [String] = [DocxBuilder.paragraph("Introduction", style: "Heading1")]
        var remaining = words - 1
        while remaining > 0 {
            let count = min(50, remaining)
            paragraphs.append(DocxBuilder.paragraph((0..<count).map { "\(seed)\($0)" }.joined(separator: " ")))
            remaining -= count
        }
        paragraphs.append(DocxBuilder.paragraph("References", style: "Heading1"))
        paragraphs.append(DocxBuilder.paragraph("Smith, J. (2020) Not counted in the body."))
        return DocxBuilder(body: paragraphs.joined())
    }
}
