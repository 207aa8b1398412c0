internal import CLibZip
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes a zip archive entry by entry; nothing reaches disk until ``close()``.
///
/// Archives are deterministic: entries keep the order they are added in, every entry
/// has the same fixed time (2000-01-01 00:00, written as a DOS date, so the time zone
/// does not matter) and the same permissions. libzip writes to a temporary file beside
/// the target and renames it on ``close()``, so a reader never sees half an archive.
public final class ZipWriter {
    private var archive: OpaquePointer?
    private let path: String

    /// Starts an archive at `path`, replacing any file there when closed.
    /// - Throws: ``DocumentError/writeFailed(_:)`` when the file cannot be created.
    public init(path: String) throws(DocumentError) {
        self.path = path
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw .writeFailed("\(path): cannot create the archive (libzip error \(code))")
        }
        archive = handle
    }

    deinit {
        if let archive { zip_discard(archive) }
    }

    /// Adds an entry holding `bytes`.
    /// - Parameters:
    ///   - name: the entry's path inside the archive, with `/` separators.
    ///   - compress: deflate the entry (true) or store it (false; e.g. an ODF `mimetype`).
    /// - Throws: ``DocumentError/writeFailed(_:)``.
    public func add(_ name: String, bytes: [UInt8], compress: Bool = true) throws(DocumentError) {
        guard let archive else { throw .writeFailed("\(path): the archive is already closed") }
        guard let copy = malloc(max(bytes.count, 1)) else { throw .writeFailed("out of memory") }
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { copy.copyMemory(from: base, byteCount: buffer.count) }
        }
        // freep = 1: libzip frees the copy once it has written it at zip_close().
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(bytes.count), 1) else {
            free(copy)
            throw failure()
        }
        let index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
        guard index >= 0 else {
            zip_source_free(source)  // only freed by us when zip_file_add fails
            throw failure()
        }
        let entry = zip_uint64_t(index)
        // 2000-01-01 00:00:00 as a DOS date/time: ((2000 - 1980) << 9) | (1 << 5) | 1.
        zip_file_set_dostime(archive, entry, 0, (20 << 9) | (1 << 5) | 1, 0)
        zip_file_set_external_attributes(archive, entry, 0, zip_uint8_t(ZIP_OPSYS_UNIX), 0o100644 << 16)
        zip_set_file_compression(archive, entry, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, compress ? 6 : 0)
    }

    /// Adds an entry holding the UTF-8 bytes of `text`.
    /// - Throws: ``DocumentError/writeFailed(_:)``.
    public func add(_ name: String, text: String, compress: Bool = true) throws(DocumentError) {
        try add(name, bytes: Array(text.utf8), compress: compress)
    }

    /// Writes the archive and renames it into place.
    /// - Throws: ``DocumentError/writeFailed(_:)``; the partial archive is discarded.
    public func close() throws(DocumentError) {
        guard let archive else { return }
        if zip_close(archive) != 0 {
            let error = failure()
            zip_discard(archive)
            self.archive = nil
            throw error
        }
        self.archive = nil
    }

    private func failure() -> DocumentError {
        .writeFailed("\(path): \(ZipArchive.message(zip_get_error(archive)))")
    }
}
