internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes a CSV file row by row (RFC 4180, LF line ends, UTF-8) without holding it:
/// rows go through a 1 MB buffer into a temporary file beside the target, which
/// ``close()`` renames into place, so a reader never sees half a file.
///
/// Cells a spreadsheet would run as a formula are prefixed with `'`, as in `results.csv`.
/// Not `Sendable`; the `FILE*` is owned here and closed in `deinit` if ``close()`` was not called.
public final class CSVFileWriter {
    private let path: String
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []

    /// Creates the file (its folder must exist).
    /// - Throws: `CocoaError` when it cannot be created.
    public init(path: String) throws {
        self.path = path
        temporary = path + ".partial-\(getpid())"
        guard let handle = fopen(temporary, "wb") else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot create \(path): \(String(cString: strerror(errno)))"])
        }
        file = handle
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporary)
        }
    }

    /// Appends one row.
    /// - Throws: when the disk refuses the bytes.
    public func write(_ row: [String]) throws {
        var buffer = self.buffer
        self.buffer = []
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.append(cell, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
        self.buffer = buffer
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends one row written straight into the buffer by `body` (cells separated by
    /// commas it writes itself, with ``append(_:to:)`` for text that may need quoting);
    /// the line end is added here.
    public func writeRow(_ body: (inout [UInt8]) -> Void) throws {
        var buffer = self.buffer
        self.buffer = []
        body(&buffer)
        buffer.append(UInt8(ascii: "\n"))
        self.buffer = buffer
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends one cell, quoted or defused only when it needs it.
    public static func append(_ cell: String, to buffer: inout [UInt8]) {
        var cell = cell
        let plain = cell.withUTF8 { bytes -> Bool in
            guard let first = bytes.first else { return true }
            // = + @ tab CR, or - : a spreadsheet might run it as a formula.
            if first == 0x3D || first == 0x2B || first == 0x40 || first == 0x09 || first == 0x0D || first == 0x2D { return false }
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if !plain { buffer.append(contentsOf: ResultsCSV.field(cell).utf8) }
    }

    /// Finishes the file and moves it into place.
    /// - Throws: when writing or renaming fails.
    public func close() throws {
        try flush()
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot write \(path): \(String(cString: strerror(errno)))"])
        }
    }

    private func flush() throws {
        guard let file, !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a whole small table at once.
    public static func write(_ rows: [[String]], to path: String) throws {
        let writer = try CSVFileWriter(path: path)
        for row in rows { try writer.write(row) }
        try writer.close()
    }
}
