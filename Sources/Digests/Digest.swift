/// A content digest, always SHA-256, written `sha256:<64 lowercase hex>`.
///
/// Parsing is strict: the `sha256:` prefix is required, the hex part must be exactly 64 lowercase or
/// uppercase hex characters (printed back lowercase). Other algorithms are refused by name.
public struct Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 32 raw bytes of the SHA-256 value.
    public let bytes: [UInt8]

    /// Wraps 32 raw bytes; returns nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Parses `sha256:<64 hex>`; throws a `DigestError` that says what is wrong with `text`.
    public init(parsing text: String) throws(DigestError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw DigestError.malformedDigest(text, reason: "expected 'sha256:<64 hex digits>'")
        }
        let algorithm = text[..<colon]
        guard algorithm == "sha256" else {
            throw DigestError.malformedDigest(
                text, reason: "unsupported algorithm '\(algorithm)'; Glassbox digests are SHA-256 ('sha256:…')")
        }
        try self.init(hex: String(text[text.index(after: colon)...]), original: text)
    }

    /// Parses a bare 64-character hex string (as printed by `sha256sum`).
    public init(hex: String) throws(DigestError) {
        try self.init(hex: hex, original: hex)
    }

    private init(hex: String, original: String) throws(DigestError) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else {
            throw DigestError.malformedDigest(original, reason: "expected 64 hex digits, got \(utf8.count)")
        }
        var raw = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = Self.nibble(utf8[2 * index]), let low = Self.nibble(utf8[2 * index + 1]) else {
                throw DigestError.malformedDigest(original, reason: "contains a character that is not a hex digit")
            }
            raw[index] = high << 4 | low
        }
        bytes = raw
    }

    /// The 64 lowercase hex digits, as `sha256sum` prints them.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `sha256:<hex>`.
    public var description: String { "sha256:" + hex }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Digest: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
