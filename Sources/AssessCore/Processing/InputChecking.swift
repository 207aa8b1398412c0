/// A processor that reads files of its own besides the submissions (mark sheets,
/// extensions, submission times, peer ratings) and keeps what was wrong with them.
///
/// `assess validate` reports these problems as errors; `assess run` goes on without the
/// faulty file and lists each problem as needing a person (in `run.json`, on stderr,
/// exit status 1).
public protocol InputChecking: Processor {
    /// Problems of the processor's input files, each at `file:line:column`.
    var inputProblems: [ConfigurationError] { get }
}
