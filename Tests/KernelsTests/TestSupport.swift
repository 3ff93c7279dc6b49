import Kernels

/// Deterministic pseudo-random test data (a 64-bit LCG; test inputs only).
struct TestRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> Float {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
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
