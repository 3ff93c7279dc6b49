import Digests
import Foundation

/// Canonical JSON, the byte form of everything glassbox hashes: sorted keys, unescaped slashes,
/// shortest round-trip numbers, no insignificant whitespace, one trailing newline.
public enum CanonicalJSON {
    /// The canonical bytes of `value`; throws `RecipeError.notEncodable` for values JSON cannot hold
    /// (non-finite numbers).
    public static func encode<Value: Encodable>(_ value: Value) throws(RecipeError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw RecipeError.notEncodable(reason: "\(error)")
        }
    }

    /// The digest of the canonical bytes of `value`.
    public static func digest<Value: Encodable>(of value: Value) throws(RecipeError) -> Digest {
        Digest.sha256(of: try encode(value))
    }
}
