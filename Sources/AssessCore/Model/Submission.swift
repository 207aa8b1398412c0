public import AssessDocuments

/// Where a submitted file's bytes are.
public enum FileSource: Sendable, Equatable, Hashable {
    /// A file on disk.
    case file(path: String)
    /// An entry inside an archive on disk (an LMS download).
    case archiveEntry(archive: String, entry: String)
}

/// One file a candidate submitted.
public struct SubmittedFile: Sendable, Equatable, Hashable {
    /// The file's own name, without folders or LMS prefixes.
    public var name: String
    public var source: FileSource

    /// Creates a submitted file.
    public init(name: String, source: FileSource) {
        self.name = name
        self.source = source
    }
}

/// What one candidate handed in for one assessment.
public struct Submission: Sendable, Equatable {
    public var assessmentID: String
    public var candidateID: String
    /// Files sorted by name.
    public var files: [SubmittedFile]
    /// For group work: the member who handed the files in for this candidate's group,
    /// when it was someone else.
    public var handedInBy: String?
    /// Rows of cohort-wide files that belong to the candidate (an MCQ answer sheet).
    public var records: [SubmissionRecord]

    /// Creates a submission.
    public init(assessmentID: String, candidateID: String, files: [SubmittedFile], records: [SubmissionRecord] = [], handedInBy: String? = nil) {
        self.assessmentID = assessmentID
        self.candidateID = candidateID
        self.files = files
        self.records = records
        self.handedInBy = handedInBy
    }
}

/// A submission with its files read: what a processor works on.
public struct SubmissionContent: Sendable {
    /// A file that was read into text.
    public struct Document: Sendable {
        public var file: String
        public var text: DocumentText
        /// Creates a document.
        public init(file: String, text: DocumentText) {
            self.file = file
            self.text = text
        }
    }

    public var candidateID: String
    public var assessment: Assessment
    /// The files that could be read, in file-name order.
    public var documents: [Document]
    /// The candidate as the roster lists them; nil when the content was made outside a
    /// course (examples, `assess count`).
    public var candidate: Candidate?
    /// Everyone on the roster in the candidate's group, the candidate included, in roster
    /// order; empty when the candidate has no group.
    public var groupMembers: [Candidate]
    /// The results of the processors listed before this one in `assessment.yaml`, in
    /// order: `penalties` reads `wordcount`'s words and the mark of `rubric` or `peer`.
    public var earlier: [ProcessorResult] = []
    /// The candidate's rows of cohort-wide files (an MCQ answer sheet).
    public var records: [SubmissionRecord]

    /// Creates the content of a submission.
    public init(candidateID: String, assessment: Assessment, documents: [Document], records: [SubmissionRecord] = [],
                candidate: Candidate? = nil, groupMembers: [Candidate] = []) {
        self.candidateID = candidateID
        self.assessment = assessment
        self.documents = documents
        self.records = records
        self.candidate = candidate
        self.groupMembers = groupMembers
    }
}
