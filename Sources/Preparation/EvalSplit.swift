import Digests

/// The train/eval decision for one document: a pure function of the seed and the document's digest,
/// so adding, removing or reordering other sources never moves a document between the two sets.
enum EvalSplit {
    /// True when the document with digest `document` goes to evaluation.
    ///
    /// `u` = the first 8 bytes (big-endian) of SHA-256(seed as 8 little-endian bytes ‖ document digest),
    /// taken as a fraction `(u >> 11) / 2^53`; the document is for evaluation when that is `< fraction`.
    static func isEval(_ document: Digest, seed: UInt64, fraction: Double) -> Bool {
        guard fraction > 0 else { return false }
        var input = [UInt8]()
        input.reserveCapacity(40)
        for shift in stride(from: 0, to: 64, by: 8) { input.append(UInt8(truncatingIfNeeded: seed >> UInt64(shift))) }
        input.append(contentsOf: document.bytes)
        let hash = Digest.sha256(of: input).bytes
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(hash[index]) }
        return Double(value >> 11) / 9_007_199_254_740_992.0 < fraction
    }
}
