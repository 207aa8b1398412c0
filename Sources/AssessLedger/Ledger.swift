public import AssessCore
public import Foundation

/// What one `assess run` recorded: the results it produced and the archives it wrote.
public struct LedgerRun: Sendable {
    public var startedAt: Date
    public var finishedAt: Date
    public var course: Course
    /// The assessments run this time.
    public var results: [AssessmentResults]
    /// SHA-256 of each candidate's feedback archive, by candidate id.
    public var archives: [String: String]
    /// The folder holding the archives (`out/feedback`).
    public var archiveDirectory: String

    /// Creates a run record.
    public init(startedAt: Date, finishedAt: Date, course: Course, results: [AssessmentResults], archives: [String: String], archiveDirectory: String) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.course = course
        self.results = results
        self.archives = archives
        self.archiveDirectory = archiveDirectory
    }
}

/// One candidate's mark for one assessment, as a run recorded it.
public struct LedgerMark: Sendable, Equatable {
    public var run: Int64
    public var recordedAt: String
    public var assessment: String
    public var status: String
    /// The final mark (after penalties), rounded; nil when there is none yet.
    public var mark: Double?
    public var band: String?
    /// How the mark was reached (single, combined, agreed, third_marker, unresolved…).
    public var marking: String?
    /// The markers' marks, agreed mark and penalties behind it, in words.
    public var details: [String]
}

/// The audit trail of every run: `out/ledger.sqlite` (SQLite, write-ahead log, one
/// transaction per run). Rows are only ever added: a mark that changes between runs
/// keeps its earlier values in the earlier runs' rows.
///
/// Tables: `runs`, `results` (a row per candidate and assessment), `imported_marks`
/// (every mark with its sheet, row and the sheet's SHA-256), `agreed_marks` (with
/// reasons), `penalties` (rule and reason), `archives` (path and SHA-256).
public final class Ledger {
    private let database: Database

    /// The ledger's schema version (`PRAGMA user_version`).
    public static let schemaVersion = 1

    /// Opens or creates the ledger at `path` and brings its schema up to date.
    /// - Throws: ``LedgerError`` when it cannot be opened or is not a ledger.
    public init(path: String) throws(LedgerError) {
        database = try Database(path: path)
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        let version = try database.prepare("PRAGMA user_version").rows().first?.first?.integer ?? 0
        if version == 0 {
            try database.execute("BEGIN IMMEDIATE;" + Self.schema + "PRAGMA user_version=\(Self.schemaVersion); COMMIT;")
        } else if version > Self.schemaVersion {
            throw LedgerError("the ledger \(path) was written by a newer assess (schema \(version)); use that version")
        }
    }

