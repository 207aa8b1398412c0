internal import Foundation

/// Named points where the crash tests kill the process, to prove that an interrupted
/// run leaves nothing half written. Inert unless the environment variable
/// `ASSESS_FAULT` names the point.
public enum FaultInjection {
    /// Kills the process with SIGKILL (no clean-up, as a power cut would) when
    /// `ASSESS_FAULT` equals `point`.
    public static func reach(_ point: String) {
        guard let wanted = ProcessInfo.processInfo.environment["ASSESS_FAULT"], wanted == point else { return }
        kill(getpid(), SIGKILL)
    }
}
