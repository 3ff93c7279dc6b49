import Kernels
import Transformer

/// Causal attention of the one new position of a decoding step over the cached keys and values, with
/// the bits `Kernels.Attention.attentionForward` gives the same row in the training forward:
/// raw scores `s_j = q·k_j` as one FMA chain over the head dimension from 0 (Gemm's order),
/// `m = max_j s_j · scale`, `p_j = exp(s_j · scale − m)` (`KernelMath.expScaledShifted`), their sum in
/// position order, `p_j / sum`, then `out_i = Σ_j p_j · v_j[i]` as one FMA chain over positions from 0.
/// Work is split over query heads; each head's arithmetic is fixed, so threads do not change bits.
enum DecodeAttention {
    /// `query` [H·hd] (rotated); `keys`, `values` [length, KV·hd] (rotated keys); `output` [H·hd];
    /// `scores` holds H rows of `stride` ≥ length floats (head h uses row h).
    static func run(
        config c: LlamaConfig, query: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>,
        length: Int, scores scratch: UnsafeMutablePointer<Float>, stride: Int, output: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let heads = c.numAttentionHeads, d = c.headDim, kw = c.keyValueWidth, group = heads / c.numKeyValueHeads
        let scale = AttentionShape(batch: 1, seqLen: length, heads: heads, kvHeads: c.numKeyValueHeads, headDim: d).scale
        let parts = min(threads, max(1, heads * length * d / 32_768))
        let (q, k, v, o) = (SharedPointer(query), SharedPointer(keys), SharedPointer(values), SharedPointer(output))
        let rows = SharedPointer(scratch)
        Parallel.forEachChunk(heads, threads: parts) { range in
            for h in range {
                let g = h / group, s = rows.base + h * stride
                scores(q.base + h * d, keys: k.base + g * d, stride: kw, length: length, width: d, into: s)
                let m = KernelMath.maximum(s, count: length) * scale
                KernelMath.expScaledShifted(s, scale: scale, shift: m, into: s, count: length)
                let sum = KernelMath.orderedSum(s, count: length)
                KernelMath.divideThenScale(s, count: length, divisor: sum, multiplier: 1)
                weightedSum(s, length: length, values: v.base + g * d, stride: kw, width: d, into: o.base + h * d)
            }
        }
    }

    /// `s[j] = Σ_i q[i]·k_j[i]`, i ascending from 0, one FMA chain per key; four keys interleaved to
    /// hide the FMA latency (each chain unchanged).
    @inline(__always)
    static func scores(
        _ q: UnsafePointer<Float>, keys: UnsafePointer<Float>, stride: Int, length: Int, width: Int,
        into s: UnsafeMutablePointer<Float>
    ) {
        var j = 0
        while j + 4 <= length {
            let (k0, k1, k2, k3) = (keys + j * stride, keys + (j + 1) * stride, keys + (j + 2) * stride, keys + (j + 3) * stride)
            var a0: Float = 0, a1: Float = 0, a2: Float = 0, a3: Float = 0
            for i in 0..<width {
                let x = q[i]
                a0 = a0.addingProduct(x, k0[i]); a1 = a1.addingProduct(x, k1[i])
                a2 = a2.addingProduct(x, k2[i]); a3 = a3.addingProduct(x, k3[i])
            }
            s[j] = a0; s[j + 1] = a1; s[j + 2] = a2; s[j + 3] = a3
            j += 4
        }
        while j < length {
            let kj = keys + j * stride
            var a: Float = 0
            for i in 0..<width { a = a.addingProduct(q[i], kj[i]) }
            s[j] = a
            j += 1
        }
    }

    /// `out[i] = Σ_j p[j] · values[j·stride + i]`, one FMA chain per i with j ascending from 0, 32
    /// columns at a time held in registers, then 8, then single columns.
    @inline(__always)
    static func weightedSum(
        _ p: UnsafePointer<Float>, length: Int, values: UnsafePointer<Float>, stride: Int, width: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        while i + 32 <= width {
            var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
            for j in 0..<length {
                let w = SIMD8<Float>(repeating: p[j]), row = values + j * stride + i
                a0 = a0.addingProduct(w, load(row))
                a1 = a1.addingProduct(w, load(row + 8))
                a2 = a2.addingProduct(w, load(row + 16))
                a3 = a3.addingProduct(w, load(row + 24))
            }
            store(a0, out + i); store(a1, out + i + 8)
            store(a2, out + i + 16); store(a3, out + i + 24)
            i += 32
        }
        while i + 8 <= width {
            var a = SIMD8<Float>.zero
            for j in 0..<length { a = a.addingProduct(SIMD8(repeating: p[j]), load(values + j * stride + i)) }
            store(a, out + i)
            i += 8
        }
        while i < width {
            var a: Float = 0
            for j in 0..<length { a = a.addingProduct(p[j], values[j * stride + i]) }
            out[i] = a
            i += 1
        }
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
}
