/// File names of minisign outputs.
public enum MinisignFileName {
    /// The minisign signature of `SHA256SUMS`.
    public static let sha256sums = "SHA256SUMS.minisig"
}
