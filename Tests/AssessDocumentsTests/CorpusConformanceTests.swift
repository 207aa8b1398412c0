import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Every real document in the shared corpus gives a count or a clear error: never a
/// crash, never a hang. Skipped, with a message, when the corpus is absent.
@Suite struct CorpusConformanceTests {
    static let documents = Corpus.files("docx", extensions: ["docx", "docm", "dotx"])
    static let adversarial = Corpus.files("adversarial")

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
}
