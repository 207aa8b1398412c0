import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

@Suite struct ZipTests {
    @Test func writtenArchivesAreDeterministicAndReadBack() throws {
        let directory = try TemporaryDirectory()
        var digests: [Data] = []
        for index in 0..<2 {
            let path = directory.path + "/a\(index).zip"
            let writer = try ZipWriter(path: path)
            try writer.add("b.txt", text: "second")
            try writer.add("a/é.txt", text: String(repeating: "compressible ", count: 100))
            try writer.close()
            digests.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            let archive = try ZipArchive(path: path)
            #expect(archive.entries.map(\.name) == ["b.txt", "a/é.txt"])
            #expect(try archive.read("b.txt") == Array("second".utf8))
        }
        #expect(digests[0] == digests[1])
    }

    @Test func limitsAreCheckedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/big.zip"
        let writer = try ZipWriter(path: path)
        try writer.add("big.xml", bytes: [UInt8](repeating: 0x41, count: 3 << 20))
        try writer.close()
        let strict = ReadLimits(maxEntryBytes: 1 << 20)
        #expect(throws: DocumentError.limitExceeded(what: "the uncompressed size of big.xml", limit: 1 << 20, actual: 3 << 20)) {
            try ZipArchive(path: path, limits: strict).read("big.xml")
        }
        // 3 MiB of one letter compresses far beyond a ratio of 200: a bomb's signature.
        #expect {
            try ZipArchive(path: path).read("big.xml")
        } throws: { error in
            if case .limitExceeded(let what, _, _) = error as? DocumentError { return what.contains("compression ratio") }
            return false
        }
    }

    @Test func missingEntryAndNotAZip() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/x.zip"
        let writer = try ZipWriter(path: path)
        try writer.add("one", text: "1")
        try writer.close()
        #expect(throws: DocumentError.missingPart("two")) { try ZipArchive(path: path).read("two") }
        #expect(throws: DocumentError.damagedArchive("not a zip archive")) { try ZipArchive(bytes: Array("not a zip at all".utf8)) }
    }

    @Test func encryptedEntriesAreRefused() throws {
        let files = Corpus.files("adversarial").filter { $0.contains("Encrypt") || $0.contains("zipWithEncryption") }
        try #require(!files.isEmpty, Comment(rawValue: Corpus.absenceMessage))
        for file in files {
            let archive = try ZipArchive(path: file)
            let encrypted = archive.entries.filter(\.isEncrypted)
            #expect(!encrypted.isEmpty, "\(file)")
            for entry in encrypted.prefix(1) {
                #expect(throws: DocumentError.encrypted) { try archive.read(entry.name) }
            }
        }
    }
}
