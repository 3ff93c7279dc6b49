/// The SwiGLU gate of the Llama MLP: h = silu(gate) ∘ up, silu(g) = g · sigmoid(g).
public enum SwiGLU {
    /// h[N] = silu(gate[N]) ∘ up[N].
    public static func swigluForward(
        out: UnsafeMutablePointer<Float>, gate: UnsafePointer<Float>, up: UnsafePointer<Float>,
        count: Int, threads: Int
    ) {
        let (h, g, u) = (SharedPointer(out), SharedPointer(gate), SharedPointer(up))
        Parallel.forEachChunk(count, threads: threads) { range in
            var i = range.lowerBound
            let (gr, ur, hr) = (UnsafeRawPointer(g.base), UnsafeRawPointer(u.base), UnsafeMutableRawPointer(h.base))
            while i + 16 <= range.upperBound {
                let gv = gr.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                let uv = ur.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                hr.storeBytes(of: gv * KernelMath.sigmoid(gv) * uv, toByteOffset: i * 4, as: SIMD16<Float>.self)
                i += 16
            }
            while i < range.upperBound {
                h.base[i] = KernelMath.silu(g.base[i]) * u.base[i]
                i += 1
            }
        }
    }

    /// dgate[N] = dh·up·σ(g)(1 + g(1 − σ(g))), dup[N] = dh·silu(g) (overwritten, not accumulated).
    public static func swigluBackward(
        dgate: UnsafeMutablePointer<Float>, dup: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
        gate: UnsafePointer<Float>, up: UnsafePointer<Float>, count: Int, threads: Int
    ) {
        let (dg, du, dh) = (SharedPointer(dgate), SharedPointer(dup), SharedPointer(dout))
        let (g, u) = (SharedPointer(gate), SharedPointer(up))
        Parallel.forEachChunk(count, threads: threads) { range in
            var i = range.lowerBound
            let (gr, ur, dhr) = (UnsafeRawPointer(g.base), UnsafeRawPointer(u.base), UnsafeRawPointer(dh.base))
            let (dgr, dur) = (UnsafeMutableRawPointer(dg.base), UnsafeMutableRawPointer(du.base))
            while i + 16 <= range.upperBound {
                let gv = gr.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                let uv = ur.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                let dv = dhr.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                let sig = KernelMath.sigmoid(gv)
                dur.storeBytes(of: dv * (gv * sig), toByteOffset: i * 4, as: SIMD16<Float>.self)
                dgr.storeBytes(of: dv * uv * (sig * gv.addingProduct(gv, -sig) + sig), toByteOffset: i * 4, as: SIMD16<Float>.self)
                i += 16
            }
            for i in i..<range.upperBound {
                let gi = g.base[i]
                let sig = KernelMath.sigmoid(gi)
                du.base[i] = dh.base[i] * (gi * sig)
                dg.base[i] = dh.base[i] * u.base[i] * (sig * gi.addingProduct(gi, -sig) + sig)
            }
        }
    }

    /// Scalar twin of `swigluForward`.
    public static func swigluForwardReference(gate: [Float], up: [Float]) -> [Float] {
        zip(gate, up).map { g, u in g * (1 / (1 + KernelMath.exp(-g))) * u }
    }

    /// Scalar twin of `swigluBackward`.
    public static func swigluBackwardReference(dout: [Float], gate: [Float], up: [Float]) -> (dgate: [Float], dup: [Float]) {
        var dg = [Float](repeating: 0, count: gate.count), du = dg
        for i in 0..<gate.count {
            let s = 1 / (1 + KernelMath.exp(-gate[i]))
            du[i] = dout[i] * (gate[i] * s)
            dg[i] = dout[i] * up[i] * (s * gate[i].addingProduct(gate[i], -s) + s)
        }
        return (dg, du)
    }
}
