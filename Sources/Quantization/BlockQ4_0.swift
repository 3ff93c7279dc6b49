/// ggml's `block_q4_0`: 32 weights as 4-bit values with one fp16 scale, 18 bytes
/// (`quantize_row_q4_0_ref` / `dequantize_row_q4_0` in ggml-quants.c, bit for bit).
///
///     m  = the x_j of largest |x_j| (the first one on ties);  d = m / −8;  id = d ≠ 0 ? 1/d : 0
///     n_j = min(15, trunc(x_j · id + 8.5))                  (float32 arithmetic throughout)
///     bytes: fp16(d), then byte j = n_j | n_(16+j) << 4 for j < 16;  decoded weight = float(fp16(d)) · (n_j − 8)
public enum BlockQ4_0 {
    /// Weights in a block.
    public static let count = 32
    /// Bytes in a block.
    public static let bytes = 18

    /// Encodes the 32 weights at `x` into the 18 bytes at `out`.
    @inlinable
    public static func encode(_ x: UnsafePointer<Float>, into out: UnsafeMutableRawPointer) {
        var amax: Float = 0
        var m: Float = 0
        for j in 0..<count where amax < abs(x[j]) {
            amax = abs(x[j])
            m = x[j]
        }
        let d = m / -8
        let id: Float = d == 0 ? 0 : 1 / d
        out.storeBytes(of: HalfFloat.bits(d).littleEndian, as: UInt16.self)
        let q = out.advanced(by: 2).assumingMemoryBound(to: UInt8.self)
        for j in 0..<count / 2 {
            let low = nibble(x[j] * id + 8.5)
            let high = nibble(x[count / 2 + j] * id + 8.5)
            q[j] = low | high << 4
        }
    }

    /// `min(15, trunc(v))` for the non-negative `v` the encoder produces (negatives clamp to 0).
    @inlinable
    static func nibble(_ v: Float) -> UInt8 {
        let t = v.rounded(.towardZero)
        return t <= 0 ? 0 : UInt8(min(t, 15))
    }

    /// Decodes the 18 bytes at `block` into 32 floats at `y`.
    @inlinable
    public static func decode(_ block: UnsafeRawPointer, into y: UnsafeMutablePointer<Float>) {
        let d = HalfFloat.float(UInt16(littleEndian: block.loadUnaligned(as: UInt16.self)))
        let q = block.advanced(by: 2).assumingMemoryBound(to: UInt8.self)
        for j in 0..<count / 2 {
            y[j] = d * Float(Int(q[j] & 0x0F) - 8)
            y[count / 2 + j] = d * Float(Int(q[j] >> 4) - 8)
        }
    }
}
