internal import Foundation

/// Prints a self-contained HTML page to PDF with headless Chromium (its print CSS: A4,
/// 18 mm margins, no browser header or footer). The PDF's creation and modification
/// dates are set to 2000-01-01 so that the same page gives the same bytes.
public struct PDFPrinter: Sendable {
    /// The Chromium executable.
    public let executable: String
    /// Seconds one page may take before Chromium is stopped and the page skipped.
    public var timeout: Double = 60

    /// Uses the given executable.
    public init(executable: String) {
        self.executable = executable
    }

    /// Chromium found on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), or nil.
    /// - Parameter path: the folders to search, `PATH` by default.
    public static func find(path: String? = nil) -> PDFPrinter? {
        let folders = (path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return PDFPrinter(executable: folder + "/" + name)
            }
        }
        return nil
    }

    /// The PDF of `html`, or nil when Chromium failed or took longer than ``timeout``.
    public func print(html: String) -> [UInt8]? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assess-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let page = folder.appendingPathComponent("page.html"), pdf = folder.appendingPathComponent("page.pdf")
            try Data(html.utf8).write(to: page)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/profile",
                                 "--print-to-pdf=\(pdf.path)", page.absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    process.waitUntilExit()
                    return nil
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else { return nil }
            return Self.fixDates(Array(data))
        } catch {
            return nil
        }
    }

    /// Replaces every `(D:YYYYMMDDHHmmSS…)` date with 2000-01-01 of the same length, so
    /// the cross-reference table's offsets stay right.
    public static func fixDates(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        let marker = Array("(D:".utf8)
        var index = 0
        while index + 17 < result.count {
            if result[index] == marker[0], result[index + 1] == marker[1], result[index + 2] == marker[2],
               result[(index + 3)..<(index + 17)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                result.replaceSubrange((index + 3)..<(index + 17), with: Array("20000101000000".utf8))
                index += 17
                // The time zone as Chromium writes it, "+01'00'": UTC, whatever the machine's zone.
                if index + 7 <= result.count, result[index] == UInt8(ascii: "+") || result[index] == UInt8(ascii: "-"),
                   result[index + 3] == UInt8(ascii: "'"), result[index + 6] == UInt8(ascii: "'") {
                    result.replaceSubrange(index..<(index + 7), with: Array("Z00'00'".utf8))
                }
            } else {
                index += 1
            }
        }
        return result
    }
}
