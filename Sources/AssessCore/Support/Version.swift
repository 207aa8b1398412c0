/// The version of `assess`, printed by `--version` and written to `run.json`.
public enum AssessVersion {
    public static let current = "0.1.0"
}
