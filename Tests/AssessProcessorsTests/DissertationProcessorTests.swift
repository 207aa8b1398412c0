import AssessCore
import AssessDocuments
@testable import AssessProcessors
import AssessTestSupport
import Testing

@Suite struct DissertationProcessorTests {
    /// Sentences and the citations read from them, as "label → first key".
    @Test(arguments: [
        ("Errors fell (Smith, 2020).", ["(Smith, 2020) smith"]),
        ("Errors fell (Smith 2020).", ["(Smith, 2020) smith"]),
        ("Smith and Jones (2019) found it.", ["Smith and Jones (2019) smith and jones"]),
        ("as Smith & Jones (2019) found", ["Smith & Jones (2019) smith and jones"]),
        ("(Patel et al., 2021a)", ["(Patel et al., 2021a) patel"]),
        ("Patel et al. (2021a) showed", ["Patel et al. (2021a) patel"]),
        ("(Smith, 2020; Jones & Lee, 2019)", ["(Smith, 2020) smith", "(Jones & Lee, 2019) jones and lee"]),
        ("(WHO, 2022)", ["(WHO, 2022) who"]),
        ("(NHS England, 2019)", ["(NHS England, 2019) nhs england"]),
        ("NHS England (2019) set targets", ["NHS England (2019) nhs england"]),
        ("(Smith, 2020, p. 4)", ["(Smith, 2020) smith"]),
        ("(Smith, 2020, pp. 4–5)", ["(Smith, 2020) smith"]),
        ("(Smith 2020: 12)", ["(Smith, 2020) smith"]),
        ("Smith (2020, p. 4) argues", ["Smith (2020) smith"]),
        ("(Smith, 2020a, b)", ["(Smith, 2020a) smith", "(Smith, 2020b) smith"]),
        ("(Smith, 2019, 2020)", ["(Smith, 2019) smith", "(Smith, 2020) smith"]),
        ("(see Smith, 2020; e.g. Lee, 2018)", ["(Smith, 2020) smith", "(Lee, 2018) lee"]),
        ("(Freud, 1905, as cited in Jones, 2020)", ["(Jones, 2020) jones"]),
        ("(Müller, 2018)", ["(Müller, 2018) muller"]),
        ("Siobhán O’Brien (2021) wrote", ["Siobhán O’Brien (2021) siobhan obrien"]),
        ("(van der Berg, 2018)", ["(van der Berg, 2018) van der berg"]),
        ("(Al-Hassan, 2020)", ["(Al-Hassan, 2020) al hassan"]),
        ("(World Health Organization [WHO], 2022)", ["(World Health Organization [WHO], 2022) world health organization"]),
        ("(Department of Health and Social Care, 2021)", ["(Department of Health and Social Care, 2021) department of health and social care"]),
        ("However, Smith (2020) disagreed", ["Smith (2020) smith"]),
        ("Smith's (2020) review", ["Smith (2020) smith"]),
        ("(Smith, n.d.)", ["(Smith, n.d.) smith"]),
        ("(Smith, in press)", ["(Smith, in press) smith"]),
        ("Smith, Jones and Lee (2019) agree", ["Smith, Jones and Lee (2019) smith jones and lee"]),
        ("Greenhalgh and colleagues (2017) argue", ["Greenhalgh et al. (2017) greenhalgh"]),
        ("According to the King's Fund (2020), staff", ["King's Fund (2020) kings fund"]),
        ("(Office for National Statistics [ONS], 2021)", ["(Office for National Statistics [ONS], 2021) office for national statistics"]),
        ("The HSCIC (now NHS Digital, 2016) published", ["(NHS Digital, 2016) nhs digital"]),
        ("(Data Protection Act 2018)", ["(Data Protection Act, 2018) data protection act"]),
        // Authors whose names are also months (found by the sample course: May and Finch).
        ("(May and Finch, 2009)", ["(May and Finch, 2009) may and finch"]),
        ("May and Finch (2009) describe", ["May and Finch (2009) may and finch"]),
        ("(March & Olsen, 1989)", ["(March & Olsen, 1989) march and olsen"]),
        // Not citations.
        ("in May (2020)", []),
        ("in the period (2019–2020)", []),
        ("during the pandemic (2020)", []),
        ("(March 2020)", []),
        ("in October (2020)", []),
        ("(n = 2020)", []),
        ("(COVID-19)", []),
        ("(Table 2, 2020)", []),
        ("(in 2020)", []),
        ("(see Figure 3)", []),
        ("(interviewed in March 2026)", []),
        ("(Participant 7, 2026)", []),
        ("(95% CI 1.2–3.4)", []),
        ("This study (conducted in 2025) found", []),
        ("Ethical approval (ref. 22/NE/0123, 2025) was given", []),
    ])
    func readsCitations(_ text: String, _ expected: [String]) {
        let found = CitationParser.citations(in: text).map { "\($0.label) \($0.keys.first ?? "")" }
        #expect(found == expected, "\(text)")
    }

