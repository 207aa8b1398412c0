internal import Foundation
public import AssessDocuments

/// Something in `submissions/` that could not be matched to a candidate.
public struct UnmatchedSubmission: Sendable, Equatable, Codable {
    /// The folder, file or archive entry, relative to `submissions/`.
    public var source: String
    /// Why it was not matched, and what to do.
    public var reason: String

    /// Creates an entry.
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
}

/// Finds each candidate's files in an assessment's `submissions/` folder: candidate
/// folders and LMS "download all" zips. Nothing is extracted to disk: archive entries
/// are read in place later, so hostile entry names (`../`, absolute paths) never
/// become paths.
public struct SubmissionCollector: Sendable {
    private let candidates: [Candidate]
    private let limits: ReadLimits

    /// Creates a collector for a roster.
    public init(candidates: [Candidate], limits: ReadLimits = .standard) {
        self.candidates = candidates
        self.limits = limits
    }

    /// Collects the submissions of the assessment in `directory`.
    /// - Returns: submissions sorted by candidate id, and what matched nobody.
    public func collect(assessmentID: String, directory: String) -> (submissions: [Submission], unmatched: [UnmatchedSubmission]) {
        let root = directory + "/submissions"
        var files: [String: [SubmittedFile]] = [:]
        var unmatched: [UnmatchedSubmission] = []
        let ids = Set(candidates.map(\.id))
        let items = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !Self.isJunk($0) }.sorted()
        for item in items {
            let path = root + "/" + item
            if isDirectory(path) {
                guard ids.contains(item) else {
                    unmatched.append(UnmatchedSubmission(source: item + "/", reason: "no candidate '\(item)' on the roster; rename the folder to a candidate_id or add the candidate"))
                    continue
                }
                let found = Self.regularFiles(in: path)
                if found.isEmpty {
                    files[item, default: []] += []
                }
                for relative in found {
                    files[item, default: []].append(SubmittedFile(name: relative, source: .file(path: path + "/" + relative)))
                }
            } else if item.lowercased().hasSuffix(".zip") {
                collectArchive(path, name: item, into: &files, unmatched: &unmatched)
            } else {
                unmatched.append(UnmatchedSubmission(source: item, reason: "files directly in submissions/ belong to nobody; put it in a folder named after the candidate_id"))
            }
        }
        let submissions = files.keys.sorted().map { id in
            Submission(assessmentID: assessmentID, candidateID: id, files: Self.uniqueNames(files[id] ?? []))
        }
        return (submissions, unmatched)
    }

    /// Gives every member of a group the group's submission when one member handed it in
    /// for all (as group presentations are). A member who handed in their own files keeps
    /// them; when several members did, the first by candidate id speaks for the others.
    public func sharedWithinGroups(_ submissions: [Submission]) -> [Submission] {
        var byID = Dictionary(uniqueKeysWithValues: submissions.map { ($0.candidateID, $0) })
        let groups = Dictionary(grouping: candidates.filter { $0.group != nil }, by: { $0.group ?? "" })
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            guard let source = members.map(\.id).sorted().compactMap({ byID[$0] }).first(where: { !$0.files.isEmpty }) else { continue }
            for member in members where byID[member.id] == nil {
                byID[member.id] = Submission(assessmentID: source.assessmentID, candidateID: member.id, files: source.files, handedInBy: source.candidateID)
            }
        }
        return byID.keys.sorted().compactMap { byID[$0] }
    }

    /// Reads a Moodle, Canvas or Blackboard "download submissions" archive.
    private func collectArchive(_ path: String, name: String, into files: inout [String: [SubmittedFile]], unmatched: inout [UnmatchedSubmission]) {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path, limits: limits)
        } catch {
            unmatched.append(UnmatchedSubmission(source: name, reason: "the archive could not be opened: \(error)"))
            return
        }
        var matchedAny = false
        for entry in archive.entries where !entry.isDirectory {
            // Backslashes separate folders in zips made on Windows: "..\\x.txt" is x.txt, not a hidden file.
            let last = entry.name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            if Self.isJunk(last) || entry.name.hasPrefix("__MACOSX") { continue }
            guard let parsed = LMSEntryName(entry.name) else {
                unmatched.append(UnmatchedSubmission(source: "\(name): \(entry.name)", reason: "the entry is not named as Moodle (Full Name_id_assignsubmission_file_), Canvas (name_userid_submissionid_file) or Blackboard (Assignment_user_attempt_date_file) name submissions"))
                continue
            }
            if parsed.isReceipt { continue }  // Blackboard's submission receipt: not the student's work
            guard let candidate = match(parsed) else {
                unmatched.append(UnmatchedSubmission(source: "\(name): \(entry.name)", reason: "no roster candidate has lms_id \(parsed.userID)\(parsed.fullName.map { " or the name '\($0)'" } ?? "") (\(parsed.lms)); add lms_id to roster.csv"))
                continue
            }
            matchedAny = true
            files[candidate.id, default: []].append(SubmittedFile(name: parsed.fileName, source: .archiveEntry(archive: path, entry: entry.name)))
        }
        if !matchedAny && archive.entries.isEmpty {
            unmatched.append(UnmatchedSubmission(source: name, reason: "the archive is empty"))
        }
    }

    /// The one candidate an entry names: by LMS id, then (Blackboard) candidate id or
    /// email user name, then by name; never a guess between two.
    private func match(_ entry: LMSEntryName) -> Candidate? {
        if let byID = candidates.first(where: { $0.lmsID == entry.userID }) { return byID }
        switch entry.lms {
        case "Blackboard":
            let user = entry.userID.lowercased()
            let found = candidates.filter { $0.id.lowercased() == user || $0.email.map { $0.lowercased().split(separator: "@").first.map(String.init) == user } ?? false }
            return found.count == 1 ? found[0] : nil
        case "Canvas":
            guard let key = entry.fullName else { return nil }
            let found = candidates.filter { Self.canvasKeys($0.name).contains(key) }
            return found.count == 1 ? found[0] : nil
        default:
            guard let fullName = entry.fullName else { return nil }
            let key = Self.nameKey(fullName)
            let byName = candidates.filter { Self.nameKey($0.name) == key }
            return byName.count == 1 ? byName[0] : nil
        }
    }

    /// Canvas names files after the sortable name ("Lovelace, Ada"), lower case, letters
    /// and digits only: `lovelaceada`. The roster gives "Ada Lovelace": try the last
    /// word first, and the name as written.
    static func canvasKeys(_ name: String) -> Set<String> {
        let words = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace)
            .map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
        guard let last = words.last else { return [] }
        return [([last] + words.dropLast()).joined(), words.joined()]
    }

    static func nameKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "_" }).joined(separator: " ")
    }

    static func isJunk(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "Thumbs.db" || name == "desktop.ini" || name == "__MACOSX" || name.hasPrefix("~$")
    }

    /// Files under `directory`, relative, sorted; hidden and system files skipped.
    static func regularFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let last = relative.split(separator: "/").last.map(String.init) ?? relative
            if isJunk(last) {
                enumerator.skipDescendants()
                continue
            }
            let attributes = enumerator.fileAttributes
            if attributes?[.type] as? FileAttributeType == .typeRegular { result.append(relative) }
        }
        return result.sorted()
    }

    /// Two files of the same name (from a folder and a zip) get ` (2)` added.
    static func uniqueNames(_ files: [SubmittedFile]) -> [SubmittedFile] {
        var seen: [String: Int] = [:]
        return files.sorted { $0.name < $1.name }.map { file in
            var copy = file
            let count = (seen[file.name] ?? 0) + 1
            seen[file.name] = count
            if count > 1 { copy.name = "\(file.name) (\(count))" }
            return copy
        }
    }
}

