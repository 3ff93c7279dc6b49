import Dispatch

/// Encodes float32 tensors in a `QuantizationType` and decodes them back. Rows are the tensor's
/// innermost (contiguous) dimension, as in ggml; blocks never straddle rows. Every block is computed
/// on its own, so the bytes are the same for any thread count.
public enum TensorCodec {
    /// `values` (rows of `rowLength`) encoded as `type`; refuses rows that are not whole blocks and
    /// non-finite weights, naming `tensor`.
    public static func encode(
        _ values: [Float], rowLength: Int, as type: QuantizationType, tensor: String, threads: Int = 1
    ) throws(QuantizationError) -> [UInt8] {
        guard rowLength > 0, values.count % rowLength == 0 else {
            throw .shape(tensor: tensor, count: values.count, rowLength: rowLength)
        }
        guard rowLength % type.blockSize == 0 else {
            throw .rowNotBlockMultiple(tensor: tensor, rowLength: rowLength, type: type)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(tensor: tensor, index: bad) }
        var out = [UInt8](repeating: 0, count: type.byteCount(values.count))
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBytes { dst in
                encodeBlocks(src, dst, type: type, threads: threads)
            }
        }
        if type.isQuantized, let block = firstInfiniteScale(out, type: type) {
            throw .nonFinite(tensor: tensor, index: block * type.blockSize)
        }
        return out
    }

    /// The float32 values of `count` weights stored as `type` in `bytes`.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, count: Int, as type: QuantizationType, tensor: String
    ) throws(QuantizationError) -> [Float] {
        guard count % type.blockSize == 0, bytes.count == type.byteCount(count) else {
            throw .byteCount(tensor: tensor, expected: type.byteCount(count), actual: bytes.count)
        }
        var out = [Float](repeating: 0, count: count)
        guard let base = bytes.baseAddress else { return out }
        out.withUnsafeMutableBufferPointer { y in
            guard let y = y.baseAddress else { return }
            for b in 0..<count / type.blockSize {
                decodeBlock(base + b * type.blockBytes, type: type, into: y + b * type.blockSize)
            }
        }
        return out
    }

    /// Decodes one block (or one element of a float type) at `block` into `y`.
    @inlinable
    public static func decodeBlock(_ block: UnsafeRawPointer, type: QuantizationType, into y: UnsafeMutablePointer<Float>) {
        switch type {
        case .f32: y[0] = Float(bitPattern: UInt32(littleEndian: block.loadUnaligned(as: UInt32.self)))
        case .f16: y[0] = HalfFloat.float(UInt16(littleEndian: block.loadUnaligned(as: UInt16.self)))
        case .q8_0: BlockQ8_0.decode(block, into: y)
        case .q4_0: BlockQ4_0.decode(block, into: y)
        }
    }

    private static func encodeBlocks(
        _ src: UnsafeBufferPointer<Float>, _ dst: UnsafeMutableRawBufferPointer, type: QuantizationType, threads: Int
    ) {
        guard let x = src.baseAddress, let out = dst.baseAddress else { return }
        let blocks = src.count / type.blockSize
        let parts = max(1, min(threads, blocks / 4096 + 1))
        let input = UncheckedPointer(raw: UnsafeMutableRawPointer(mutating: x))
        let output = UncheckedPointer(raw: out)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = blocks * part / parts..<blocks * (part + 1) / parts
            let x = input.raw.assumingMemoryBound(to: Float.self)
            for b in range {
                encodeBlock(x + b * type.blockSize, type: type, into: output.raw + b * type.blockBytes)
            }
        }
    }

    @inline(__always)
    private static func encodeBlock(_ x: UnsafePointer<Float>, type: QuantizationType, into out: UnsafeMutableRawPointer) {
        switch type {
        case .f32: out.storeBytes(of: x[0].bitPattern.littleEndian, as: UInt32.self)
        case .f16: out.storeBytes(of: HalfFloat.bits(x[0]).littleEndian, as: UInt16.self)
        case .q8_0: BlockQ8_0.encode(x, into: out)
        case .q4_0: BlockQ4_0.encode(x, into: out)
        }
    }

    private static func firstInfiniteScale(_ bytes: [UInt8], type: QuantizationType) -> Int? {
        var block = 0
        while block * type.blockBytes < bytes.count {
            let o = block * type.blockBytes
            if bytes[o + 1] & 0x7C == 0x7C { return block }  // fp16 exponent all ones: the scale overflowed
            block += 1
        }
        return nil
    }
}

/// A raw pointer handed to `concurrentPerform` workers, each of which touches disjoint blocks.
struct UncheckedPointer: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}