    /// Reference-list entries and their first-author keys and year.
    @Test(arguments: [
        ("Smith, J. (2020) Prescribing errors. Oxford: OUP.", "smith", "2020"),
        ("Smith, J., & Jones, K. (2019). Safer prescribing. Routledge.", "smith", "2019"),
        ("Patel, R. et al. (2021a) Adoption. J Med Syst.", "patel", "2021a"),
        ("World Health Organization [WHO] (2022) Medication without harm.", "world health organization", "2022"),
        ("NHS England (2019) The NHS Long Term Plan.", "nhs england", "2019"),
        ("van der Berg, A. (2018) Digital maturity.", "van der berg", "2018"),
        ("O’Brien, S. (2021) Care records.", "obrien", "2021"),
        ("Müller, Z. 2018. Alert fatigue. BMJ.", "muller", "2018"),
        ("Smith JA, Jones K. Prescribing errors. BMJ. 2020;360:k1.", "smith", "2020"),
        ("The King's Fund (2020) Workforce.", "the kings fund", "2020"),
        ("Smith, J. (n.d.) Undated page.", "smith", "n.d."),
        ("Smith, J. (2020b) Second paper.", "smith", "2020b"),
    ])
    func readsReferences(_ text: String, _ key: String, _ year: String) {
        let entry = ReferenceParser.parse(text)
        #expect(entry.keys.first == key, "\(text)")
        #expect(entry.year == year, "\(text)")
    }

    @Test func organisationsMatchTheirAcronymsBothWays() {
        let listed = ReferenceParser.parse("World Health Organization (2022) Medication without harm.")
        let cited = CitationParser.citations(in: "(WHO, 2022)")
        #expect(!Set(listed.keys).isDisjoint(with: cited.first?.keys ?? []))
        let listedShort = ReferenceParser.parse("DHSC (2021) Data saves lives.")
        let citedLong = CitationParser.citations(in: "(Department of Health and Social Care, 2021)")
        #expect(!Set(listedShort.keys).isDisjoint(with: citedLong.first?.keys ?? []))
    }

    func make(_ yaml: String) throws -> any Processor {
        let type = try #require(builtInRegistry.type("dissertation"))
        let value = try YAMLLoader.parse(yaml, file: "assessment.yaml")
        let assessment = Assessment(id: "d", title: "D", module: "M", kind: .dissertation, wordLimit: 10_000)
        return try type.init(configuration: ProcessorConfiguration(value, processor: "dissertation", assessment: assessment))
    }

