/// The version of glassbox's deterministic cores; part of every step key, so a core change rebuilds.
public enum CoreVersion {
    /// Bumped whenever any step's output bytes could change.
    public static let string = "glassbox-core 0.1.0"
}
