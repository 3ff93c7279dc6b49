import Kernels
import Quantization

/// A projection (or several fused along their outputs, e.g. q|k|v) in one of ggml's block formats, for
/// the integer products of quantized inference: `y[r, n] = Σ_b isum_b(W[n], A[r]) · (d_W[n,b] · d_A[r,b])`
/// with `A` the activations quantized to Q8_0 (`QuantizedActivations`), as ggml's
/// `ggml_vec_dot_q8_0_q8_0` / `ggml_vec_dot_q4_0_q8_0` compute it.
///
/// Storage: the fp16 block scales widened to float32 (`[out, K/32]`), and the quants as stored in GGUF
/// (`q8_0`: `[out, K]` int8; `q4_0`: `[out, K/2]` bytes, weight j of a block in the low nibble of byte
/// j, weight 16+j in its high nibble, value nibble − 8).
///
/// Bits: a block's integer sum is exact (|w·a| ≤ 2¹⁴, 32 of them fit in int32), so summing its lanes
/// in any order — any vector width — gives the same integer; the blocks are then added as ONE chain of
/// fused multiply-adds `acc = fma(isum_b, d_W·d_A, acc)`, b ascending, from 0. Each output is one
/// thread's, so results do not depend on the thread count, the split or the CPU (`referenceDot` is the
/// scalar twin, tested equal bit for bit).
struct QuantizedMatrix: Sendable {
    /// The block format of the weights.
    let format: QuantizationType
    /// Input features K (a multiple of 32).
    let inFeatures: Int
    /// Output features N (all fused parts).
    let outFeatures: Int
    /// `[out, K/32]` block scales.
    private let scales: [Float]
    /// `[out, bytesPerRow]` quants.
    private let quants: [UInt8]

    /// Quant bytes in one row.
    var bytesPerRow: Int { format == .q8_0 ? inFeatures : inFeatures / 2 }
    /// Blocks in one row.
    var blocksPerRow: Int { inFeatures / 32 }

    /// One stacked part: a GGUF tensor's bytes (`rows` rows of `format` blocks) and, for output row
    /// `i` of the part, the row of the tensor to take (RoPE's row order is undone this way).
    struct Part {
        let name: String
        let bytes: [UInt8]
        let rows: Int
        let sourceRow: (Int) -> Int
    }

    /// Stacks `parts` (all in `format`, rows of `inFeatures` weights); refuses a non-finite scale.
    init(format: QuantizationType, parts: [Part], inFeatures k: Int, path: String) throws(InferenceError) {
        precondition(format.isQuantized && k % 32 == 0)
        self.format = format
        inFeatures = k
        outFeatures = parts.reduce(0) { $0 + $1.rows }
        let (blocks, blockBytes, rowQuants) = (k / 32, format.blockBytes, format == .q8_0 ? k : k / 2)
        var scales = [Float](repeating: 0, count: outFeatures * blocks)
        var quants = [UInt8](repeating: 0, count: outFeatures * rowQuants)
        var n = 0
        for part in parts {
            for i in 0..<part.rows {
                let source = part.sourceRow(i) * blocks * blockBytes
                for b in 0..<blocks {
                    let block = source + b * blockBytes
                    let d = HalfFloat.float(UInt16(part.bytes[block]) | UInt16(part.bytes[block + 1]) << 8)
                    guard d.isFinite else { throw .variant(path: path, reason: "\(part.name): row \(part.sourceRow(i)) has a non-finite block scale; the file is corrupt") }
                    scales[n * blocks + b] = d
                    let width = blockBytes - 2
                    quants.replaceSubrange(n * rowQuants + b * width..<n * rowQuants + (b + 1) * width, with: part.bytes[block + 2..<block + blockBytes])
                }
                n += 1
            }
        }
        self.scales = scales
        self.quants = quants
    }

    /// Threads worth using for one product: one per ~16 K weights (times rows), at most `threads`.
    func parts(_ threads: Int, rows: Int) -> Int {
        min(max(threads, 1), max(1, outFeatures * inFeatures * rows / 16_384))
    }

    /// `y[r · ldy + n] = W[n] · A[r]` for `rows` quantized activation rows and every output n. Groups of
    /// 16 outputs are spread over up to `threads` threads (each output computed by one of them).
    func multiply(_ a: QuantizedActivations, rows: Int, into y: UnsafeMutablePointer<Float>, ldy: Int, threads: Int) {
        let groups = (outFeatures + 15) / 16, parts = parts(threads, rows: rows)
        scales.withUnsafeBufferPointer { s in
            quants.withUnsafeBufferPointer { q in
                let p = ProductPointers(scales: s.baseAddress!, quants: q.baseAddress!, a: a, y: y)
                Parallel.forEachChunk(groups, threads: parts == 1 ? 1 : parts * 4) { range in
                    for g in range {
                        let outputs = g * 16..<min(outFeatures, g * 16 + 16)
                        for r in 0..<rows {
                            for n in outputs { p.y[r * ldy + n] = dot(n, p, row: r) }
                        }
                    }
                }
            }
        }
    }

