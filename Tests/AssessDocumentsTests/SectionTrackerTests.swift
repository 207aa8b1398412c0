@testable import AssessDocuments
import Testing

@Suite struct SectionTrackerTests {
    /// Every name the tracker knows, as students write them: the key-word search that
    /// rules out ordinary headings first must let each one through.
    @Test(arguments: SectionTracker.referenceNames.sorted() + SectionTracker.frontMatterNames.sorted())
    func everyKnownNameIsClassified(_ name: String) throws {
        let section = try #require(SectionTracker.classify(name))
        for variant in [name.uppercased(), "7. " + name.capitalized, "Chapter 2: " + name, name + ":", "IV. " + name] {
            #expect(SectionTracker.classify(variant) == section, "\(variant)")
        }
    }

    @Test(arguments: ["Appendix A: Interview guide", "APPENDICES", "Annex 1", "3.2 Appendix tables"])
    func appendicesAreClassified(_ heading: String) {
        #expect(SectionTracker.classify(heading) == .appendix)
    }

    @Test(arguments: ["1. Introduction", "Methods", "Findings and discussion", "Referencing the policy", "Contents of the toolkit", "", "7."])
    func ordinaryHeadingsAreNot(_ heading: String) {
        #expect(SectionTracker.classify(heading) == nil)
    }

    @Test func keyWordsAreFewAndLowerCase() {
        let words = SectionTracker.keywords.map { String(decoding: $0, as: UTF8.self) }
        #expect(words.contains("reference") && !words.contains("references"))
        #expect(words.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    }
}
