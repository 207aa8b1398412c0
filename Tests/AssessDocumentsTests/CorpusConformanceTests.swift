import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Every real document in the shared corpus gives a count or a clear error: never a
/// crash, never a hang. Skipped, with a message, when the corpus is absent.
@Suite struct CorpusConformanceTests {
    static let documents = Corpus.files("docx", extensions: ["docx", "docm", "dotx"])
    static let adversarial = Corpus.files("adversarial")
    static let pdfs = Corpus.files("pdf", extensions: ["pdf"])
    static let rtfs = Corpus.files("rtf", extensions: ["rtf"])

    @Test(.enabled(if: !documents.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: documents)
    func wordDocumentGivesTextOrClearError(_ path: String) {
        do {
            let document = try DocumentReader.read(path: path)
            #expect(document.format == .docx)
            #expect(document.blocks.allSatisfy { $0.words == WordCounter.count($0.text) })
        } catch {
            // A handful of corpus files are deliberately odd; the error must still be a sentence.
            #expect(error.description.hasSuffix("."), "\(path): \(error)")
        }
    }

    @Test(.enabled(if: !adversarial.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: adversarial)
    func adversarialFileGivesTextOrClearError(_ path: String) {
        do {
            _ = try DocumentReader.read(path: path)
        } catch {
            #expect(error.description.count > 20, "\(path): \(error)")
        }
    }

    @Test(.enabled(if: !documents.isEmpty)) func mostWordDocumentsAreRead() {
        let read = Self.documents.filter { (try? DocumentReader.read(path: $0)) != nil }
        // The corpus holds 122 Word files; a few are not DOCX inside (see SOURCES.md).
        #expect(read.count >= Self.documents.count - 3, "read \(read.count) of \(Self.documents.count)")
    }

    @Test(.enabled(if: !pdfs.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: pdfs)
    func pdfGivesTextOrClearError(_ path: String) {
        do {
            let document = try DocumentReader.read(path: path)
            #expect(document.format == .pdf)
            #expect(document.blocks.allSatisfy { $0.page != nil && $0.words == WordCounter.count($0.text) })
            let mainPages = document.blocks.filter { ![.header, .footer, .footnote].contains($0.kind) }.compactMap(\.page)
            #expect(mainPages == mainPages.sorted(), "the main text runs in page order")
        } catch {
            #expect(error.description.hasSuffix("."), "\(path): \(error)")
        }
    }

    @Test(.enabled(if: !pdfs.isEmpty, Comment(rawValue: Corpus.absenceMessage))) func mostPdfsAreReadAndScansAreNamed() throws {
        var unread: [String: DocumentError] = [:]
        for path in Self.pdfs {
            do { _ = try DocumentReader.read(path: path) } catch { unread[(path as NSString).lastPathComponent] = error }
        }
        // The corpus holds one PDF of a picture only (git.pdf: a logo, no text).
        #expect(unread == ["pypdf__git.pdf": .noTextLayer(pages: 1)])
    }

    /// pypdf's expected text for crazyones.pdf, word for word (its ligatures spelt out).
    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.absenceMessage))) func crazyOnesTextMatchesTheExpectedText() throws {
        let root = try #require(Corpus.root)
        let expected = try String(contentsOfFile: root + "/pdf/pypdf__crazyones.txt", encoding: .utf8)
            .replacing("\u{FB01}", with: "fi").replacing("\u{FB00}", with: "ff")
        let document = try DocumentReader.read(path: root + "/pdf/pypdf__crazyones.pdf")
        let ours = document.blocks.map(\.text).joined(separator: " ")
        #expect(WordCounter.words(in: ours) == WordCounter.words(in: expected))
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.words() == WordCounter.count(expected))
    }

    @Test(.enabled(if: !adversarial.isEmpty, Comment(rawValue: Corpus.absenceMessage))) func encryptedPdfsAskForACopyWithoutAPassword() {
        let locked = Self.adversarial.filter { $0.hasSuffix(".pdf") }
        #expect(!locked.isEmpty)
        for path in locked {
            do {
                _ = try DocumentReader.read(path: path)
                // r6-user-password.pdf has an empty user password: poppler opens it.
                #expect(path.hasSuffix("r6-user-password.pdf"), "\(path) was read")
            } catch {
                #expect(error == .encrypted, "\(path): \(error)")
            }
        }
    }

    @Test(.enabled(if: !rtfs.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: rtfs)
    func rtfGivesText(_ path: String) throws {
        let document = try DocumentReader.read(path: path)
        #expect(document.format == .rtf)
        #expect(document.blocks.allSatisfy { !$0.text.isEmpty && !$0.text.contains("\\") && !$0.text.contains("{") })
    }

    /// What pandoc's RTF reader tests expect, reasoned from each file.
    @Test(.enabled(if: !rtfs.isEmpty, Comment(rawValue: Corpus.absenceMessage))) func rtfCorpusStructure() throws {
        let root = try #require(Corpus.root)
        func read(_ name: String) throws -> DocumentText { try DocumentReader.read(path: root + "/rtf/pandoc__" + name + ".rtf") }
        #expect(try read("accent").blocks.map(\.text) == ["le café où on ne fume pas"])
        #expect(try read("heading").blocks.map(\.level) == [1, 2, 3, nil])
        #expect(try read("footnote").blocks.map(\.kind) == [.paragraph, .footnote, .footnote])
        #expect(try read("formatting").blocks.filter { $0.kind == .hidden }.map(\.text) == ["secret"])
        #expect(try read("table_simple").blocks.map(\.text) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        #expect(try read("table_nested").blocks.map(\.text) == ["Level two before", "Deep A", "Deep B", "Deep C", "Deep D", "Level two after", "Outer after", "Outside table"])
        #expect(try read("list_simple").blocks.map(\.kind) == [.listItem, .listItem, .listItem, .listItem])
        #expect(try read("unicode").blocks.first?.text.hasPrefix("“hi”‘hi’") == true)
        #expect(try read("image").blocks.isEmpty)
        #expect(try read("link").blocks.map(\.text) == ["pandoc"])
    }
}