    static let schema = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, assess_version TEXT NOT NULL,
            programme TEXT NOT NULL, cohort TEXT NOT NULL, assessments TEXT NOT NULL, result_count INTEGER NOT NULL);
        CREATE TABLE results (
            run_id INTEGER NOT NULL REFERENCES runs(id), assessment_id TEXT NOT NULL, candidate_id TEXT NOT NULL, script TEXT NOT NULL,
            status TEXT NOT NULL, mark REAL, band TEXT, marking TEXT, findings TEXT NOT NULL,
            PRIMARY KEY (run_id, assessment_id, candidate_id));
        CREATE TABLE imported_marks (
            run_id INTEGER NOT NULL REFERENCES runs(id), assessment_id TEXT NOT NULL, script TEXT NOT NULL, role TEXT NOT NULL,
            marker TEXT NOT NULL, mark REAL NOT NULL, selections TEXT NOT NULL, overall_comment TEXT,
            sheet TEXT NOT NULL, sheet_row INTEGER NOT NULL, sheet_sha256 TEXT,
            PRIMARY KEY (run_id, assessment_id, script, role));
        CREATE TABLE agreed_marks (
            run_id INTEGER NOT NULL REFERENCES runs(id), assessment_id TEXT NOT NULL, script TEXT NOT NULL, mark REAL NOT NULL,
            reason TEXT NOT NULL, agreed_by TEXT, sheet TEXT NOT NULL, sheet_row INTEGER NOT NULL,
            PRIMARY KEY (run_id, assessment_id, script));
        CREATE TABLE penalties (
            run_id INTEGER NOT NULL REFERENCES runs(id), assessment_id TEXT NOT NULL, candidate_id TEXT NOT NULL, kind TEXT NOT NULL,
            rule TEXT NOT NULL, reason TEXT NOT NULL, deduction REAL NOT NULL, applied INTEGER NOT NULL);
        CREATE TABLE archives (
            run_id INTEGER NOT NULL REFERENCES runs(id), candidate_id TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
            PRIMARY KEY (run_id, candidate_id));
        CREATE INDEX results_by_candidate ON results (candidate_id, assessment_id, run_id);
        """

    /// Records a run in one transaction: either all of it is in the ledger or none.
    /// - Returns: the run's id.
    /// - Throws: ``LedgerError``; the ledger is then unchanged.
    @discardableResult
    public func record(_ run: LedgerRun) throws(LedgerError) -> Int64 {
        try database.execute("BEGIN IMMEDIATE")
        do throws(LedgerError) {
            let id = try insert(run)
            FaultInjection.reach("ledger.before-commit")
            try database.execute("COMMIT")
            return id
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    private func insert(_ run: LedgerRun) throws(LedgerError) -> Int64 {
        let stamp = ISO8601DateFormatter()
        let resultCount = run.results.reduce(0) { $0 + $1.submissions.count }
        try database.prepare("INSERT INTO runs (started_at, finished_at, assess_version, programme, cohort, assessments, result_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .run([.text(stamp.string(from: run.startedAt)), .text(stamp.string(from: run.finishedAt)), .text(AssessVersion.current),
                  .text(run.course.programme), .text(run.course.cohort), .text(run.results.map(\.assessment.id).joined(separator: ",")), .integer(Int64(resultCount))])
        let id = database.lastInsertID
        let result = try database.prepare("INSERT INTO results VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        let imported = try database.prepare("INSERT OR IGNORE INTO imported_marks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        let agreed = try database.prepare("INSERT OR IGNORE INTO agreed_marks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        let penalty = try database.prepare("INSERT INTO penalties VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        var sheetHashes: [String: String] = [:]
        func hash(_ path: String) -> SQLValue {
            if let known = sheetHashes[path] { return .text(known) }
            guard let data = FileManager.default.contents(atPath: path) else { return .null }
            let digest = SHA256.hex(Array(data))
            sheetHashes[path] = digest
            return .text(digest)
        }
        for assessment in run.results {
            let assessmentID = SQLValue.text(assessment.assessment.id)
            for (offset, submission) in assessment.submissions.enumerated() {
                let final = submission.processors.last { $0.metrics["mark"]?.numberValue != nil }
                let marking = submission.processors.lazy.compactMap { try? $0.restricted?["marking"]?.decode(as: ScriptMarking.self) }.first
                let mark = final?.metrics["mark"]?.numberValue
                let band = final?.metrics["band"]?.stringValue ?? mark.flatMap { run.course.band(for: $0)?.name }
                try result.run([.integer(id), assessmentID, .text(submission.candidateID), .text(marking?.script ?? submission.candidateID),
                                .text(submission.status.rawValue), SQLValue(mark), SQLValue(band), SQLValue(marking?.resolution.rawValue),
                                .text(submission.findings.map(\.code).joined(separator: ";"))])
                if let marking {
                    for record in marking.marks {
                        let selections = (try? JSONValue(encoding: record.selections)).flatMap { value in
                            (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) }
                        } ?? "[]"
                        try imported.run([.integer(id), assessmentID, .text(record.script), .text(record.role.rawValue), .text(record.marker), .real(record.mark),
                                          .text(selections), SQLValue(record.overallComment), .text(record.source.file), .integer(Int64(record.source.row)), hash(record.source.file)])
                    }
                    if let mark = marking.agreed {
                        try agreed.run([.integer(id), assessmentID, .text(mark.script), .real(mark.mark), .text(mark.reason), SQLValue(mark.agreedBy),
                                        .text(mark.source.file), .integer(Int64(mark.source.row))])
                    }
                }
                for processor in submission.processors {
                    guard let applied = try? processor.metrics["penalties"]?.decode(as: [AppliedPenalty].self) else { continue }
                    for item in applied {
                        try penalty.run([.integer(id), assessmentID, .text(submission.candidateID), .text(item.kind.rawValue), .text(item.rule), .text(item.reason),
                                         .real(item.deduction), .integer(item.applied ? 1 : 0)])
                    }
                }
                if offset == assessment.submissions.count / 2 { FaultInjection.reach("ledger.mid-results") }
            }
        }
        let archive = try database.prepare("INSERT INTO archives VALUES (?1, ?2, ?3, ?4)")
        for candidate in run.archives.keys.sorted() {
            try archive.run([.integer(id), .text(candidate), .text(run.archiveDirectory + "/" + candidate + ".zip"), .text(run.archives[candidate] ?? "")])
        }
        return id
    }

    /// A candidate's marks over time: for each assessment, the first run and every run
    /// whose mark, band, status or marking differs from the run before.
    /// - Parameter all: every run, changed or not.
    /// - Throws: ``LedgerError``.
    public func history(candidate: String, all: Bool = false) throws(LedgerError) -> [LedgerMark] {
        let rows = try database.prepare("""
            SELECT r.run_id, runs.started_at, r.assessment_id, r.status, r.mark, r.band, r.marking, r.script
            FROM results r JOIN runs ON runs.id = r.run_id WHERE r.candidate_id = ?1 ORDER BY r.assessment_id, r.run_id
            """).rows([.text(candidate)])
        let marks = try database.prepare("SELECT role, marker, mark, sheet, sheet_row FROM imported_marks WHERE run_id = ?1 AND assessment_id = ?2 AND script = ?3 ORDER BY role")
        let agreed = try database.prepare("SELECT mark, reason FROM agreed_marks WHERE run_id = ?1 AND assessment_id = ?2 AND script = ?3")
        let penalties = try database.prepare("SELECT kind, deduction, reason FROM penalties WHERE run_id = ?1 AND assessment_id = ?2 AND candidate_id = ?3 AND applied = 1")
        var result: [LedgerMark] = []
        var previous: [String: LedgerMark] = [:]
        for row in rows {
            guard row.count == 8, let run = row[0].integer, let assessment = row[2].text else { continue }
            var details: [String] = []
            let key: [SQLValue] = [.integer(run), .text(assessment), row[7]]
            for mark in try marks.rows(key) {
                details.append("\(mark[0].text ?? "") mark \(markText(mark[2].real ?? 0)) by \(mark[1].text ?? "") (\(mark[3].text.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "") row \(mark[4].integer ?? 0))")
            }
            for mark in try agreed.rows(key) { details.append("agreed \(markText(mark[0].real ?? 0)): \(mark[1].text ?? "")") }
            for item in try penalties.rows([.integer(run), .text(assessment), .text(candidate)]) {
                details.append("\(item[0].text ?? "") penalty −\(markText(item[1].real ?? 0)): \(item[2].text ?? "")")
            }
            let entry = LedgerMark(run: run, recordedAt: row[1].text ?? "", assessment: assessment, status: row[3].text ?? "", mark: row[4].real,
                                   band: row[5].text, marking: row[6].text, details: details)
            let before = previous[assessment]
            let changed = before.map { $0.mark != entry.mark || $0.band != entry.band || $0.status != entry.status || $0.marking != entry.marking || $0.details != entry.details } ?? true
            if all || changed { result.append(entry) }
            previous[assessment] = entry
        }
        return result
    }

    /// The number of runs recorded.
    /// - Throws: ``LedgerError``.
    public func runCount() throws(LedgerError) -> Int {
        Int(try database.prepare("SELECT count(*) FROM runs").rows().first?.first?.integer ?? 0)
    }

    /// What is wrong with the ledger, if anything: SQLite's integrity check, rows of
    /// runs that do not exist, and runs whose results are not all there.
    /// - Throws: ``LedgerError``.
    public func consistencyProblems() throws(LedgerError) -> [String] {
        var problems = try database.prepare("PRAGMA integrity_check").rows().compactMap(\.first?.text).filter { $0 != "ok" }
        for table in ["results", "imported_marks", "agreed_marks", "penalties", "archives"] {
            let orphans = try database.prepare("SELECT count(*) FROM \(table) WHERE run_id NOT IN (SELECT id FROM runs)").rows().first?.first?.integer ?? 0
            if orphans > 0 { problems.append("\(orphans) row(s) of \(table) belong to no run") }
        }
        let partial = try database.prepare("""
            SELECT runs.id FROM runs LEFT JOIN results ON results.run_id = runs.id GROUP BY runs.id HAVING count(results.run_id) != runs.result_count
            """).rows()
        problems += partial.map { "run \($0.first?.integer ?? 0) is missing results" }
        return problems
    }
}
