/// A UTF-8 byte run decoded once into code points, their class flags and their byte offsets,
/// so the pre-tokenizer scanners can look ahead without re-decoding.
struct ScalarText {
    /// The code points.
    var scalars: [UInt32] = []
    /// `CharacterClasses` flags of each code point.
    var flags: [UInt8] = []
    /// Byte offset of each code point in the source, plus the end offset (count + 1 entries).
    var offsets: [Int] = []

    /// Decodes valid UTF-8 `bytes` (as every Swift `String` is); invalid sequences become U+FFFD.
    init<C: Collection>(utf8 bytes: C) where C.Element == UInt8, C.Index == Int {
        scalars.reserveCapacity(bytes.count)
        flags.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (scalar, length) = ScalarText.decode(bytes, at: index)
            scalars.append(scalar)
            flags.append(CharacterClasses.flags(scalar))
            offsets.append(index - bytes.startIndex)
            index += length
        }
        offsets.append(bytes.count)
    }

    /// The code point starting at `index` and its length in bytes (U+FFFD, 1 for an invalid byte).
    @inline(__always)
    static func decode<C: Collection>(_ bytes: C, at index: Int) -> (UInt32, Int) where C.Element == UInt8, C.Index == Int {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = lead & 0x1F
        case 0xE0...0xEF: length = 3; value = lead & 0x0F
        case 0xF0...0xF4: length = 4; value = lead & 0x07
        default: return (0xFFFD, 1)
        }
        guard index + length <= bytes.endIndex else { return (0xFFFD, 1) }
        for offset in 1..<length {
            let next = UInt32(bytes[index + offset])
            guard next & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = (value << 6) | (next & 0x3F)
        }
        return (value, length)
    }

    /// Number of code points.
    var count: Int { scalars.count }
}
