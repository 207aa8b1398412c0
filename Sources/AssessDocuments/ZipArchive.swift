internal import CLibZip
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One entry of a zip archive, as its central directory declares it.
public struct ZipEntryInfo: Sendable, Equatable {
    /// The entry's name, exactly as stored (may hold `..`, absolute paths, backslashes).
    public var name: String
    /// Declared uncompressed size in bytes.
    public var size: Int
    /// Declared compressed size in bytes.
    public var compressedSize: Int
    /// Whether the entry is encrypted.
    public var isEncrypted: Bool
    /// Whether the entry names a directory (ends in `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }
}

/// Reads a zip archive through libzip, checking every entry against ``ReadLimits``.
///
/// Not `Sendable`: one task uses an archive at a time. The archive handle is owned here
/// and closed in `deinit`.
public final class ZipArchive {
    private var archive: OpaquePointer?
    private let limits: ReadLimits
    private var bytesRead = 0
    /// A finished XML reader kept for the next part read from this archive.
    let xmlReaders = XMLReaderCache()
    /// The entries in the archive's own order.
    public private(set) var entries: [ZipEntryInfo] = []

    /// Opens the archive at `path`.
    /// - Throws: ``DocumentError/damagedArchive(_:)`` when it is not a readable zip,
    ///   ``DocumentError/limitExceeded(what:limit:actual:)`` when it has too many entries.
    public init(path: String, limits: ReadLimits = .standard) throws(DocumentError) {
        self.limits = limits
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            throw Self.openError(code)
        }
        archive = handle
        try loadEntries()
    }

    /// Opens an archive held in memory (for example a DOCX inside an LMS download).
    /// - Throws: as ``init(path:limits:)``.
    public init(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentError) {
        self.limits = limits
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // freep = 1: libzip frees this copy when the source is freed.
        guard let copy = malloc(max(bytes.count, 1)) else { throw .unreadable("out of memory") }
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { copy.copyMemory(from: base, byteCount: buffer.count) }
        }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
            free(copy)
            throw .unreadable("out of memory")
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)  // not taken over by libzip on failure
            throw Self.openError(zip_error_code_zip(&error))
        }
        archive = handle
        try loadEntries()
    }

    deinit {
        if let archive { zip_discard(archive) }
    }

    /// Whether an entry of that name exists.
    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    /// The declared facts of the named entry, or nil when there is none.
    public func info(_ name: String) -> ZipEntryInfo? {
        index(of: name).map { entries[Int($0)] }
    }

    /// Reads a whole entry into memory after checking its sizes against the limits.
    /// - Throws: ``DocumentError/missingPart(_:)``, ``DocumentError/encrypted``,
    ///   ``DocumentError/limitExceeded(what:limit:actual:)`` or
    ///   ``DocumentError/damagedArchive(_:)``.
    public func read(_ name: String) throws(DocumentError) -> [UInt8] {
        let stream = try open(name)
        var result: [UInt8] = []
        result.reserveCapacity(min(stream.info.size, limits.maxEntryBytes))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try stream.read(into: chunk)
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// Opens an entry for streaming.
    /// - Throws: as ``read(_:)``.
    func open(_ name: String) throws(DocumentError) -> ZipEntryStream {
        guard let archive, let index = index(of: name) else { throw .missingPart(name) }
        let info = entries[Int(index)]
        try check(info)
        guard let file = zip_fopen_index(archive, index, 0) else {
            throw .damagedArchive(Self.message(zip_get_error(archive)))
        }
        return ZipEntryStream(owner: self, file: file, info: info, limit: limits.maxEntryBytes)
    }

    fileprivate func account(_ count: Int) throws(DocumentError) {
        bytesRead += count
        if bytesRead > limits.maxTotalBytes {
            throw .limitExceeded(what: "the uncompressed size of the archive's parts", limit: limits.maxTotalBytes, actual: bytesRead)
        }
    }

    private func check(_ info: ZipEntryInfo) throws(DocumentError) {
        if info.isEncrypted { throw .encrypted }
        if info.size > limits.maxEntryBytes {
            throw .limitExceeded(what: "the uncompressed size of \(info.name)", limit: limits.maxEntryBytes, actual: info.size)
        }
        if info.size > 1 << 20 {
            let ratio = info.size / max(info.compressedSize, 1)
            if ratio > limits.maxCompressionRatio {
                throw .limitExceeded(what: "the compression ratio of \(info.name)", limit: limits.maxCompressionRatio, actual: ratio)
            }
        }
        if bytesRead + info.size > limits.maxTotalBytes {
            throw .limitExceeded(what: "the uncompressed size of the archive's parts", limit: limits.maxTotalBytes, actual: bytesRead + info.size)
        }
    }

    private func index(of name: String) -> zip_uint64_t? {
        guard let archive else { return nil }
        var found = zip_name_locate(archive, name, 0)
        if found < 0 { found = zip_name_locate(archive, name, ZIP_FL_NOCASE) }
        return found < 0 ? nil : zip_uint64_t(found)
    }

    private func loadEntries() throws(DocumentError) {
        guard let archive else { return }
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else { throw .damagedArchive("no central directory") }
        if count > limits.maxEntries {
            throw .limitExceeded(what: "the number of entries in the archive", limit: limits.maxEntries, actual: Int(count))
        }
        entries.reserveCapacity(Int(count))
        for index in 0..<zip_uint64_t(count) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0 else {
                throw .damagedArchive(Self.message(zip_get_error(archive)))
            }
            let name = stat.name.map { String(decoding: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self).bufferUntilNul, as: UTF8.self) } ?? ""
            entries.append(ZipEntryInfo(
                name: name,
                size: Int(clamping: stat.size),
                compressedSize: Int(clamping: stat.comp_size),
                isEncrypted: stat.encryption_method != UInt16(ZIP_EM_NONE)))
        }
    }

    private static func openError(_ code: Int32) -> DocumentError {
        switch code {
        case ZIP_ER_NOZIP: .damagedArchive("not a zip archive")
        case ZIP_ER_INCONS: .damagedArchive("its zip directory is inconsistent")
        case ZIP_ER_NOENT, ZIP_ER_OPEN: .unreadable("it does not exist or cannot be opened")
        case ZIP_ER_READ: .unreadable("a read error occurred")
        case ZIP_ER_MEMORY: .unreadable("out of memory")
        default:
            .damagedArchive(message(code: code))
        }
    }

    static func message(_ error: UnsafeMutablePointer<zip_error_t>?) -> String {
        guard let error, let text = zip_error_strerror(error) else { return "unknown zip error" }
        return String(cString: text).lowercased()
    }

    private static func message(code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return message(&error)
    }
}

