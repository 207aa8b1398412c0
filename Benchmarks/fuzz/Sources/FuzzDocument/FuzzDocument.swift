import AssessDocuments
import FuzzSupport

/// Reads the input as a submitted document: DOCX, ODT (zipped or flat), PPTX, PDF, RTF,
/// Markdown or text, whichever its first bytes say. Seeded with the corpus's documents.
let fuzzDocument: FuzzCallback = { data, size in
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = ReadLimits(maxFileBytes: 4 << 20, maxEntryBytes: 8 << 20, maxTotalBytes: 16 << 20, maxEntries: 2_000, maxPages: 50)
    if let document = try? DocumentReader.read(bytes: bytes, name: "fuzz.docx", limits: limits) {
        _ = document.words()
    }
    return 0
}

@_cdecl("FuzzDocument_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(fuzzDocument)
}
