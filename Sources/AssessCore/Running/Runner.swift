internal import Foundation
public import AssessDocuments

/// Runs an assessment's processors over its submissions.
///
/// Per submission (in parallel, at most `jobs` at once): read every file into
/// ``DocumentText``, run each processor, keep only the small ``SubmissionResult`` (the
/// text is dropped at once, so memory does not grow with the cohort). Then the cohort
/// phase of each processor. A broken file or a failing processor becomes a finding;
/// the batch always goes on. Results come back in candidate order whatever `jobs` is.
public struct Runner: Sendable {
    /// Progress for a terminal line: assessment, submissions done, submissions in all.
    public typealias Progress = @Sendable (_ assessment: String, _ done: Int, _ total: Int) -> Void

    private let course: Course
    private let jobs: Int
    private let limits: ReadLimits

    /// Creates a runner.
    /// - Parameter jobs: submissions processed at once; defaults to the number of cores.
    public init(course: Course, jobs: Int? = nil, limits: ReadLimits = .standard) {
        self.course = course
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.limits = limits
    }

    /// Runs one configured assessment.
    public func run(_ configured: ConfiguredAssessment, progress: Progress? = nil) async -> AssessmentResults {
        let assessment = configured.assessment
        let collector = SubmissionCollector(candidates: course.candidates, limits: limits)
        var collected = collector.collect(assessmentID: assessment.id, directory: assessment.directory)
        Self.addCohortRecords(configured, candidates: course.candidates, to: &collected)
        if assessment.kind == .groupPresentation {
            collected.submissions = collector.sharedWithinGroups(collected.submissions)
        }
        let total = collected.submissions.count
        let roster = Roster(course.candidates)
        var processed: [String: SubmissionResult] = [:]
        await withTaskGroup(of: SubmissionResult.self) { group in
            var pending = collected.submissions.makeIterator()
            var running = 0
            while running < jobs, let submission = pending.next() {
                group.addTask { Self.process(submission, configured: configured, roster: roster, limits: limits) }
                running += 1
            }
            while let result = await group.next() {
                processed[result.candidateID] = result
                progress?(assessment.id, processed.count, total)
                if let submission = pending.next() {
                    group.addTask { Self.process(submission, configured: configured, roster: roster, limits: limits) }
                }
            }
        }

        var cohortReports: [String: [FeedbackSection]] = [:]
        var cohortFiles: [String: [ReportFile]] = [:]
        var cohortProblems: [Finding] = []
        for (index, processor) in configured.processors.enumerated() {
            let identifier = type(of: processor).identifier
            var cohort: [String: ProcessorResult] = [:]
            for (id, result) in processed where result.status == .processed && index < result.processors.count {
                cohort[id] = result.processors[index]
            }
            guard !cohort.isEmpty else { continue }
            let review = processor.review(cohort: cohort)
            for (id, findings) in review.findings { processed[id]?.findings += findings }
            for (id, figures) in review.restricted {
                guard var result = processed[id], index < result.processors.count else { continue }
                result.processors[index].restricted = (result.processors[index].restricted ?? [:]).merging(figures) { _, new in new }
                processed[id] = result
            }
            cohortProblems += review.problems
            if !review.report.isEmpty { cohortReports[identifier] = review.report }
            if !review.files.isEmpty { cohortFiles[identifier] = review.files }
        }

        let submissions = course.candidates.map(\.id).sorted().map { id in
            processed[id] ?? SubmissionResult(candidateID: id, status: .notSubmitted)
        }
        // Problems of processors' own input files (mark sheets, extensions…): the faulty
        // file was left out, and a person must fix it.
        var problems: [Finding] = cohortProblems
        for case let checking as any InputChecking in configured.processors {
            let identifier = type(of: checking).identifier
            problems += checking.inputProblems.map { Finding("\(identifier).invalid_input", .attention, $0.description) }
        }
        return AssessmentResults(assessment: assessment, submissions: submissions, unmatched: collected.unmatched,
                                 cohortReports: cohortReports, cohortFiles: cohortFiles, problems: problems)
    }

    /// Adds the rows of cohort-wide files (an MCQ's answer sheets) that processors read:
    /// a candidate with a row but no folder becomes a submission of that row alone.
    static func addCohortRecords(_ configured: ConfiguredAssessment, candidates: [Candidate],
                                 to collected: inout (submissions: [Submission], unmatched: [UnmatchedSubmission])) {
        var byCandidate = Dictionary(collected.submissions.map { ($0.candidateID, $0) }, uniquingKeysWith: { first, _ in first })
        var changed = false
        for processor in configured.processors {
            guard let cohort = processor.cohortSubmissions(candidates: candidates) else { continue }
            changed = true
            collected.unmatched += cohort.unmatched
            for (id, record) in cohort.records {
                byCandidate[id, default: Submission(assessmentID: configured.assessment.id, candidateID: id, files: [])].records.append(record)
            }
        }
        if changed { collected.submissions = byCandidate.keys.sorted().compactMap { byCandidate[$0] } }
    }

