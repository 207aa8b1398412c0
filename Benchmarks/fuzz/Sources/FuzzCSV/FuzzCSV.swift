import AssessCore
import FuzzSupport

/// Parses the input as a CSV file (roster, mark sheet, responses), as UTF-8 with invalid
/// bytes replaced, which is what a reader sees after decoding.
let fuzzCSV: FuzzCallback = { data, size in
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let table = try? CSVTable.parse(text, file: "fuzz.csv", maxRows: 10_000, maxFieldLength: 1 << 16) {
        for row in table.rows { _ = row.location(row.fields.count, file: "fuzz.csv") }
        _ = table.column("candidate_id")
    }
    return 0
}

@_cdecl("FuzzCSV_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(fuzzCSV)
}
