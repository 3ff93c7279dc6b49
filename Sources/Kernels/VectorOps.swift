/// Whole-buffer reductions and updates with thread-independent results.
public enum VectorOps {
    /// Fixed chunk of a reduction; partial sums are combined in chunk order.
    public static let reductionChunk = 16_384

    /// Σ x² in Double: each 16 384-element chunk summed in order, chunk sums added in order.
    public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int, threads: Int) -> Double {
        let chunks = (count + reductionChunk - 1) / reductionChunk
        guard chunks > 0 else { return 0 }
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: chunks)
        defer { partial.deallocate() }
        let xp = SharedPointer(x)
        let pp = DoublePointer(partial)
        Parallel.forEachChunk(chunks, threads: threads) { range in
            for c in range {
                var acc = 0.0
                for i in (c * reductionChunk)..<min(count, (c + 1) * reductionChunk) {
                    let d = Double(xp.base[i])
                    acc = acc.addingProduct(d, d)
                }
                pp.base[c] = acc
            }
        }
        var total = 0.0
        for c in 0..<chunks { total += partial[c] }
        return total
    }

    /// x ← x · factor.
    public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float, threads: Int) {
        let xp = SharedPointer(x)
        Parallel.forEachChunk(count, threads: threads) { range in
            for i in range { xp.base[i] *= factor }
        }
    }

    /// y ← y + x.
    public static func add(_ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
        let (xp, yp) = (SharedPointer(x), SharedPointer(y))
        Parallel.forEachChunk(count, threads: threads) { range in
            for i in range { yp.base[i] += xp.base[i] }
        }
    }

    /// out ← x + y.
    public static func sum(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
        let (xp, yp, op) = (SharedPointer(x), SharedPointer(y), SharedPointer(out))
        Parallel.forEachChunk(count, threads: threads) { range in
            for i in range { op.base[i] = xp.base[i] + yp.base[i] }
        }
    }

    /// Index of the first element that is NaN or infinite, if any.
    public static func firstNonFinite(_ x: UnsafePointer<Float>, count: Int) -> Int? {
        for i in 0..<count where !x[i].isFinite { return i }
        return nil
    }
}

/// Sendable wrapper for Double scratch.
struct DoublePointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    init(_ base: UnsafeMutablePointer<Double>) { self.base = base }
}
