/// Cross-entropy over a vocabulary with an ignore index (targets < 0 are ignored, like PyTorch's −100).
/// loss_r = log Σ_v exp(l_v − max) + max − l_target (sums v ascending).
public enum CrossEntropy {
    /// Per-row losses[R] (0 for ignored rows) without touching the logits.
    public static func crossEntropyForward(
        losses: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
        rows: Int, vocab: Int, threads: Int
    ) {
        let (l, x) = (SharedPointer(losses), SharedPointer(logits))
        let tp = TargetPointer(targets)
        Parallel.forEachChunk(rows, threads: threads) { range in
            for r in range {
                let t = Int(tp.base[r])
                guard t >= 0 else { l.base[r] = 0; continue }
                let row = x.base + r * vocab
                let m = KernelMath.maximum(row, count: vocab)
                var s: Float = 0
                for v in 0..<vocab { s += KernelMath.exp(row[v] - m) }
                l.base[r] = KernelMath.log(s) + m - row[t]
            }
        }
    }

    /// Fused forward and backward: losses[R] as above, and the logits replaced by
    /// ∂L/∂logits = (softmax − onehot(target)) · gradScale (rows with ignored targets set to 0).
    /// With gradScale = 1/(valid rows · accumulation steps) this is the gradient of the mean loss.
    public static func crossEntropyForwardBackward(
        losses: UnsafeMutablePointer<Float>, logits: UnsafeMutablePointer<Float>, targets: UnsafePointer<Int32>,
        rows: Int, vocab: Int, gradScale: Float, threads: Int
    ) {
        let (l, x) = (SharedPointer(losses), SharedPointer(logits))
        let tp = TargetPointer(targets)
        // Rows in groups of eight so that their eight ordered sums run as independent chains.
        Parallel.forEachChunk((rows + 7) / 8, threads: threads) { groups in
            for group in groups {
                let r0 = group * 8, count = min(8, rows - r0)
                var shifts = SIMD8<Float>(), picked = SIMD8<Float>()
                for q in 0..<count {
                    let t = Int(tp.base[r0 + q])
                    let row = x.base + (r0 + q) * vocab
                    guard t >= 0 else {
                        l.base[r0 + q] = 0
                        row.update(repeating: 0, count: vocab)
                        continue
                    }
                    shifts[q] = KernelMath.maximum(row, count: vocab)
                    picked[q] = row[t]
                    KernelMath.expScaledShifted(row, scale: 1, shift: shifts[q], into: row, count: vocab)
                }
                let sums = KernelMath.orderedSums(x.base + r0 * vocab, stride: vocab, rows: count, count: vocab, countStep: 0)
                for q in 0..<count {
                    let t = Int(tp.base[r0 + q])
                    guard t >= 0 else { continue }
                    let row = x.base + (r0 + q) * vocab, s = sums[q]
                    l.base[r0 + q] = KernelMath.log(s) + shifts[q] - picked[q]
                    let pt = row[t] / s
                    KernelMath.divideThenScale(row, count: vocab, divisor: s, multiplier: gradScale)
                    row[t] = (pt - 1) * gradScale
                }
            }
        }
    }
}

/// Sendable wrapper for the target ids.
struct TargetPointer: @unchecked Sendable {
    let base: UnsafePointer<Int32>
    init(_ base: UnsafePointer<Int32>) { self.base = base }
}
