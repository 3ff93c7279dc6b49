/// AdamW exactly as torch.optim.AdamW's single-tensor path orders it:
/// p ← p·(1 − lr·wd); m ← m + (1−β1)(g − m); v ← v·β2 + (1−β2)·g²;
/// p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
public enum AdamW {
    /// Hyper-parameters of one update.
    public struct Step: Sendable {
        /// Learning rate.
        public var learningRate: Float
        /// β1.
        public var beta1: Float
        /// β2.
        public var beta2: Float
        /// ε.
        public var epsilon: Float
        /// Decoupled weight decay for this tensor (0 for norms/embeddings unless configured).
        public var weightDecay: Float
        /// 1-based step number t (bias correction).
        public var step: Int

        /// Creates the hyper-parameters of one update.
        public init(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float, step: Int) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
            self.step = step
        }

        /// lr / (1 − β1^t) and √(1 − β2^t), computed in Double as Python floats are.
        var corrections: (stepSize: Float, bc2Sqrt: Float) {
            let bc1 = 1 - power(Double(beta1), step)
            let bc2 = 1 - power(Double(beta2), step)
            return (Float(Double(learningRate) / bc1), Float(bc2.squareRoot()))
        }
    }

    /// x^n by binary exponentiation (fixed IEEE multiplies).
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    /// Updates params, m, v in place from grads (count elements).
    public static func adamwUpdate(
        params: UnsafeMutablePointer<Float>, grads: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, count: Int, step: Step, threads: Int
    ) {
        let (p, g, mp, vp) = (SharedPointer(params), SharedPointer(grads), SharedPointer(m), SharedPointer(v))
        let (stepSize, bc2Sqrt) = step.corrections
        let decay = 1 - step.learningRate * step.weightDecay
        let (b1c, b2, b2c, eps) = (1 - step.beta1, step.beta2, 1 - step.beta2, step.epsilon)
        Parallel.forEachChunk(count, threads: threads) { range in
            // Eight elements per iteration with the same IEEE operations per lane (fma, √ and ÷ are
            // correctly rounded lane by lane), then the scalar tail: identical bits either way.
            var i = range.lowerBound
            let (vDecay, vB1c, vB2, vB2c) = (SIMD8<Float>(repeating: decay), SIMD8<Float>(repeating: b1c), SIMD8<Float>(repeating: b2), SIMD8<Float>(repeating: b2c))
            let (vBc2, vEps, vStep) = (SIMD8<Float>(repeating: bc2Sqrt), SIMD8<Float>(repeating: eps), SIMD8<Float>(repeating: -stepSize))
            let (pr, gr, mr, vr) = (UnsafeMutableRawPointer(p.base), UnsafeRawPointer(g.base), UnsafeMutableRawPointer(mp.base), UnsafeMutableRawPointer(vp.base))
            while i + 8 <= range.upperBound {
                let at = i &* 4
                let gi = gr.loadUnaligned(fromByteOffset: at, as: SIMD8<Float>.self)
                let p0 = pr.loadUnaligned(fromByteOffset: at, as: SIMD8<Float>.self)
                let m0 = mr.loadUnaligned(fromByteOffset: at, as: SIMD8<Float>.self)
                let v0 = vr.loadUnaligned(fromByteOffset: at, as: SIMD8<Float>.self)
                let pi = step.weightDecay == 0 ? p0 : p0 * vDecay
                let mi = m0.addingProduct(vB1c, gi - m0)
                let vi = (v0 * vB2).addingProduct(vB2c, gi * gi)
                mr.storeBytes(of: mi, toByteOffset: at, as: SIMD8<Float>.self)
                vr.storeBytes(of: vi, toByteOffset: at, as: SIMD8<Float>.self)
                let denom = vi.squareRoot() / vBc2 + vEps
                pr.storeBytes(of: pi.addingProduct(vStep, mi / denom), toByteOffset: at, as: SIMD8<Float>.self)
                i += 8
            }
            while i < range.upperBound {
                defer { i += 1 }
                let gi = g.base[i]
                let pi = step.weightDecay == 0 ? p.base[i] : p.base[i] * decay
                let mi = mp.base[i].addingProduct(b1c, gi - mp.base[i])
                let vi = (vp.base[i] * b2).addingProduct(b2c, gi * gi)
                mp.base[i] = mi
                vp.base[i] = vi
                let denom = vi.squareRoot() / bc2Sqrt + eps
                p.base[i] = pi.addingProduct(-stepSize, mi / denom)
            }
        }
    }

    /// Scalar twin of `adamwUpdate` on arrays.
    public static func adamwReference(params: inout [Float], grads: [Float], m: inout [Float], v: inout [Float], step: Step) {
        let (stepSize, bc2Sqrt) = step.corrections
        for i in 0..<params.count {
            if step.weightDecay != 0 { params[i] *= 1 - step.learningRate * step.weightDecay }
            m[i] = m[i].addingProduct(1 - step.beta1, grads[i] - m[i])
            v[i] = (v[i] * step.beta2).addingProduct(1 - step.beta2, grads[i] * grads[i])
            params[i] = params[i].addingProduct(-stepSize, m[i] / (v[i].squareRoot() / bc2Sqrt + step.epsilon))
        }
    }
}
