/// A DEFLATE (RFC 1951) decoder in Swift, after Mark Adler's `puff.c`: canonical Huffman decoding,
/// stored/fixed/dynamic blocks. Output is capped at `limit` bytes so a bomb stops early.
struct Inflater {
    private let input: UnsafeRawBufferPointer
    private var position: Int
    private var bitBuffer: UInt32 = 0
    private var bitCount: UInt32 = 0
    private let limit: Int
    private(set) var output: [UInt8] = []

    /// Decodes the stream starting at `start` of `input`.
    init(_ input: UnsafeRawBufferPointer, start: Int, limit: Int) {
        self.input = input
        self.position = start
        self.limit = limit
    }

    /// The offset of the first byte after the stream (valid after `run`).
    var end: Int { position }

    /// Decodes blocks until the final one.
    mutating func run() throws(InflateError) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixedTables.0, Self.fixedTables.1)
            case 2: try dynamic()
            default: throw .malformed("invalid block type 3")
            }
        }
    }

    private mutating func bits(_ need: UInt32) throws(InflateError) -> UInt32 {
        var value = bitBuffer
        while bitCount < need {
            guard position < input.count else { throw .malformed("unexpected end of compressed data") }
            value |= UInt32(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        bitBuffer = value >> need
        bitCount -= need
        return need == 32 ? value : value & ((1 << need) - 1)
    }

    private mutating func stored() throws(InflateError) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw .malformed("truncated stored block") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xffff else { throw .malformed("stored block length check failed") }
        position += 4
        guard position + length <= input.count else { throw .malformed("truncated stored block") }
        try reserve(length)
        output.append(contentsOf: input[position..<(position + length)])
        position += length
    }

    private func reserve(_ count: Int) throws(InflateError) {
        if output.count + count > limit { throw .tooLarge(limit) }
    }

    private mutating func decode(_ table: HuffmanTable) throws(InflateError) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= Int(try bits(1))
            let count = table.counts[length]
            if code - count < first { return table.symbols[index + (code - first)] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .malformed("invalid Huffman code")
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [UInt32] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private mutating func codes(_ lengths: HuffmanTable, _ distances: HuffmanTable) throws(InflateError) {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                try reserve(1)
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw .malformed("invalid length symbol") }
                let length = Self.lengthBase[lengthIndex] + Int(try bits(Self.lengthExtra[lengthIndex]))
                let distanceSymbol = try decode(distances)
                guard distanceSymbol < 30 else { throw .malformed("invalid distance symbol") }
                let distance = Self.distanceBase[distanceSymbol] + Int(try bits(Self.distanceExtra[distanceSymbol]))
                guard distance <= output.count else { throw .malformed("distance too far back") }
                try reserve(length)
                let start = output.count - distance
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamic() throws(InflateError) {
        let literalCount = Int(try bits(5)) + 257
        let distanceCount = Int(try bits(5)) + 1
        let codeCount = Int(try bits(4)) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .malformed("bad dynamic block counts") }
        var lengths = [Int](repeating: 0, count: 320)
        for index in 0..<codeCount { lengths[Self.codeLengthOrder[index]] = Int(try bits(3)) }
        let codeTable = try HuffmanTable(lengths: Array(lengths[0..<19]), complete: true)
        var index = 0
        while index < literalCount + distanceCount {
            var symbol = try decode(codeTable)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var repeatLength = 0
            if symbol == 16 {
                guard index > 0 else { throw .malformed("repeat with no previous length") }
                repeatLength = lengths[index - 1]
                symbol = 3 + Int(try bits(2))
            } else if symbol == 17 {
                symbol = 3 + Int(try bits(3))
            } else {
                symbol = 11 + Int(try bits(7))
            }
            guard index + symbol <= literalCount + distanceCount else { throw .malformed("too many lengths") }
            for _ in 0..<symbol { lengths[index] = repeatLength; index += 1 }
        }
        guard lengths[256] != 0 else { throw .malformed("no end-of-block code") }
        let literals = try HuffmanTable(lengths: Array(lengths[0..<literalCount]), complete: false)
        let distances = try HuffmanTable(lengths: Array(lengths[literalCount..<(literalCount + distanceCount)]), complete: false)
        try codes(literals, distances)
    }

    private static let fixedTables: (HuffmanTable, HuffmanTable) = {
        var lengths = [Int](repeating: 8, count: 288)
        for index in 144..<256 { lengths[index] = 9 }
        for index in 256..<280 { lengths[index] = 7 }
        // The fixed tables are valid by construction (RFC 1951 §3.2.6).
        let literal = (try? HuffmanTable(lengths: lengths, complete: false)) ?? HuffmanTable.empty
        let distance = (try? HuffmanTable(lengths: [Int](repeating: 5, count: 30), complete: false)) ?? HuffmanTable.empty
        return (literal, distance)
    }()
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct HuffmanTable: Sendable {
    let counts: [Int]
    let symbols: [Int]

    static let empty = HuffmanTable(counts: [Int](repeating: 0, count: 16), symbols: [])

    private init(counts: [Int], symbols: [Int]) {
        self.counts = counts
        self.symbols = symbols
    }

    init(lengths: [Int], complete: Bool) throws(InflateError) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[length] += 1 }
        var left = 1
        for length in 1...15 {
            left = (left << 1) - counts[length]
            guard left >= 0 else { throw .malformed("over-subscribed Huffman code") }
        }
        if complete && left > 0 && counts[0] != lengths.count { throw .malformed("incomplete code-length code") }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        var symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
        counts[0] = 0
        self.counts = counts
        self.symbols = symbols
    }
}

/// Why a DEFLATE stream could not be decoded.
enum InflateError: Error, Sendable {
    /// The stream is corrupt; the text says how.
    case malformed(String)
    /// Decoding would produce more than this many bytes.
    case tooLarge(Int)
}