/// One open zip entry, read in chunks; closes its libzip file handle in `deinit`.
final class ZipEntryStream {
    private let owner: ZipArchive  // keeps the archive open while the entry is read
    private var file: OpaquePointer?
    let info: ZipEntryInfo
    private let limit: Int
    private var total = 0

    fileprivate init(owner: ZipArchive, file: OpaquePointer, info: ZipEntryInfo, limit: Int) {
        self.owner = owner
        self.file = file
        self.info = info
        self.limit = limit
    }

    deinit {
        if let file { zip_fclose(file) }
    }

    /// The archive's cache of XML readers, for a stream over this entry.
    var readerCache: XMLReaderCache { owner.xmlReaders }

    /// Reads up to `buffer.count` bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DocumentError) -> Int {
        guard let file, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = zip_fread(file, base, zip_uint64_t(buffer.count))
        if count < 0 {
            let message = ZipArchive.message(zip_file_get_error(file))
            if message.contains("password") || message.contains("encrypt") { throw .encrypted }
            throw .damagedArchive("\(info.name): \(message)")
        }
        total += Int(count)
        if total > limit {
            throw .limitExceeded(what: "the uncompressed size of \(info.name)", limit: limit, actual: total)
        }
        try owner.account(Int(count))
        return Int(count)
    }
}

extension UnsafePointer<UInt8> {
    /// The bytes up to (not including) the first NUL.
    var bufferUntilNul: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: self, count: strlen(UnsafeRawPointer(self).assumingMemoryBound(to: CChar.self)))
    }
}
