import AssessCore
import Testing

/// `result(for:)` finds each candidate whether the submissions are in id order (the
/// runner's, searched by halves) or not (read back from elsewhere, scanned).
@Suite struct ResultLookupTests {
    func results(_ ids: [String]) -> AssessmentResults {
        AssessmentResults(assessment: Assessment(id: "a", title: "A", module: "M", kind: .written),
                          submissions: ids.map { SubmissionResult(candidateID: $0, status: .processed) })
    }

    @Test(arguments: [["C1", "C2", "C3", "C4", "C5"], ["C5", "C1", "C4", "C2", "C3"], ["C3"], []])
    func everyCandidateIsFoundInAnyOrder(_ ids: [String]) {
        let results = results(ids)
        for id in ids { #expect(results.result(for: id)?.candidateID == id) }
        #expect(results.result(for: "C0") == nil)
        #expect(results.result(for: "C9") == nil)
    }
}
