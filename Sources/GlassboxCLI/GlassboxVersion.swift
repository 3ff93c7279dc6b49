/// The version of the glassbox tool and of its deterministic cores.
public enum GlassboxVersion {
    /// Printed by `glassbox --version`.
    public static let string = "0.1.0"
}
