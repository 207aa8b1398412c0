internal import Foundation

/// Finds the roster candidate a row of a cohort-wide file (an answer sheet) belongs to,
/// by what the row calls them: the candidate id, the LMS id, the email address or,
/// when exactly one candidate has it, the full name. Nothing is guessed beyond that.
public struct RosterMatcher: Sendable {
    private let byID: [String: String]
    private let byLMS: [String: String]
    private let byEmail: [String: String]
    private let byName: [String: String?]

    /// Indexes a roster.
    public init(_ candidates: [Candidate]) {
        var byID: [String: String] = [:], byLMS: [String: String] = [:], byEmail: [String: String] = [:], byName: [String: String?] = [:]
        for candidate in candidates {
            byID[candidate.id.lowercased()] = candidate.id
            if let lms = candidate.lmsID { byLMS[lms.lowercased()] = candidate.id }
            if let email = candidate.email { byEmail[email.lowercased()] = candidate.id }
            let key = SubmissionCollector.nameKey(candidate.name)
            byName[key] = byName[key] == nil ? .some(candidate.id) : .some(nil)  // two of one name: ambiguous
        }
        self.byID = byID
        self.byLMS = byLMS
        self.byEmail = byEmail
        self.byName = byName
    }

    /// The candidate id for a row's identifier (and name, when the file has one), or nil.
    public func match(_ identifier: String, name: String? = nil, email: String? = nil) -> String? {
        let key = identifier.trimmingCharacters(in: .whitespaces).lowercased()
        if let found = byID[key] ?? byLMS[key] ?? byEmail[key] { return found }
        if let email, let found = byEmail[email.lowercased()] { return found }
        for text in [name, identifier].compactMap({ $0 }) {
            if case .some(.some(let found)) = byName[SubmissionCollector.nameKey(text)] { return found }
        }
        return nil
    }
}
