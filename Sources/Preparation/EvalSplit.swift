import Digests

/// The train/eval decision for one document: a pure function of the seed and the document's content
/// digest, so adding, removing or reordering other sources never moves a document between the sets.
enum EvalSplit {
    /// True when the document with key `document` goes to evaluation.
    ///
    /// `u = splitmix64(w0 ^ splitmix64(seed))`, where `w0` is the first 8 bytes (big-endian) of the
    /// document's SHA-256; the document is for evaluation when `(u >> 11) / 2^53 < fraction`.
    static func isEval(_ document: DocumentKey, seed: UInt64, fraction: Double) -> Bool {
        guard fraction > 0 else { return false }
        let value = splitMix64(document.w0 ^ splitMix64(seed))
        return Double(value >> 11) / 9_007_199_254_740_992.0 < fraction
    }

    /// The SplitMix64 finaliser (Steele, Lea, Flood 2014).
    static func splitMix64(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A document's SHA-256 as four words: cheap to hash and compare in the deduplication set.
struct DocumentKey: Hashable, Sendable {
    let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ digest: Digest) {
        let bytes = digest.bytes
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        (w0, w1, w2, w3) = (word(0), word(8), word(16), word(24))
    }

    func hash(into hasher: inout Hasher) { hasher.combine(w1) }
}
