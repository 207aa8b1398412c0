import AssessDocuments
import FuzzSupport

/// Opens the input as a zip held in memory and reads every entry, under small limits so
/// that a run explores shapes rather than big allocations.
let fuzzZip: FuzzCallback = { data, size in
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = ReadLimits(maxFileBytes: 4 << 20, maxEntryBytes: 4 << 20, maxTotalBytes: 8 << 20, maxEntries: 2_000)
    guard let archive = try? ZipArchive(bytes: bytes, limits: limits) else { return 0 }
    for entry in archive.entries where !entry.isDirectory {
        _ = try? archive.read(entry.name)
    }
    return 0
}

@_cdecl("FuzzZip_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(fuzzZip)
}
