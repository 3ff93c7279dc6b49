/// GPT-2's byte-to-unicode alphabet: each of the 256 byte values is shown as one printable character,
/// so that a byte-level BPE vocabulary is a set of ordinary strings.
public enum ByteLevelAlphabet {
    /// The character (code point) standing for each byte value.
    public static let scalarForByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var extra: UInt32 = 0
        for byte in 0..<256 {
            if (33...126).contains(byte) || (161...172).contains(byte) || (174...255).contains(byte) {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = 256 + extra
                extra += 1
            }
        }
        return table
    }()

    /// The inverse of `scalarForByte` (code point → byte), for decoding.
    public static let byteForScalar: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (byte, scalar) in scalarForByte.enumerated() {
            table[scalar] = UInt8(byte)
        }
        return table
    }()

    /// The one-character string standing for `byte`.
    public static func symbol(for byte: UInt8) -> String {
        String(Character(Unicode.Scalar(scalarForByte[Int(byte)]) ?? "?"))
    }

    /// The alphabet string of a byte sequence (e.g. `" hi"` → `"Ġhi"`).
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var result = String.UnicodeScalarView()
        for byte in bytes {
            if let scalar = Unicode.Scalar(scalarForByte[Int(byte)]) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The bytes of an alphabet string, or nil if a character is outside the alphabet.
    public static func decode(_ token: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.unicodeScalars.count)
        for scalar in token.unicodeScalars {
            guard let byte = byteForScalar[scalar.value] else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The 256 byte symbols in the order `tokenizers`' trainer gives them ids: sorted by code point.
    public static var symbolsInTrainerOrder: [UInt8] {
        (0..<256).map { UInt8($0) }.sorted { scalarForByte[Int($0)] < scalarForByte[Int($1)] }
    }
}
