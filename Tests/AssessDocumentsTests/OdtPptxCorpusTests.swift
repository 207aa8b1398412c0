import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Every OpenDocument text and PowerPoint file in the shared corpus gives a count or a
/// clear error; the agreement with LibreOffice's own saved counts is printed. Skipped,
/// with a message, when the corpus is absent.
@Suite struct OdtPptxCorpusTests {
    static let odt = Corpus.files("odt", extensions: ["odt", "ott", "fodt"])
    static let pptx = Corpus.files("pptx", extensions: ["pptx", "pptm", "potx"])
    static let adversarialPptx = Corpus.files("adversarial", extensions: ["pptx"])

    /// Every kind that is text of the document: all but comments, deletions and hidden text.
    static let allText = Set(BlockKind.allCases).subtracting([.comment, .deleted, .hidden])

    @Test(.enabled(if: !odt.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: odt)
    func openDocumentGivesTextOrClearError(_ path: String) {
        do {
            let document = try DocumentReader.read(path: path)
            #expect(document.format == .odt)
            #expect(document.blocks.allSatisfy { $0.words == WordCounter.count($0.text) && !$0.text.isEmpty })
        } catch {
            #expect(error.description.hasSuffix("."), "\(path): \(error)")
        }
    }

    @Test(.enabled(if: !odt.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func everyOpenDocumentIsRead() {
        let failures = Self.odt.compactMap { path -> String? in
            do { _ = try DocumentReader.read(path: path); return nil } catch { return "\(path): \(error)" }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(.enabled(if: !pptx.isEmpty, Comment(rawValue: Corpus.absenceMessage)), arguments: pptx)
    func presentationGivesSlidesInOrderOrClearError(_ path: String) {
        do {
            let document = try DocumentReader.read(path: path)
            #expect(document.format == .pptx)
            #expect(document.blocks.allSatisfy { $0.page != nil && ($0.page ?? 0) >= 1 }, "every block names its slide")
            let slidePages = document.blocks.filter { [.heading, .slide, .tableCell, .hidden].contains($0.kind) }.compactMap(\.page)
            #expect(slidePages == slidePages.sorted(), "slide text comes in slide order")
            let notePages = document.blocks.filter { $0.kind == .notes }.compactMap(\.page)
            #expect(notePages == notePages.sorted())
        } catch {
            #expect(error.description.hasSuffix("."), "\(path): \(error)")
        }
    }

    @Test(.enabled(if: !pptx.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func everyPresentationIsRead() {
        let failures = Self.pptx.compactMap { path -> String? in
            do { _ = try DocumentReader.read(path: path); return nil } catch { return "\(path): \(error)" }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// POI ships the text it expects from `SampleShow.pptx`: every line is ours, on its slide.
    @Test(.enabled(if: !pptx.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func sampleShowMatchesPOIsExpectedText() throws {
        let root = try #require(Corpus.root)
        let expected = try String(contentsOfFile: root + "/pptx/poi__SampleShow.txt", encoding: .utf8)
        let document = try DocumentReader.read(path: root + "/pptx/poi__SampleShow.pptx")
        var part: (notes: Bool, page: Int)?
        var checked = 0
        for line in expected.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("(Slide "), let page = Int(line.dropFirst(7).dropLast()) { part = (false, page); continue }
            if line.hasPrefix("(Notes "), let page = Int(line.dropFirst(7).dropLast()) { part = (true, page); continue }
            guard let part else { continue }
            let text = line.hasPrefix("* ") ? String(line.dropFirst(2)) : line
            let found = document.blocks.contains { block in
                block.text == text && block.page == part.page && (block.kind == .notes) == part.notes
            }
            #expect(found, "\(text) on \(part.notes ? "notes" : "slide") \(part.page)")
            checked += 1
        }
        #expect(checked == 10)
    }

    @Test(.enabled(if: !adversarialPptx.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func oddPresentationsGiveTextOrTheRightError() throws {
        let root = try #require(Corpus.root) + "/adversarial/"
        // A layout's relationships part is missing: nothing the text needs.
        let missing = try DocumentReader.read(path: root + "python-pptx__missing_rels_item.pptx")
        #expect(missing.blocks.map(\.text) == ["Presentation Title Text", "Subtitle Text"])
        // Relationship ids out of order and a slide relating to another slide.
        let overlapping = try DocumentReader.read(path: root + "poi__OverlappingRelations.pptx")
        #expect(Set(overlapping.blocks.compactMap(\.page)) == [1, 2, 3, 4])
        for broken in ["poi__Divino_Revelado.pptx", "poi__clusterfuzz-testcase-minimized-POIXSLFFuzzer-6254434927378432.pptx"] {
            #expect { try DocumentReader.read(path: root + broken) } throws: { error in
                guard case .damagedArchive = error as? DocumentError else { return false }
                return true
            }
        }
    }

    /// Prints how often our count of every part agrees with the count LibreOffice (or
    /// OpenOffice.org) saved in `meta.xml`, listed in `odt-word-counts.tsv`.
    @Test(.enabled(if: !odt.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func agreementWithLibreOfficesSavedCounts() throws {
        let root = try #require(Corpus.root)
        let table = try String(contentsOfFile: root + "/odt-word-counts.tsv", encoding: .utf8)
        var compared = 0, exact = 0, withinFive = 0
        var outside: [String] = []
        for row in table.split(whereSeparator: \.isNewline).dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 1, let saved = Int(columns[1]) else { continue }
            let document = try DocumentReader.read(path: root + "/" + columns[0])
            #expect(document.saved?.words == saved, "\(columns[0]): meta.xml read")
            let ours = document.words(of: Self.allText)
            compared += 1
            if ours == saved { exact += 1 }
            if abs(ours - saved) * 20 <= saved { withinFive += 1 } else { outside.append("\(columns[0].split(separator: "/").last ?? ""): \(ours) vs \(saved)") }
        }
        print("ODT agreement with LibreOffice's saved meta:word-count (all parts counted): \(compared) files, \(exact) exact, \(withinFive) within 5% (exact included)")
        print("ODT outside 5%: \(outside.joined(separator: "; "))")
        #expect(compared == 53)
        // A floor, so a reader regression shows; the gaps are LibreOffice's own rules
        // (list numbers and bullets, note numbers and fields count as words there).
        #expect(exact >= 25 && withinFive >= 32, "exact \(exact), within 5% \(withinFive)")
    }

    /// Prints the same for PowerPoint's saved `<Words>` (often stale: pandoc copies its
    /// template's `app.xml`, python-pptx's fixtures were edited by scripts).
    @Test(.enabled(if: !pptx.isEmpty, Comment(rawValue: Corpus.absenceMessage)))
    func agreementWithPowerPointsSavedCounts() throws {
        var compared = 0, exact = 0, withinFive = 0
        for path in Self.pptx {
            let document = try DocumentReader.read(path: path)
            guard let saved = document.saved?.words, document.saved?.application?.contains("PowerPoint") == true else { continue }
            let ours = document.words(of: Self.allText)
            compared += 1
            if ours == saved { exact += 1 }
            if abs(ours - saved) * 20 <= saved { withinFive += 1 }
        }
        print("PPTX agreement with PowerPoint's saved <Words> (all parts counted): \(compared) files, \(exact) exact, \(withinFive) within 5% (exact included)")
        #expect(compared > 30)
    }
}
