import AssessCore

extension DissertationProcessor {
    /// A short dissertation with every default part and a reference list that matches
    /// its citations: several in one bracket, narrative, "et al." with a year letter,
    /// an organisation cited by its acronym, a page reference, and an accent dropped.
    static let passingExamples: [Example] = [
        Example("""
            # Abstract

            This study evaluated electronic prescribing on two wards.

            # 1. Introduction

            Electronic prescribing reduces errors (Smith, 2020; Jones & Lee, 2019). NHS England (2019) set targets, and Patel et al. (2021a) describe adoption.

            # 2. Methodology

            A mixed-methods design followed international guidance (WHO, 2022, p. 4).

            # 3. Findings

            Staff valued alerts but reported fatigue (Muller, 2018).

            # 4. Discussion

            As Smith's (2020) review argued, alerts must be few.

            # 5. Conclusions

            Electronic prescribing was adopted safely.

            # References

            Jones, K. and Lee, M. (2019) Safer prescribing. London: Routledge.

            Müller, Z. (2018) Alert fatigue. BMJ, 360, k1.

            NHS England (2019) The NHS Long Term Plan.
            Available at: https://www.longtermplan.nhs.uk (Accessed: 1 May 2026).

            Patel, R. et al. (2021a) Adoption of e-prescribing. Journal of Medical Systems, 45, pp. 1–9.

            Smith, J. (2020) Prescribing errors. Oxford: Oxford University Press.

            World Health Organization (2022) Medication without harm. Geneva: WHO.
            """, metrics: ["references": 6, "citations": 7, "abstract_words": 8, "missing_parts": []]),
        // Parts set in the YAML, found under numbered and reworded headings.
        Example("""
            # Chapter 1: Background to the study

            Digital maturity varies (van der Berg, 2018).

            # Chapter 2 – Review of the literature

            Few studies exist (Department of Health and Social Care [DHSC], 2021).

            # 3.0 Research design and methods

            Interviews were held (DHSC, 2021).

            # Reference list

            Department of Health and Social Care (2021) Data saves lives. London: DHSC.

            van der Berg, A. (2018) Digital maturity. Amsterdam: Elsevier.
            """, configuration: ["parts": ["introduction", "literature review", "methods", "references"]],
            metrics: ["references": 2, "citations": 3]),
        // A numbered (Vancouver) style is recognised and its numbers matched.
        Example("""
            # Introduction

            Errors are common [1] and costly (2, 3).

            # References

            1. Smith J, Jones K. Prescribing errors. BMJ. 2020;360:k1.

            2. Lee M. Costs of harm. Lancet. 2019;393:10.

            3. Patel R. Adoption. J Med Syst. 2021;45:1.
            """, configuration: ["parts": ["introduction", "references"]], metrics: ["citation_style": "numeric", "citations": 3]),
    ]

    static let flaggedExamples: [Example] = [
        Example("""
            # Abstract

            A short study.

            # Introduction

            Text (Smith, 2020).

            # Results

            Text.

            # References

            Smith, J. (2020) Title. London: Press.
            """, expect: ["dissertation.missing_part"], metrics: ["missing_parts": ["methods", "discussion", "conclusion"]]),
        Example("""
            # Abstract

            This abstract runs on for far too many words.

            # References

            Smith, J. (2020) Title.
            """, configuration: ["parts": ["abstract", "references"], "abstract_limit": 5],
            expect: ["dissertation.abstract_over_limit", "dissertation.listed_not_cited"], metrics: ["abstract_words": 9]),
        Example("""
            # Introduction

            Care improved (Smith, 2020; Brown and Green, 2017), as Lee (2019) found.

            # References

            Smith, J. (2020) Title.

            Lee, M. (2019) Title.
            """, configuration: ["parts": ["introduction", "references"]],
            expect: ["dissertation.cited_not_listed"], metrics: ["cited_not_listed": ["(Brown and Green, 2017)"]]),
        Example("""
            # Introduction

            Care improved (Smith, 2020).

            # References

            Smith, J. (2020) Title.

            Taylor, P. (2016) Never cited. Leeds: Press.
            """, configuration: ["parts": ["introduction", "references"]],
            expect: ["dissertation.listed_not_cited"], metrics: ["listed_not_cited": ["Taylor, P. (2016)"]]),
        // The year's letter is part of the match: 2021b is not 2021a.
        Example("""
            # Introduction

            Adoption was slow (Patel et al., 2021b).

            # References

            Patel, R., Shah, A. and Khan, S. (2021a) Adoption. Journal of Medical Systems.
            """, configuration: ["parts": ["introduction", "references"]],
            expect: ["dissertation.cited_not_listed", "dissertation.listed_not_cited"]),
        Example("""
            # Introduction

            Care improved (Smith, 2020).

            # Conclusion

            It did.
            """, configuration: ["parts": ["introduction", "conclusion"]], expect: ["dissertation.no_references"]),
        Example("""
            # Introduction

            Care improved (Smith, 2020).

            # References

            Smith, J. (2020) Title.
            """, configuration: ["parts": ["introduction", "references"], "min_references": 30], expect: ["dissertation.few_references"]),
    ]
}
