import ArgumentParser
import AssessCore
import Foundation

/// The `assess` command line: parses arguments, calls the library, prints, and exits
/// with 0 (all done), 1 (done, but something needs a person) or 2 (bad usage or
/// invalid configuration; nothing written).
@main
struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process a programme's assessments: word counts, checks, feedback archives.",
        discussion: """
            Exit status: 0 all done; 1 done, but some submissions have findings that need a \
            person (listed in run.json and on stderr); 2 bad usage or invalid configuration.
            """,
        version: AssessVersion.current,
        subcommands: [Run.self, Count.self, MCQ.self, Marksheets.self, History.self, Validate.self, Processors.self, Plugin.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // DESIGN.md: bad usage exits with 2, like configuration errors.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Exit statuses of DESIGN.md.
enum ExitStatus {
    static let needsAttention = ExitCode(1)
    static let invalid = ExitCode(2)
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Whether standard error is a terminal (for the progress line).
var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