    /// Reads one submission and runs every processor on it. Never throws: whatever
    /// goes wrong is a finding.
    static func process(_ submission: Submission, configured: ConfiguredAssessment, roster: Roster, limits: ReadLimits) -> SubmissionResult {
        var findings: [Finding] = []
        if submission.handedInBy != nil {
            findings.append(Finding("submission.group", .info, "Another member of the group handed this in for the whole group."))
        }
        var reports: [SubmissionResult.FileReport] = []
        var documents: [SubmissionContent.Document] = []
        for file in submission.files {
            var bytes: [UInt8]?
            do {
                let data = try load(file, limits: limits)
                bytes = data
                let text = try DocumentReader.read(bytes: data, name: file.name, limits: limits)
                documents.append(.init(file: file.name, text: text))
                reports.append(.init(name: file.name, format: text.format.rawValue, error: nil, sha256: SHA256.hex(data)))
                if let note = misnamed(file.name, format: text.format) {
                    findings.append(Finding("document.misnamed", .info, note, file: file.name))
                }
            } catch {
                reports.append(.init(name: file.name, format: nil, error: error.description, sha256: bytes.map(SHA256.hex)))
                findings.append(Finding("document.unreadable", .attention, "\(file.name): \(error.description)", file: file.name))
            }
        }
        for record in submission.records {
            reports.append(.init(name: record.name, format: "csv", error: nil, sha256: SHA256.hex(Array(record.fields.joined(separator: "\u{1F}").utf8))))
        }
        if submission.files.isEmpty && submission.records.isEmpty {
            findings.append(Finding("submission.empty", .attention, "The submission folder holds no files; check whether the upload failed."))
        }
        guard !documents.isEmpty || !submission.records.isEmpty else {
            return SubmissionResult(candidateID: submission.candidateID, status: .unreadable, files: reports, findings: findings)
        }
        if documents.count < submission.files.count {
            // Some files were read: the unread ones are worth a look, not a blocker.
            findings = findings.map { finding in
                var copy = finding
                if copy.code == "document.unreadable" { copy.severity = .warning }
                return copy
            }
        }
        let candidate = roster.candidate(submission.candidateID)
        var content = SubmissionContent(candidateID: submission.candidateID, assessment: configured.assessment, documents: documents,
                                        records: submission.records, candidate: candidate, groupMembers: roster.members(of: candidate?.group))
        var results: [ProcessorResult] = []
        for processor in configured.processors {
            let identifier = type(of: processor).identifier
            content.earlier = results
            do {
                let result = try processor.process(content)
                findings += result.findings
                results.append(result)
            } catch {
                findings.append(Finding("processor.failed", .attention, "The \(identifier) check could not run: \(error)"))
                results.append(ProcessorResult(processor: identifier))
            }
        }
        return SubmissionResult(candidateID: submission.candidateID, status: .processed, files: reports, findings: findings, processors: results)
    }

    private static func load(_ file: SubmittedFile, limits: ReadLimits) throws(DocumentError) -> [UInt8] {
        switch file.source {
        case .file(let path):
            return try DocumentReader.readFile(path: path, limits: limits)
        case .archiveEntry(let archivePath, let entry):
            return try ZipArchive(path: archivePath, limits: limits).read(entry)
        }
    }

    private static func misnamed(_ name: String, format: DocumentFormat) -> String? {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let expected: [DocumentFormat: [String]] = [
            .docx: ["docx", "docm", "dotx", "dotm"], .odt: ["odt", "fodt", "ott"], .pptx: ["pptx", "pptm", "potx", "ppsx"],
            .pdf: ["pdf"], .rtf: ["rtf"], .markdown: ["md", "markdown"], .text: ["txt", "text"],
        ]
        guard let allowed = expected[format], !allowed.contains(ext) else { return nil }
        if format == .text && ext != "" && !["doc", "docx", "pdf", "odt", "pptx", "rtf", "zip"].contains(ext) { return nil }
        return "\(name) is a \(format.rawValue.uppercased()) file although its name ends in .\(ext); it was read as \(format.rawValue.uppercased())."
    }
}

/// The roster by candidate id and by group, so each submission's processors can see
/// who the candidate is and who shares their group.
struct Roster: Sendable {
    private let byID: [String: Candidate]
    private let byGroup: [String: [Candidate]]

    init(_ candidates: [Candidate]) {
        byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [String: [Candidate]] = [:]
        for candidate in candidates {
            if let group = candidate.group { groups[group, default: []].append(candidate) }
        }
        byGroup = groups
    }

    func candidate(_ id: String) -> Candidate? { byID[id] }

    /// The group's members in roster order; empty for no group.
    func members(of group: String?) -> [Candidate] { group.flatMap { byGroup[$0] } ?? [] }
}
