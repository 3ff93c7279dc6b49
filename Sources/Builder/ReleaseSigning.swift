import Digests
import Foundation
import RecipeFormat
import Verification

/// The `sign` step of a build: signs the finished release (recipe, lock and every step output) with
/// the key the recipe names in `[publish] signing_key` (or `glassbox build --key`), writing
/// `provenance.json`, `SHA256SUMS` and `model.sig` (OpenSSF model-signing) into it.
///
/// It is not a graph step: ECDSA signatures are randomised and cover `recipe.lock.json`, so its
/// outputs can be neither cached under a key nor recorded in the lock. It always runs, last, on the
/// staging directory before it is renamed into place, so a release is never visible unsigned.
public final class ReleaseSigning {
    /// The private key.
    public let key: SigningKey
    /// Where the key was read from (for messages).
    public let keyPath: String
    /// Recorded in `provenance.json`.
    public let builderVersion: String

    /// A signing step with a loaded key.
    public init(key: SigningKey, keyPath: String, builderVersion: String) {
        self.key = key
        self.keyPath = keyPath
        self.builderVersion = builderVersion
    }

    /// The key a build signs with: `override` (`--key`) when given, else the recipe's
    /// `[publish] signing_key` resolved against `recipeDirectory`; nil when neither names one.
    /// The key is read now, so that a wrong path or passphrase fails before any step runs.
    public static func load(
        recipe: Recipe, recipeDirectory: URL, override: URL?, passphraseFile: URL?, builderVersion: String
    ) throws(BuildError) -> ReleaseSigning? {
        let url: URL
        if let override {
            url = override
        } else if let named = recipe.publish.signingKey {
            url = named.hasPrefix("/") ? URL(fileURLWithPath: named) : recipeDirectory.appendingPathComponent(named)
        } else {
            return nil
        }
        guard let pem = FileManager.default.contents(atPath: url.path) else {
            throw BuildError.signing(key: url.path, reason: "the private key file does not exist or cannot be read")
        }
        let passphrase = try passphraseFile.map { file throws(BuildError) in try readPassphrase(file) }
        let key: SigningKey
        do { key = try SigningKey(pem: Array(pem), passphrase: passphrase) } catch {
            throw BuildError.signing(key: url.path, reason: error.description)
        }
        guard key.algorithm != .ed25519 else {
            throw BuildError.signing(key: url.path, reason: "model.sig needs an ECDSA key (OpenSSF model-signing rejects Ed25519)")
        }
        return ReleaseSigning(key: key, keyPath: url.path, builderVersion: builderVersion)
    }

    /// Signs `directory` (a complete release: recipe.toml, recipe.lock.json and the step outputs).
    /// `recipe` and `lock` give the fetched sources for `provenance.json`.
    public func sign(_ directory: URL, recipe: Recipe, lock: RecipeLock) throws(BuildError) -> ReleaseSigner.Outcome {
        do {
            var inputs = try ProvenanceInputs(releaseDirectory: directory, builderVersion: builderVersion)
            inputs.dependencies = recipe.data.sources.compactMap { source in
                // A remote source is pinned by its sha256; a local one by the digest its fetch step hashed.
                guard let digest = source.sha256 ?? lock.step("fetch.\(source.id)")?.inputs?["file"] else { return nil }
                return ProvenanceInputs.Dependency(name: source.id, uri: source.uri, digest: digest)
            }
            // Imported weights (backend = "external"): pinned like a source.
            if let weights = recipe.training.weights,
               let digest = weights.sha256 ?? lock.step("import")?.inputs?["weights"] {
                inputs.dependencies.append(ProvenanceInputs.Dependency(name: "weights", uri: weights.uri, digest: digest))
            }
            return try ReleaseSigner(key: key, provenance: inputs).sign(directory)
        } catch {
            throw BuildError.signing(key: keyPath, reason: error.description)
        }
    }

    /// The first line of a passphrase file, without its line ending.
    static func readPassphrase(_ url: URL) throws(BuildError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildError.signing(key: url.path, reason: "the passphrase file does not exist or cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        var line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if line.hasSuffix("\r") { line.removeLast() }
        guard !line.isEmpty else { throw BuildError.signing(key: url.path, reason: "the passphrase file is empty") }
        return line
    }
}
