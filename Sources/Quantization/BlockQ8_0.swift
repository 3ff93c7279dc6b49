/// ggml's `block_q8_0`: 32 weights as int8 with one fp16 scale, 34 bytes
/// (`quantize_row_q8_0_ref` / `dequantize_row_q8_0` in ggml-quants.c, bit for bit).
///
///     amax = max |x_j|;  d = amax / 127;  id = d ≠ 0 ? 1/d : 0
///     q_j  = round-half-away-from-zero(x_j · id)            (float32 arithmetic throughout)
///     bytes: fp16(d) little-endian, then q_0 … q_31;  decoded weight = float(fp16(d)) · q_j
public enum BlockQ8_0 {
    /// Weights in a block.
    public static let count = 32
    /// Bytes in a block.
    public static let bytes = 34

    /// Encodes the 32 weights at `x` into the 34 bytes at `out`.
    @inlinable
    public static func encode(_ x: UnsafePointer<Float>, into out: UnsafeMutableRawPointer) {
        var amax: Float = 0
        for j in 0..<count { amax = max(amax, abs(x[j])) }
        let d = amax / 127
        let id: Float = d == 0 ? 0 : 1 / d
        out.storeBytes(of: HalfFloat.bits(d).littleEndian, as: UInt16.self)
        let q = out.advanced(by: 2).assumingMemoryBound(to: Int8.self)
        for j in 0..<count {
            q[j] = Int8((x[j] * id).rounded(.toNearestOrAwayFromZero))
        }
    }

    /// Decodes the 34 bytes at `block` into 32 floats at `y`.
    @inlinable
    public static func decode(_ block: UnsafeRawPointer, into y: UnsafeMutablePointer<Float>) {
        let d = HalfFloat.float(UInt16(littleEndian: block.loadUnaligned(as: UInt16.self)))
        let q = block.advanced(by: 2).assumingMemoryBound(to: Int8.self)
        for j in 0..<count { y[j] = Float(q[j]) * d }
    }
}
