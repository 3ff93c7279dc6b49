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
/// Bits: a block is 16 lanes, lane l holding the exact integer `w_l·a_l + w_(16+l)·a_(16+l)` (|w·a| ≤
/// 2¹⁴); each lane keeps its own float sum over the blocks, one fused multiply-add per block
/// `acc_l = fma(lane_l, d_W·d_A, acc_l)`, b ascending, from 0; the 16 lane sums are then added in lane
/// order. `SIMD16` fixes the lanes whatever the machine's vector width (AVX-512 or two AVX2 halves),
/// and each output is one thread's, so results do not depend on the thread count, the split or the
/// CPU (`referenceDot` is the scalar twin, tested equal bit for bit). ggml accumulates the same way,
/// with 8 float lanes on AVX2.
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
                            var n = outputs.lowerBound
                            while n + 4 <= outputs.upperBound {
                                let four = format == .q8_0 ? dot4(n, p, row: r, weights: Self.weightsQ8) : dot4(n, p, row: r, weights: Self.weightsQ4)
                                for i in 0..<4 { p.y[r * ldy + n + i] = four[i] }
                                n += 4
                            }
                            for m in n..<outputs.upperBound { p.y[r * ldy + m] = dot(m, p, row: r) }
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
        var acc = SIMD16<Float>.zero
        if format == .q8_0 {
            for b in 0..<blocks {
                let lanes = Self.lanesQ8(wq + b * 32, aq + b * 32)
                acc = acc.addingProduct(SIMD16<Float>(lanes), SIMD16<Float>(repeating: ws[b] * aScales[b]))
            }
        } else {
            for b in 0..<blocks {
                let lanes = Self.lanesQ4(wq + b * 16, aq + b * 32)
                acc = acc.addingProduct(SIMD16<Float>(lanes), SIMD16<Float>(repeating: ws[b] * aScales[b]))
            }
        }
        return Self.sum(acc)
    }

    /// Outputs n…n+3 for activation row r, each exactly as `dot` computes it, sharing the widened
    /// activations of every block.
    @inline(__always)
    private func dot4(
        _ n: Int, _ p: ProductPointers, row r: Int, weights: (UnsafeRawPointer) -> (SIMD16<Int16>, SIMD16<Int16>)
    ) -> SIMD4<Float> {
        let (blocks, rowBytes, blockBytes) = (blocksPerRow, bytesPerRow, format == .q8_0 ? 32 : 16)
        let ws = p.scales + n * blocks, aScales = p.a.scales + r * (p.a.k / 32)
        let aq = UnsafeRawPointer(p.a.quants + r * p.a.k)
        let wq = UnsafeRawPointer(p.quants + n * rowBytes)
        var acc0 = SIMD16<Float>.zero, acc1 = acc0, acc2 = acc0, acc3 = acc0
        for b in 0..<blocks {
            let x0 = SIMD16<Int16>(truncatingIfNeeded: (aq + b * 32).loadUnaligned(as: SIMD16<Int8>.self))
            let x1 = SIMD16<Int16>(truncatingIfNeeded: (aq + b * 32 + 16).loadUnaligned(as: SIMD16<Int8>.self))
            @inline(__always) func lanes(_ i: Int) -> SIMD16<Float> {
                let (w0, w1) = weights(wq + i * rowBytes + b * blockBytes)
                return SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: w0 &* x0) &+ SIMD16<Int32>(truncatingIfNeeded: w1 &* x1))
            }
            let sa = aScales[b]
            acc0 = acc0.addingProduct(lanes(0), SIMD16<Float>(repeating: ws[b] * sa))
            acc1 = acc1.addingProduct(lanes(1), SIMD16<Float>(repeating: ws[blocks + b] * sa))
            acc2 = acc2.addingProduct(lanes(2), SIMD16<Float>(repeating: ws[2 * blocks + b] * sa))
            acc3 = acc3.addingProduct(lanes(3), SIMD16<Float>(repeating: ws[3 * blocks + b] * sa))
        }
        return SIMD4(Self.sum(acc0), Self.sum(acc1), Self.sum(acc2), Self.sum(acc3))
    }

    /// A Q8_0 block's weights 0–15 and 16–31 as int16.
    @inline(__always)
    static func weightsQ8(_ w: UnsafeRawPointer) -> (SIMD16<Int16>, SIMD16<Int16>) {
        (SIMD16<Int16>(truncatingIfNeeded: w.loadUnaligned(as: SIMD16<Int8>.self)),
         SIMD16<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: 16, as: SIMD16<Int8>.self)))
    }

    /// A Q4_0 block's weights 0–15 (low nibbles) and 16–31 (high nibbles), minus 8, as int16.
    @inline(__always)
    static func weightsQ4(_ w: UnsafeRawPointer) -> (SIMD16<Int16>, SIMD16<Int16>) {
        let packed = w.loadUnaligned(as: SIMD16<UInt8>.self)
        return (SIMD16<Int16>(truncatingIfNeeded: packed & 0x0F) &- 8, SIMD16<Int16>(truncatingIfNeeded: packed &>> 4) &- 8)
    }

    /// The 16 lanes' float sums added in lane order (never a tree whose shape the compiler picks).
    @inline(__always)
    static func sum(_ v: SIMD16<Float>) -> Float {
        var total: Float = 0
        for l in 0..<16 { total += v[l] }
        return total
    }

    /// Lane l = w_l·a_l + w_(16+l)·a_(16+l) over one Q8_0 block (exact integers).
    @inline(__always)
    static func lanesQ8(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer) -> SIMD16<Int32> {
        let (w0, w1) = weightsQ8(w)
        return halves(w0, w1, a)
    }

    /// Lane l = (n_l − 8)·a_l + (n'_l − 8)·a_(16+l) over one Q4_0 block: byte l's low nibble n_l is
    /// weight l, its high nibble n'_l weight 16+l (exact integers).
    @inline(__always)
    static func lanesQ4(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer) -> SIMD16<Int32> {
        let (w0, w1) = weightsQ4(w)
        return halves(w0, w1, a)
    }

    /// w0·a_(0…15) + w1·a_(16…31), lane by lane (SIMD16 only: 32-lane int8 vectors compile to
    /// scalar code here).
    @inline(__always)
    static func halves(_ w0: SIMD16<Int16>, _ w1: SIMD16<Int16>, _ a: UnsafeRawPointer) -> SIMD16<Int32> {
        let a0 = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(as: SIMD16<Int8>.self))
        let a1 = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: 16, as: SIMD16<Int8>.self))
        return SIMD16<Int32>(truncatingIfNeeded: w0 &* a0) &+ SIMD16<Int32>(truncatingIfNeeded: w1 &* a1)
    }

    /// The scalar twin of one output: each lane's integer pair sum, one FMA chain per lane over the
    /// blocks, then the lanes added in order.
    func referenceDot(_ n: Int, _ a: QuantizedActivations, row r: Int) -> Float {
        var acc = [Float](repeating: 0, count: 16)
        for b in 0..<blocksPerRow {
            func weight(_ j: Int) -> Int32 {
                let row = n * bytesPerRow
                if format == .q8_0 { return Int32(Int8(bitPattern: quants[row + b * 32 + j])) }
                let byte = quants[row + b * 16 + j % 16]
                return Int32(j < 16 ? byte & 0x0F : byte >> 4) - 8
            }
            let scale = scales[n * blocksPerRow + b] * a.scales[r * (a.k / 32) + b]
            for l in 0..<16 {
                let x = a.quants + r * a.k + b * 32
                let lane = weight(l) * Int32(x[l]) + weight(16 + l) * Int32(x[16 + l])
                acc[l] = acc[l].addingProduct(Float(lane), scale)
            }
        }
        return acc.reduce(0, +)
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
