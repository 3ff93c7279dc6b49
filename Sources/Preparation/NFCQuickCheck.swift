import Foundation

/// Decides, without tables, that UTF-8 text is already in NFC so the (slow) normaliser can be skipped.
///
/// Every scalar below U+0300 is NFC-stable and has combining class 0. Above that, only ranges listed
/// in `stableRanges` are accepted — assigned Greek, Cyrillic, Georgian letters, general punctuation
/// and currency signs, and U+FFFD, none of which is a combining mark or changes under NFC (checked
/// against Foundation's normaliser by a test). Text with any other scalar goes through Foundation.
enum NFCQuickCheck {
    static let stableRanges: [ClosedRange<UInt32>] = [
        0x0370...0x0373, 0x0375...0x0377, 0x037A...0x037D, 0x037F...0x037F, 0x0384...0x0386,
        0x0388...0x038A, 0x038C...0x038C, 0x038E...0x03A1, 0x03A3...0x03FF,
        0x0400...0x0482, 0x048A...0x052F,
        0x10A0...0x10C5, 0x10D0...0x10FF,
        0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF,
        0xFFFD...0xFFFD,
    ]

    /// True when `text` (valid UTF-8) is certainly NFC.
    static func isKnownNFC(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = text.count
        guard let base = text.baseAddress else { return true }
        while index < count {
            if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = text[index]
            if lead < 0xCC {
                index += lead < 0x80 ? 1 : 2
                continue
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= count else { return false }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(text[index + offset] & 0x3F) }
            if !isStable(scalar) { return false }
            index += length
        }
        return true
    }

    /// One bit per BMP scalar: set when the scalar is below U+0300 or inside `stableRanges`.
    private static let bitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) where value < 0x0300 || stableRanges.contains(where: { $0.contains(value) }) {
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        return bits
    }()

    @inline(__always)
    static func isStable(_ scalar: UInt32) -> Bool {
        guard scalar < 0x10000 else { return false }
        return bitmap[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// The NFC form of `text`, normalising only the lines that fail the quick check; nil when every
    /// line passes (the text is already NFC).
    static func normalizeLines(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8]?
        var start = 0
        while start < text.count {
            var end = text.count
            if let base = text.baseAddress, let found = memchr(base + start, 0x0A, text.count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            if !isKnownNFC(line) {
                if output == nil { output = Array(text[0..<start]) }
                output?.append(contentsOf: String(decoding: line, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
            } else if output != nil {
                output?.append(contentsOf: line)
            }
            if end < text.count { output?.append(0x0A) }
            start = end + 1
        }
        return output
    }
}
