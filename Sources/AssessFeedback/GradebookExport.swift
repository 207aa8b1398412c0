internal import AssessCore

/// Grade files for the LMS (see `docs/outputs.md`):
///
/// - Moodle's assignment **grading worksheet** (`Identifier,Full name,Email address,Status,
///   Grade,Maximum Grade,…`), which Moodle's "Upload grading worksheet" reads back,
///   matching rows by `Identifier` (`Participant <id>`, the id in Moodle's download
///   folder names: the roster's `lms_id`, else the candidate id);
/// - a **Canvas gradebook** CSV (`Student,ID,SIS User ID,SIS Login ID,Section,<title>`,
///   then a `Points Possible` row), which Canvas's gradebook import matches by SIS User
///   ID (the candidate id) or SIS Login ID (the email).
public enum GradebookExport {
    /// One candidate's grade.
    public struct Entry: Sendable, Equatable {
        /// The candidate's id (Canvas's SIS User ID).
        public var candidateID: String
        /// The full name.
        public var name: String?
        /// The email address (Canvas's SIS Login ID).
        public var email: String?
        /// Moodle's participant id.
        public var lmsID: String?
        /// nil: no grade (not submitted).
        public var points: Double?
        /// The full marks.
        public var maximum: Double

        /// Creates an entry.
        public init(candidateID: String, name: String? = nil, email: String? = nil, lmsID: String? = nil, points: Double?, maximum: Double) {
            self.candidateID = candidateID
            self.name = name
            self.email = email
            self.lmsID = lmsID
            self.points = points
            self.maximum = maximum
        }
    }

    /// The worksheet's header, as Moodle writes it.
    public static let moodleHeader = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
                                      "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments"]

    /// One worksheet row.
    public static func moodleRow(_ entry: Entry) -> [String] {
        ["Participant \(entry.lmsID ?? entry.candidateID)", entry.name ?? entry.candidateID, entry.email ?? "",
         entry.points == nil ? "No submission" : "Submitted for grading", entry.points.map(twoDecimals) ?? "",
         twoDecimals(entry.maximum), "Yes", "", "", ""]
    }

    /// The Canvas header and its `Points Possible` row.
    public static func canvasHeader(title: String, maximum: Double) -> [[String]] {
        [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", title],
         ["    Points Possible", "", "", "", "", twoDecimals(maximum)]]
    }

    /// One Canvas row.
    public static func canvasRow(_ entry: Entry) -> [String] {
        [entry.name ?? entry.candidateID, "", entry.candidateID, entry.email ?? "", "", entry.points.map(twoDecimals) ?? ""]
    }

    static func twoDecimals(_ value: Double) -> String {
        MCQReport.percent(value)
    }
}
