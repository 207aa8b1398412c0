public import Foundation

/// Runs a program to completion and returns its exit status and output.
///
/// Output goes to temporary files rather than pipes: Foundation's
/// `readDataToEndOfFile()` traps on `EINTR` (seen here when another test's child exits
/// mid-read, crashing the whole test process), and two pipes read one after the other
/// can deadlock when the second fills.
public enum ChildProcessRunner {
    /// What a finished program gave.
    public struct Outcome: Sendable {
        public var status: Int32
        public var signalled: Bool
        public var stdout: Data
        public var stderr: Data
    }

    /// Runs `executable` with `arguments`, adding `environment` to the current one.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let directory = try TemporaryDirectory()
        let outPath = directory.path + "/stdout", errPath = directory.path + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stdout: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(),
                       stderr: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data())
    }
}
