/// The public-key signature algorithms Glassbox reads and writes.
///
/// `ecdsaP256` is the default (and the only kind OpenSSF model-signing's key method and most
/// verifiers accept with SHA-256); P-384/P-521 keys are read and verified (with SHA-384/SHA-512) so
/// that bundles made by other tools can be checked; Ed25519 is offered for minisign-style use.
public enum KeyAlgorithm: String, Sendable, CaseIterable, Codable {
    /// ECDSA on NIST P-256, SHA-256, DER signatures.
    case ecdsaP256 = "ecdsa-p256"
    /// ECDSA on NIST P-384, SHA-384, DER signatures.
    case ecdsaP384 = "ecdsa-p384"
    /// ECDSA on NIST P-521, SHA-512, DER signatures.
    case ecdsaP521 = "ecdsa-p521"
    /// Ed25519 (pure, no prehash), 64-byte signatures.
    case ed25519
}
