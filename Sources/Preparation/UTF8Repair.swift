/// UTF-8 validation and repair in one pass, counting invalid bytes.
///
/// An invalid sequence is cut at its maximal subpart (Unicode §3.9, "U+FFFD substitution of maximal
/// subparts", the same cut as Swift's `String(decoding:as:)`); each subpart becomes one U+FFFD
/// (`replace`) or disappears (`drop`). `invalidBytes` counts the bytes of all subparts.
enum UTF8Repair {
    /// The repair of `input`: nil `bytes` when the input was valid (use it as it is).
    static func repair(_ input: UnsafeBufferPointer<UInt8>, policy: InvalidUTF8Policy) -> (bytes: [UInt8]?, invalidBytes: Int) {
        var index = 0
        guard let firstBad = firstInvalid(input, from: &index) else { return (nil, 0) }
        var output = [UInt8]()
        output.reserveCapacity(input.count + 16)
        output.append(contentsOf: input[0..<firstBad])
        var invalid = 0
        var position = firstBad
        while position < input.count {
            let length = sequenceLength(input, at: position)
            if length > 0 {
                output.append(contentsOf: input[position..<(position + length)])
                position += length
                continue
            }
            let bad = -length
            invalid += bad
            if policy == .replace { output.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
            position += bad
        }
        return (output, invalid)
    }

    /// Index of the first invalid sequence, or nil if `input` is valid UTF-8.
    private static func firstInvalid(_ input: UnsafeBufferPointer<UInt8>, from position: inout Int) -> Int? {
        let count = input.count
        guard let base = input.baseAddress else { return nil }
        while position < count {
            // Skip ASCII eight bytes at a time.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                position += 8
            }
            guard position < count else { return nil }
            if base[position] < 0x80 {
                position += 1
                continue
            }
            let length = sequenceLength(input, at: position)
            if length <= 0 { return position }
            position += length
        }
        return nil
    }

    /// The length of the valid sequence at `position`, or minus the length of its maximal invalid subpart.
    @inline(__always)
    static func sequenceLength(_ input: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let lead = input[position]
        if lead < 0x80 { return 1 }
        let need: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return -1
        }
        var offset = 1
        while offset <= need {
            let at = position + offset
            guard at < input.count else { return -offset }
            let byte = input[at]
            let (minimum, maximum) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= minimum && byte <= maximum else { return -offset }
            offset += 1
        }
        return need + 1
    }
}
