internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What became of a child process run by ``ChildProcess/run(executable:arguments:input:timeout:maxOutput:environment:)``.
public struct ChildOutcome: Sendable, Equatable {
    /// How the child ended.
    public enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (a crash: SIGSEGV, SIGABRT…).
        case signalled(Int32)
        /// It ran past its time and was killed.
        case timedOut
        /// It wrote more than the allowed output and was killed.
        case outputTooLarge
        /// It could not be started (the reason, from the system).
        case couldNotStart(String)
    }

    /// How the child ended.
    public var ending: Ending
    /// Everything it wrote to standard output (at most the allowed output).
    public var stdout: [UInt8]
    /// The last few kilobytes it wrote to standard error.
    public var stderr: [UInt8]
    /// Wall-clock seconds from start to end.
    public var seconds: Double
}

/// Runs an executable with bytes on its standard input, reading its standard output and
/// standard error at the same time (one `poll` loop: no thread, no pipe deadlock whatever
/// order the child reads and writes in), with a deadline and a cap on output. The child
/// runs in a process group of its own, so a timeout kills whatever it started too.
///
/// Pipes are made close-on-exec, and making them and spawning happen under one lock, so
/// children started at the same moment by other tasks never inherit one another's pipes
/// (Swift's Glibc has no `pipe2`). `SIGPIPE` is ignored in this process (once,
/// on first use) so that a child that exits without reading its input cannot end it.
public enum ChildProcess {
    /// The most of standard error kept (its end: where the error usually is).
    static let stderrKept = 8 * 1024

    private static let spawnLock = NSLock()

    private static let ignoreSIGPIPE: Bool = {
        _ = signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Runs `executable` and returns how it ended. Never throws and never waits past
    /// `timeout` (plus the moment it takes to reap a killed child).
    /// - Parameters:
    ///   - executable: an absolute path.
    ///   - input: written to the child's standard input, which is then closed.
    ///   - timeout: seconds before the child (and its process group) is killed.
    ///   - maxOutput: the most bytes read from standard output before it is killed.
    ///   - environment: the child's whole environment.
    public static func run(executable: String, arguments: [String] = [], input: [UInt8], timeout: Double, maxOutput: Int,
                           environment: [String: String]) -> ChildOutcome {
        _ = ignoreSIGPIPE
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = start.duration(to: clock.now).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
        func failed(_ reason: String) -> ChildOutcome {
            ChildOutcome(ending: .couldNotStart(reason), stdout: [], stderr: [], seconds: seconds())
        }

        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        guard let toChild = makePipe() else { return failed("no pipe: \(errorText())") }
        guard let fromChild = makePipe() else {
            closeAll([toChild.read, toChild.write])
            return failed("no pipe: \(errorText())")
        }
        guard let errorsFromChild = makePipe() else {
            closeAll([toChild.read, toChild.write, fromChild.read, fromChild.write])
            return failed("no pipe: \(errorText())")
        }

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild.read, 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorsFromChild.write, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (to kill all of it), default signal handling (SIGPIPE
        // back to default) and nothing blocked.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)

        // strdup'd copies: freed below, after posix_spawn has copied them into the child.
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // ETXTBSY: another thread's child inherited a descriptor open for writing on the
        // executable (it was just written); that child execs or exits within moments.
        var attempts = 0
        while spawned == ETXTBSY && attempts < 100 && seconds() < min(timeout, 2) {
            attempts += 1
            usleep(20_000)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        // The child's ends belong to the child now.
        closeAll([toChild.read, fromChild.write, errorsFromChild.write])
        spawnLock.unlock()
        locked = false
        guard spawned == 0 else {
            closeAll([toChild.write, fromChild.read, errorsFromChild.read])
            return failed(String(cString: strerror(spawned)))
        }
        for fd in [toChild.write, fromChild.read, errorsFromChild.read] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var inputOpen = true, outputOpen = true, errorsOpen = true
        var written = 0
        var timedOut = false, tooLarge = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        if input.isEmpty {
            close(toChild.write)
            inputOpen = false
        }
        loop: while outputOpen || errorsOpen {
            let remaining = timeout - seconds()
            guard remaining > 0 else {
                timedOut = true
                break
            }
            var fds: [pollfd] = []
            if inputOpen { fds.append(pollfd(fd: toChild.write, events: Int16(POLLOUT), revents: 0)) }
            if outputOpen { fds.append(pollfd(fd: fromChild.read, events: Int16(POLLIN), revents: 0)) }
            if errorsOpen { fds.append(pollfd(fd: errorsFromChild.read, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000 + 1, 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                timedOut = true  // poll itself failed: treat as the child not answering
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == toChild.write {
                    let count = input.withUnsafeBytes { raw in
                        write(toChild.write, raw.baseAddress.map { $0 + written }, min(64 * 1024, input.count - written))
                    }
                    if count > 0 { written += count }
                    if written >= input.count || (count < 0 && errno != EAGAIN && errno != EINTR) || (count <= 0 && entry.revents & Int16(POLLERR | POLLHUP) != 0) {
                        // Done, or the child closed its end (EPIPE): it will answer or not.
                        close(toChild.write)
                        inputOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
                if count <= 0 {
                    close(entry.fd)
                    if entry.fd == fromChild.read { outputOpen = false } else { errorsOpen = false }
                    continue
                }
                if entry.fd == fromChild.read {
                    stdout.append(contentsOf: buffer[0..<count])
                    if stdout.count > maxOutput {
                        tooLarge = true
                        stdout.removeSubrange(maxOutput...)
                        break loop
                    }
                } else {
                    stderr.append(contentsOf: buffer[0..<count])
                    if stderr.count > 2 * stderrKept { stderr.removeFirst(stderr.count - stderrKept) }
                }
            }
        }
        if inputOpen { close(toChild.write) }
        if outputOpen { close(fromChild.read) }
        if errorsOpen { close(errorsFromChild.read) }
        if stderr.count > stderrKept { stderr.removeFirst(stderr.count - stderrKept) }

        // Both outputs are closed (or the child is to be killed): reap it, within the deadline.
        var status: Int32 = 0
        var reaped = false
        if !timedOut && !tooLarge {
            while true {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid {
                    reaped = true
                    break
                }
                if result < 0 && errno != EINTR { break }
                if seconds() >= timeout {
                    timedOut = true
                    break
                }
                usleep(2_000)
            }
        }
        if !reaped {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        let ending: ChildOutcome.Ending
        if tooLarge {
            ending = .outputTooLarge
        } else if timedOut {
            ending = .timedOut
        } else if status & 0x7f == 0 {
            ending = .exited((status >> 8) & 0xff)
        } else {
            ending = .signalled(status & 0x7f)
        }
        return ChildOutcome(ending: ending, stdout: stdout, stderr: stderr, seconds: seconds())
    }

    private static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds { close(fd) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
