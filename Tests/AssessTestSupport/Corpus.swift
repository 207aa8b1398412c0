import Foundation

/// Finds the shared corpus of real documents (`../shared/corpus` beside the checkout,
/// or `$ASSESS_CORPUS`) and the package's own folders.
public enum Corpus {
    /// The package's root folder.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The corpus folder, or nil when it is not there.
    public static let root: String? = {
        let candidates = [ProcessInfo.processInfo.environment["ASSESS_CORPUS"], packageRoot + "/../shared/corpus"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Files in a corpus sub-folder with one of the extensions (all files when empty),
    /// sorted; empty when the corpus is absent.
    public static func files(_ folder: String, extensions: [String] = []) -> [String] {
        guard let root else { return [] }
        let directory = root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            extensions.isEmpty || extensions.contains { name.lowercased().hasSuffix("." + $0) }
        }.sorted().map { directory + "/" + $0 }
    }

    /// A line explaining a skipped corpus test.
    public static let absenceMessage = "corpus not found at ../shared/corpus (set ASSESS_CORPUS); corpus conformance tests skipped"
}
