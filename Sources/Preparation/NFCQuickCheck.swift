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
        while index < count {
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

    @inline(__always)
    static func isStable(_ scalar: UInt32) -> Bool {
        if scalar < 0x0300 { return true }
        for range in stableRanges where range.contains(scalar) { return true }
        return false
    }
}
