/// Membership of a code point in the classes the pre-tokenizer regexes use (`\p{L}`, `\p{N}`, `\s`),
/// from the tables probed out of the reference engine (Generated/UnicodeTables.swift).
enum CharacterClasses {
    /// Flag bit: `\p{L}`.
    static let letter: UInt8 = 1
    /// Flag bit: `\p{N}`.
    static let number: UInt8 = 2
    /// Flag bit: `\s`.
    static let space: UInt8 = 4

    /// Flags for every code point of the Basic Multilingual Plane, one byte each (64 KiB).
    private static let bmp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        func mark(_ ranges: [ClosedRange<UInt32>], _ bit: UInt8) {
            for range in ranges where range.lowerBound < 0x10000 {
                for value in range.lowerBound...min(range.upperBound, 0xFFFF) {
                    table[Int(value)] |= bit
                }
            }
        }
        mark(UnicodeTables.letters, letter)
        mark(UnicodeTables.numbers, number)
        mark(UnicodeTables.spaces, space)
        return table
    }()

    /// Ranges above the BMP, per class, for binary search.
    private static let astralLetters = UnicodeTables.letters.filter { $0.upperBound >= 0x10000 }
    private static let astralNumbers = UnicodeTables.numbers.filter { $0.upperBound >= 0x10000 }
    private static let astralSpaces = UnicodeTables.spaces.filter { $0.upperBound >= 0x10000 }

    /// The class flags of one code point.
    @inline(__always)
    static func flags(_ value: UInt32) -> UInt8 {
        if value < 0x10000 { return bmp[Int(value)] }
        var result: UInt8 = 0
        if contains(astralLetters, value) { result |= letter }
        if contains(astralNumbers, value) { result |= number }
        if contains(astralSpaces, value) { result |= space }
        return result
    }

    /// Whether `value` is White_Space (the same set as `\s`; Rust's `char::is_whitespace`).
    static func isWhitespace(_ value: UInt32) -> Bool {
        flags(value) & space != 0
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}