    /// Output n for activation row r.
    @inline(__always)
    private func dot(_ n: Int, _ p: ProductPointers, row r: Int) -> Float {
        let blocks = blocksPerRow
        let ws = p.scales + n * blocks, aScales = p.a.scales + r * (p.a.k / 32)
        let aq = UnsafeRawPointer(p.a.quants + r * p.a.k)
        let wq = UnsafeRawPointer(p.quants + n * bytesPerRow)
        var acc: Float = 0
        if format == .q8_0 {
            for b in 0..<blocks {
                let sum = Self.blockQ8(wq + b * 32, aq + b * 32)
                acc = acc.addingProduct(Float(sum), ws[b] * aScales[b])
            }
        } else {
            for b in 0..<blocks {
                let sum = Self.blockQ4(wq + b * 16, aq + b * 32)
                acc = acc.addingProduct(Float(sum), ws[b] * aScales[b])
            }
        }
        return acc
    }

    /// Σ w_j·a_j over one Q8_0 block (exact).
    @inline(__always)
    static func blockQ8(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer) -> Int32 {
        let x = SIMD32<Int16>(truncatingIfNeeded: w.loadUnaligned(as: SIMD32<Int8>.self))
        let y = SIMD32<Int16>(truncatingIfNeeded: a.loadUnaligned(as: SIMD32<Int8>.self))
        return SIMD32<Int32>(truncatingIfNeeded: x &* y).wrappedSum()
    }

    /// Σ (n_j − 8)·a_j over one Q4_0 block (exact): low nibbles are weights 0–15, high nibbles 16–31.
    @inline(__always)
    static func blockQ4(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer) -> Int32 {
        let packed = w.loadUnaligned(as: SIMD16<UInt8>.self)
        let low = SIMD16<Int16>(truncatingIfNeeded: packed & 0x0F) &- 8
        let high = SIMD16<Int16>(truncatingIfNeeded: packed &>> 4) &- 8
        let a0 = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(as: SIMD16<Int8>.self))
        let a1 = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: 16, as: SIMD16<Int8>.self))
        return (SIMD16<Int32>(truncatingIfNeeded: low &* a0) &+ SIMD16<Int32>(truncatingIfNeeded: high &* a1)).wrappedSum()
    }

    /// The scalar twin of one output: integer sums element by element, then the same FMA chain.
    func referenceDot(_ n: Int, _ a: QuantizedActivations, row r: Int) -> Float {
        var acc: Float = 0
        for b in 0..<blocksPerRow {
            var sum: Int32 = 0
            for j in 0..<32 {
                let w = format == .q8_0
                    ? Int32(Int8(bitPattern: quants[n * bytesPerRow + b * 32 + j]))
                    : Int32(j < 16 ? quants[n * bytesPerRow + b * 16 + j] & 0x0F : quants[n * bytesPerRow + b * 16 + j - 16] >> 4) - 8
                sum += w * Int32(a.quants[r * a.k + b * 32 + j])
            }
            acc = acc.addingProduct(Float(sum), scales[n * blocksPerRow + b] * a.scales[r * (a.k / 32) + b])
        }
        return acc
    }

    /// Row n dequantized (`d · q`, as `BlockQ8_0.decode` / `BlockQ4_0.decode`): the embedding lookup.
    func dequantizeRow(_ n: Int, into y: UnsafeMutablePointer<Float>) {
        for b in 0..<blocksPerRow {
            let d = scales[n * blocksPerRow + b]
            for j in 0..<32 {
                let q = format == .q8_0
                    ? Float(Int8(bitPattern: quants[n * bytesPerRow + b * 32 + j]))
                    : Float(Int(j < 16 ? quants[n * bytesPerRow + b * 16 + j] & 0x0F : quants[n * bytesPerRow + b * 16 + j - 16] >> 4) - 8)
                y[b * 32 + j] = format == .q8_0 ? q * d : d * q
            }
        }
    }
}

/// The pointers of one product, handed to worker threads (which read the weights and activations and
/// write disjoint outputs).
private struct ProductPointers: @unchecked Sendable {
    let scales: UnsafePointer<Float>
    let quants: UnsafePointer<UInt8>
    let a: QuantizedActivations
    let y: UnsafeMutablePointer<Float>
}
