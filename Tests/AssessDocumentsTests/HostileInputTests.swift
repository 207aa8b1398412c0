import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Inputs built to hurt a reader: entity bombs, external entities, deep nesting, zip
/// bombs and archives with too many entries. Each must end quickly in a text or a
/// `DocumentError` that names the limit and the figure found.
@Suite struct HostileInputTests {
    /// A DOCX whose `word/document.xml` is replaced by `xml`.
    func docx(documentXML xml: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/hostile.docx"
        let writer = try ZipWriter(path: path)
        for (name, text) in DocxBuilder(body: "").parts() {
            try writer.add(name, text: name == "word/document.xml" ? xml : text)
        }
        try writer.close()
        return (directory, path)
    }

    static let prologue = "<?xml version=\"1.0\"?>\n"
    static let body = "<w:document xmlns:w=\"\(DocxBuilder.w)\"><w:body><w:p><w:r><w:t>before &lol9; after</w:t></w:r></w:p></w:body></w:document>"

    /// Billion laughs: ten levels of ten references, 10^9 copies if expanded.
    @Test func billionLaughsIsNeitherExpandedNorSlow() throws {
        var dtd = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        dtd += "]>"
        let (directory, path) = try docx(documentXML: Self.prologue + dtd + Self.body)
        _ = directory
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let document = try DocumentReader.read(path: path)
            #expect(document.words() < 10, "the entity was expanded: \(document.words()) words")
        } catch {
            // Refused as an entity bomb, not reported as damage to re-save.
            guard case .unsupportedFormat = error else {
                Issue.record("expected an entity-bomb refusal, got \(error)")
                return
            }
        }
        #expect(clock.now - start < .seconds(5))
    }

    /// An external entity naming a local file is never loaded into the text.
    @Test func externalEntitiesAreNotLoaded() throws {
        let secret = try TemporaryDirectory()
        let secretPath = secret.path + "/secret.txt"
        try "TOPSECRETWORD".write(toFile: secretPath, atomically: true, encoding: .utf8)
        let dtd = "<!DOCTYPE w:document [<!ENTITY lol9 SYSTEM \"file://\(secretPath)\">]>"
        let (directory, path) = try docx(documentXML: Self.prologue + dtd + Self.body)
        _ = directory
        do {
            let document = try DocumentReader.read(path: path)
            #expect(!document.blocks.contains { $0.text.contains("TOPSECRETWORD") })
        } catch {
            #expect(!error.description.contains("TOPSECRETWORD"))
        }
    }

    /// 20,000 nested elements (under 1 MiB, so no ratio check comes first) stop at the depth limit, with the figure.
    @Test func deepNestingStopsAtTheDepthLimit() throws {
        let depth = 20_000
        let xml = Self.prologue + "<w:document xmlns:w=\"\(DocxBuilder.w)\"><w:body>" + String(repeating: "<w:p>", count: depth) + String(repeating: "</w:p>", count: depth) + "</w:body></w:document>"
        let (directory, path) = try docx(documentXML: xml)
        _ = directory
        #expect {
            try DocumentReader.read(path: path)
        } throws: { error in
            guard case .limitExceeded(let what, let limit, let actual) = error as? DocumentError else { return false }
            return what.contains("depth") && limit == ReadLimits.standard.maxXMLDepth && actual > limit
        }
    }

    /// A DOCX whose document part inflates 1,000 times over is refused before inflating.
    @Test func zipBombInsideADocumentIsRefusedByRatio() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bomb.docx"
        let writer = try ZipWriter(path: path)
        for (name, text) in DocxBuilder(body: "").parts() where name != "word/document.xml" { try writer.add(name, text: text) }
        try writer.add("word/document.xml", bytes: [UInt8](repeating: 0x20, count: 64 << 20))
        try writer.close()
        #expect {
            try DocumentReader.read(path: path)
        } throws: { error in
            guard case .limitExceeded(let what, let limit, let actual) = error as? DocumentError else { return false }
            return what.contains("compression ratio") && limit == 200 && actual > 200
        }
    }

    /// The sum of entries read is bounded even when each entry is within its own limit.
    @Test func totalUncompressedSizeIsBounded() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/many.zip"
        let writer = try ZipWriter(path: path)
        for index in 0..<4 { try writer.add("part\(index).xml", bytes: [UInt8](repeating: UInt8(65 + index), count: 300_000), compress: false) }
        try writer.close()
        let archive = try ZipArchive(path: path, limits: ReadLimits(maxTotalBytes: 1_000_000))
        for index in 0..<3 { _ = try archive.read("part\(index).xml") }
        #expect(throws: DocumentError.limitExceeded(what: "the uncompressed size of the archive's parts", limit: 1_000_000, actual: 1_200_000)) {
            try archive.read("part3.xml")
        }
    }

    @Test func tooManyEntriesAreRefusedWithTheCount() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/entries.zip"
        let writer = try ZipWriter(path: path)
        for index in 0..<25 { try writer.add("e\(index).txt", text: "x") }
        try writer.close()
        #expect(throws: DocumentError.limitExceeded(what: "the number of entries in the archive", limit: 20, actual: 25)) {
            try ZipArchive(path: path, limits: ReadLimits(maxEntries: 20))
        }
    }

    @Test func fileSizeIsCheckedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/big.txt"
        try String(repeating: "word ", count: 2_000).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DocumentError.limitExceeded(what: "the file size in bytes", limit: 1_000, actual: 10_000)) {
            try DocumentReader.read(path: path, limits: ReadLimits(maxFileBytes: 1_000))
        }
        #expect(throws: DocumentError.limitExceeded(what: "the file size in bytes", limit: 1_000, actual: 10_000)) {
            try DocumentReader.read(bytes: Array(String(repeating: "word ", count: 2_000).utf8), name: "big.txt", limits: ReadLimits(maxFileBytes: 1_000))
        }
    }

    /// Path-traversal and symlink archives from other projects' test suites, read as
    /// documents: each is refused as a zip that is not a document, and reading them
    /// writes nothing (nothing is ever extracted).
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.absenceMessage))) func traversalArchivesAreNeverExtracted() throws {
        let hostile = Corpus.files("adversarial", extensions: ["zip"]).filter { ["traversal", "slip", "Symlink", "symlink"].contains(where: $0.contains) }
        #expect(hostile.count >= 15)
        let cwd = FileManager.default.currentDirectoryPath
        let before = try FileManager.default.contentsOfDirectory(atPath: cwd).sorted()
        for path in hostile {
            #expect(throws: DocumentError.self, "\(path)") { try DocumentReader.read(path: path) }
            // Every entry can be listed; names are data, never paths.
            if let archive = try? ZipArchive(path: path) {
                #expect(archive.entries.count <= ReadLimits.standard.maxEntries)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd).sorted() == before)
    }
}
