import Kernels
import TestSupport

/// Deterministic pseudo-random test data in [-1, 1] (TestSupport's SplitMix64; test inputs only).
struct TestRandom {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> Float {
        Float(Int64(bitPattern: generator.next() >> 11) % 2_000_001 - 1_000_000) / 1_000_000
    }

    mutating func array(_ count: Int, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in next() * scale }
    }
}

/// Bitwise equality of two float arrays (NaN payloads included).
func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

/// Largest |a−b| / max(1, |b|).
func maxRelativeError(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}

/// Central finite differences of `loss` at every index of `x`, compared with `analytic`.
/// Returns the largest |fd − analytic| / max(0.05, |fd|).
func finiteDifferenceError(_ x: [Float], analytic: [Float], h: Float = 1e-2, loss: ([Float]) -> Double) -> Double {
    var worst = 0.0
    for i in 0..<x.count {
        var xp = x, xm = x
        xp[i] += h
        xm[i] -= h
        let fd = (loss(xp) - loss(xm)) / Double(2 * h)
        worst = max(worst, abs(fd - Double(analytic[i])) / max(0.05, abs(fd)))
    }
    return worst
}

/// Σ w_i · y_i in Double (a random linear functional used as a scalar loss).
func dot(_ w: [Float], _ y: [Float]) -> Double {
    zip(w, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
}

/// Runs `body` with mutable pointers to copies of the arrays and returns the copies.
func withPointers(_ arrays: [[Float]], _ body: ([UnsafeMutablePointer<Float>]) -> Void) -> [[Float]] {
    let buffers = arrays.map { a -> UnsafeMutablePointer<Float> in
        let p = UnsafeMutablePointer<Float>.allocate(capacity: max(1, a.count))
        p.initialize(from: a, count: a.count)
        return p
    }
    body(buffers)
    let out = zip(buffers, arrays).map { Array(UnsafeBufferPointer(start: $0, count: $1.count)) }
    buffers.forEach { $0.deallocate() }
    return out
}