    @Test(arguments: [
        ("abstract_limit: lots", "assessment.yaml:1:17: 'abstract_limit' in the options of 'dissertation' must be a whole number, not text"),
        ("abstract_limit: 0", "assessment.yaml:1:17: 'abstract_limit' in the options of 'dissertation' must be between 1 and 10000, not 0"),
        ("parts: methods", "assessment.yaml:1:8: 'parts' in the options of 'dissertation' must be a list such as"),
        ("parts: [abstract, introducton]", "assessment.yaml:1:19: unknown part 'introducton' in 'parts'; did you mean 'introduction'?"),
        ("parts: []", "assessment.yaml:1:8: 'parts' lists none"),
        ("parts: [results or findngs]", "assessment.yaml:1:9: unknown part 'findngs' in 'parts'; did you mean 'findings'?"),
        ("parts: [abstract, Methodolgy]", "assessment.yaml:1:19: unknown part 'Methodolgy' in 'parts'; did you mean 'methodology'?"),
        ("parts:\n  - {name: Ethics, heading: [ethics]}", "assessment.yaml:2:20: unknown key 'heading' in a part in 'parts'; did you mean 'headings'?"),
        ("citation_style: harvard", "assessment.yaml:1:17: 'citation_style' must be one of auto, author_date, numeric, not 'harvard'"),
        ("min_reference: 20", "assessment.yaml:1:1: unknown key 'min_reference' in the options of 'dissertation'; did you mean 'min_references'?"),
    ])
    func configurationErrorsPointAtTheValue(_ yaml: String, _ expected: String) {
        #expect {
            try make(yaml)
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test func customPartsMatchTheirOwnHeadings() throws {
        let processor = try make("parts:\n  - {name: Ethics, headings: [ethical considerations, ethics]}\n  - Reflexive account\n")
        let document = MarkdownReader.read("# 6. Ethical considerations\n\nApproved.\n\n# Reflexive account\n\nI learnt.")
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: Assessment(id: "d", title: "D", module: "M", kind: .dissertation), documents: [.init(file: "d.md", text: document)]))
        #expect(result.metrics["missing_parts"] == [])
        #expect(result.findings.map(\.code) == ["dissertation.no_references"])
    }

    @Test func alternativesInOnePart() throws {
        let processor = try make("parts: [Results or findings, ethics / reflection, Reflexive account]")
        let document = MarkdownReader.read("# 4. Findings\n\nThemes.\n\n# Personal reflection\n\nI learnt.\n\n# References\n\nNone.")
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: Assessment(id: "d", title: "D", module: "M", kind: .dissertation), documents: [.init(file: "d.md", text: document)]))
        #expect(result.metrics["missing_parts"] == ["Reflexive account"])
        #expect(result.metrics["parts"]?["Results or findings"] == "4. Findings")
        #expect(result.metrics["parts"]?["ethics / reflection"] == "Personal reflection")
    }

    /// A PDF or a document with bold lines for headings: short lines naming parts count.
    @Test func plainParagraphsNameThePartsWhenNothingIsStyled() throws {
        let processor = try make("parts: [abstract, methods, references]")
        let blocks = [
            Block(kind: .paragraph, text: "Abstract"), Block(kind: .paragraph, text: "We studied four wards over one year."),
            Block(kind: .paragraph, text: "Methodology"), Block(kind: .paragraph, text: "Interviews (Smith, 2020)."),
            Block(kind: .paragraph, text: "References"), Block(kind: .paragraph, text: "Smith, J. (2020) Title."),
        ]
        let document = DocumentText(format: .pdf, blocks: blocks)
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: Assessment(id: "d", title: "D", module: "M", kind: .dissertation), documents: [.init(file: "d.pdf", text: document)]))
        #expect(result.findings.map(\.code) == [])
        #expect(result.metrics["abstract_words"] == 7)
        #expect(result.metrics["references"] == 1)
    }

    /// Through the DOCX reader: styled headings, a title before the abstract, a footnote
    /// that cites, a table, and a reference list as paragraphs.
    @Test func readsADocxDissertation() throws {
        func p(_ text: String, style: String? = nil) -> String { DocxBuilder.paragraph(text, style: style) }
        let body = [
            p("Adopting e-prescribing on two wards", style: "Title"), p("Abstract", style: "Heading1"),
            p("We studied two wards for a year and interviewed staff."),
            p("1 Introduction", style: "Heading1"), p("Errors matter (Smith, 2020)."),
            p("2 Methodology", style: "Heading1"), p("We interviewed staff, as Lee (2019) advised."),
            p("3 Findings", style: "Heading1"), DocxBuilder.table(["Theme", "Training (Smith, 2020)"]),
            p("4 Discussion", style: "Heading1"), p("Alerts help."), p("5 Conclusions", style: "Heading1"), p("It worked."),
            p("References", style: "Heading1"), p("Lee, M. (2019) Interviews. London: Sage."), p("Smith, J. (2020) Errors. Oxford: OUP."),
            p("Taylor, P. (2018) Uncited. Leeds: Press."),
        ].joined()
        var docx = DocxBuilder(body: body)
        docx.footnotes = [p("See also Patel (2021).")]
        let result = try make("{}").process(SubmissionContent(candidateID: "C1", assessment: Assessment(id: "d", title: "D", module: "M", kind: .dissertation), documents: [.init(file: "d.docx", text: try docx.read())]))
        #expect(result.metrics["missing_parts"] == [])
        #expect(result.metrics["abstract_words"] == 10)
        #expect(result.metrics["references"] == 3)
        #expect(result.metrics["citations"] == 4)
        #expect(result.metrics["cited_not_listed"] == ["Patel (2021)"])
        #expect(result.metrics["listed_not_cited"] == ["Taylor, P. (2018)"])
    }

    /// A structured abstract's own "Methods" and "Results" headings are not the chapters.
    @Test func structuredAbstractHeadingsAreNotParts() throws {
        let processor = try make("parts: [abstract, methods, results, references]")
        let document = MarkdownReader.read("""
            # Abstract

            ## Methods

            Interviews.

            ## Results

            Themes.

            # Introduction

            Text.

            # References

            None yet.
            """)
        let result = try processor.process(SubmissionContent(candidateID: "C1", assessment: Assessment(id: "d", title: "D", module: "M", kind: .dissertation), documents: [.init(file: "d.md", text: document)]))
        #expect(result.metrics["missing_parts"] == ["methods", "results"])
        #expect(result.metrics["abstract_words"] == 2)
    }
}