/// An entry of an LMS "download submissions" zip, read by its name:
///
/// - Moodle: `Full Name_123456_assignsubmission_file_/essay.docx`
/// - Canvas: `lovelaceada_1234_56789_essay.docx`, `lovelaceada_LATE_1234_56789_essay.docx`
///   (sortable name, user id, submission id, the file's own name)
/// - Blackboard: `Essay 1_ab123_attempt_2027-01-15-11-58-00_essay.docx`, with a receipt
///   `Essay 1_ab123_attempt_2027-01-15-11-58-00.txt` beside the files
struct LMSEntryName {
    var lms: String
    var userID: String
    var fullName: String?
    var fileName: String
    /// Blackboard's receipt of the attempt, not a submitted file.
    var isReceipt = false

    init?(_ entry: String) {
        if let moodle = MoodleEntryName(entry) {
            self.init(lms: "Moodle", userID: moodle.participantID, fullName: moodle.fullName, fileName: moodle.fileName)
            return
        }
        let last = entry.split(separator: "/").last.map(String.init) ?? entry
        if let match = last.firstMatch(of: /^.+_(?<user>[^_]+)_attempt_\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d(?:_(?<file>.+)|\.txt)$/) {
            guard let file = match.file.map(String.init) else {
                self.init(lms: "Blackboard", userID: String(match.user), fileName: last, isReceipt: true)
                return
            }
            self.init(lms: "Blackboard", userID: String(match.user), fileName: Self.cleaned(file))
            return
        }
        if let match = last.firstMatch(of: /^(?<name>[a-z][a-z0-9]*)(?:_late)?_(?<user>\d+)_(?<submission>\d+)_(?<file>.+)$/.ignoresCase()) {
            self.init(lms: "Canvas", userID: String(match.user), fullName: String(match.name).lowercased(), fileName: Self.cleaned(String(match.file)))
            return
        }
        return nil
    }

    private init(lms: String, userID: String, fullName: String? = nil, fileName: String, isReceipt: Bool = false) {
        self.lms = lms
        self.userID = userID
        self.fullName = fullName
        self.fileName = fileName
        self.isReceipt = isReceipt
    }

    /// A name to show, never a path.
    static func cleaned(_ name: String) -> String {
        let cleaned = name.replacing("\\", with: "_")
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "submission" : cleaned
    }
}

/// `Full Name_123456_assignsubmission_file_/essay.docx` or, in older Moodle,
/// `Full Name_123456_assignsubmission_file_essay.docx`.
struct MoodleEntryName {
    var fullName: String
    var participantID: String
    var fileName: String

    init?(_ entry: String) {
        guard let match = entry.firstMatch(of: /^(?<name>[^\/]+?)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z]+)_?(?<rest>.*)$/) else { return nil }
        fullName = String(match.name)
        participantID = String(match.id)
        var rest = String(match.rest)
        if rest.hasPrefix("/") { rest.removeFirst() }
        // Keep only the last path component: the name is shown, never used as a path.
        let last = rest.split(separator: "/").last.map(String.init) ?? rest
        let cleaned = last.replacing("\\", with: "_")
        guard !cleaned.isEmpty, cleaned != ".", cleaned != ".." else { return nil }
        fileName = cleaned
    }
}
