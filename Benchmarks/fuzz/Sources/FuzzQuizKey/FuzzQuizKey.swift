import AssessDocuments
import Foundation
import FuzzSupport

/// The key readers work from a path (a QTI item may name its package's other files), so
/// each input is written to one scratch file per process and read as a key: Moodle XML,
/// a QTI item or test, or a zipped QTI content package, by content.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("assess-fuzz-key-\(getpid())").path

let fuzzQuizKey: FuzzCallback = { data, size in
    guard let data else { return 0 }
    FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size))
    if let key = try? KeyReader.read(path: scratch) {
        for item in key.items { _ = item.options.count }
    }
    return 0
}

@_cdecl("FuzzQuizKey_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(fuzzQuizKey)
}
