extension SafeTensorsFile {
    /// The elements of tensor `name` as `Float`: F32 as stored, F16 and BF16 widened exactly
    /// (every F16/BF16 value, subnormals, infinities and NaN payloads included, is representable).
    public func floats(for name: String) throws(SafeTensorsError) -> [Float] {
        guard let info = tensor(named: name) else { throw .noSuchTensor(name) }
        return try Self.floats(try data(for: info), dtype: info.dtype, name: name)
    }

    /// The elements of tensor `name` as `Float` (as `floats(for:)`), read and widened `rows` rows of
    /// its first dimension at a time — `body(firstRow, values)` per chunk, rows ascending — so a large
    /// tensor is never in memory twice (a scalar or 1-D tensor is one chunk).
    public func floats(for name: String, rowsPerChunk rows: Int, _ body: (Int, [Float]) -> Void) throws(SafeTensorsError) {
        guard let info = tensor(named: name) else { throw .noSuchTensor(name) }
        let total = info.shape.count > 1 ? info.shape[0] : 1
        let rowBytes = total == 0 ? 0 : info.byteRange.count / total
        var first = 0
        repeat {
            let count = min(max(1, rows), total - first)
            body(first, try Self.floats(try data(for: info, bytes: first * rowBytes..<(first + count) * rowBytes), dtype: info.dtype, name: name))
            first += count
        } while first < total
    }

    private static func floats(_ raw: [UInt8], dtype: DType, name: String) throws(SafeTensorsError) -> [Float] {
        switch dtype {
        case .f32:
            return Self.decode(raw, count: raw.count / 4) { buffer, index in
                buffer.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self).littleEndian
            }
        case .bf16:
            return Self.decode(raw, count: raw.count / 2) { buffer, index in
                UInt32(buffer.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self).littleEndian) << 16
            }
        case .f16:
            return Self.decode(raw, count: raw.count / 2) { buffer, index in
                SafeTensorsFile.widenHalf(buffer.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self).littleEndian)
            }
        default:
            throw .unsupportedConversion(name: name, dtype: dtype)
        }
    }

    private static func decode(
        _ raw: [UInt8], count: Int, _ bits: (UnsafeRawBufferPointer, Int) -> UInt32
    ) -> [Float] {
        raw.withUnsafeBytes { buffer in
            (0..<count).map { Float(bitPattern: bits(buffer, $0)) }
        }
    }

    /// IEEE 754 binary16 bits → binary32 bits, exactly.
    static func widenHalf(_ half: UInt16) -> UInt32 {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = UInt32(half >> 10) & 0x1F
        var mantissa = UInt32(half & 0x03FF)
        switch exponent {
        case 0x1F:
            return sign | 0x7F80_0000 | mantissa << 13
        case 0:
            guard mantissa != 0 else { return sign }
            // Subnormal: normalise the mantissa.
            var shift: UInt32 = 0
            while mantissa & 0x0400 == 0 { mantissa <<= 1; shift += 1 }
            mantissa &= 0x03FF
            return sign | (127 - 15 + 1 - shift) << 23 | mantissa << 13
        default:
            return sign | (exponent + 127 - 15) << 23 | mantissa << 13
        }
    }
}
