internal import CSQLite

/// The ledger could not be opened, read or written.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, and what to do.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// One SQLite connection: owns the `sqlite3*` and closes it in `deinit`. Used by one
/// thread at a time (not `Sendable`).
final class Database {
    private var handle: OpaquePointer?

    /// Opens (or creates) the database at `path`.
    init(path: String) throws(LedgerError) {
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            throw LedgerError("the ledger \(path) could not be opened (\(message)); check the folder is writable")
        }
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        // close_v2 defers the close until every statement is finalised.
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Runs SQL without results (one or more statements).
    func execute(_ sql: String) throws(LedgerError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)  // sqlite3_exec hands over the message
            throw LedgerError("the ledger refused \(sql.prefix(40))…: \(message)")
        }
    }

    /// Prepares a statement.
    func prepare(_ sql: String) throws(LedgerError) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw LedgerError("the ledger could not prepare \(sql.prefix(40))…: \(lastError)")
        }
        return Statement(statement, database: self)
    }

    /// The row id of the last insert.
    var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection" }
}

/// A value bound to or read from SQL.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A prepared statement: owns the `sqlite3_stmt*` and finalises it in `deinit`.
final class Statement {
    private let statement: OpaquePointer
    private let database: Database  // keeps the connection open while the statement lives

    init(_ statement: OpaquePointer, database: Database) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds values to `?1…?n`, runs to completion and resets.
    func run(_ values: [SQLValue]) throws(LedgerError) {
        try bind(values)
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw LedgerError("the ledger could not write: \(database.lastError)") }
    }

    /// Binds values and returns every row.
    func rows(_ values: [SQLValue] = []) throws(LedgerError) -> [[SQLValue]] {
        try bind(values)
        defer { sqlite3_reset(statement) }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw LedgerError("the ledger could not be read: \(database.lastError)") }
            var row: [SQLValue] = []
            for column in 0..<sqlite3_column_count(statement) {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_NULL: row.append(.null)
                default: row.append(.text(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""))
                }
            }
            rows.append(row)
        }
        return rows
    }

    private func bind(_ values: [SQLValue]) throws(LedgerError) {
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status = switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .integer(let number): sqlite3_bind_int64(statement, index, number)
            case .real(let number): sqlite3_bind_double(statement, index, number)
            // SQLITE_TRANSIENT: SQLite copies the text before this call returns.
            case .text(let text): sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
            }
            guard status == SQLITE_OK else { throw LedgerError("the ledger could not bind a value: \(database.lastError)") }
        }
    }
}

extension SQLValue {
    var text: String? { if case .text(let value) = self { value } else { nil } }
    var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    var real: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Double?) { self = number.map(SQLValue.real) ?? .null }
}
