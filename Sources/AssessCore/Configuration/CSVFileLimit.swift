internal import Foundation

extension CSVTable {
    /// Largest CSV file read (roster, mark sheets, peer ratings, submission times): 64 MiB,
    /// far above a cohort's needs, far below what would strain memory.
    public static let maxFileBytes = 64 << 20

    /// Checks a CSV file's size before it is read whole.
    /// - Throws: ``ConfigurationError`` naming the size and the limit.
    public static func checkSize(path: String, limit: Int = maxFileBytes) throws(ConfigurationError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else { return }
        if size > limit {
            throw ConfigurationError("the file is \(size) bytes, above the limit of \(limit) bytes for a CSV file; check that it is the right file", at: SourceLocation(file: path))
        }
    }
}
