import Foundation
import SafeTensors

/// A strict, minimal safetensors reader for loading Llama weights (F32, BF16 and F16 widen exactly
/// to Float). Rejects headers over 100 MB or past the file, offsets out of bounds, and spans that
/// do not equal shape × dtype size.
struct SafeTensorsImport {
    struct Tensor {
        let dtype: DType
        let shape: [Int]
        let range: Range<Int>
    }

    let path: String
    let data: Data
    let tensors: [String: Tensor]
    let dataStart: Int

    init(path: String) throws(TransformerError) {
        self.path = path
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .io(path: path, reason: "cannot read (\(error.localizedDescription))")
        }
        guard data.count >= 8 else { throw .invalidCheckpoint(path: path, problems: ["file is \(data.count) bytes, shorter than the 8-byte header length"]) }
        let n = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard n <= 100_000_000, 8 + Int(n) <= data.count else {
            throw .invalidCheckpoint(path: path, problems: ["header length \(n) is larger than the file (\(data.count) bytes) or 100 MB; the file is truncated"])
        }
        dataStart = 8 + Int(n)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<dataStart)) } catch {
            throw .invalidCheckpoint(path: path, problems: ["header is not valid JSON"])
        }
        guard let object = json as? [String: Any] else { throw .invalidCheckpoint(path: path, problems: ["header is not a JSON object"]) }
        tensors = try Self.parse(object, path: path, dataSize: data.count - dataStart)
    }

    static func parse(_ object: [String: Any], path: String, dataSize: Int) throws(TransformerError) -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (name, value) in object where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dt = entry["dtype"] as? String, let dtype = DType(rawValue: dt),
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                  shape.allSatisfy({ $0 >= 0 })
            else { throw .invalidCheckpoint(path: path, problems: ["tensor '\(name)': malformed header entry"]) }
            let (b, e) = (offsets[0], offsets[1])
            let (elements, overflow) = shape.reduce((1, false)) { acc, d in
                let m = acc.0.multipliedReportingOverflow(by: d)
                return (m.partialValue, acc.1 || m.overflow)
            }
            guard !overflow, b >= 0, b <= e, e <= dataSize, e - b == elements * dtype.size else {
                throw .invalidCheckpoint(path: path, problems: ["tensor '\(name)': data_offsets [\(b), \(e)] do not fit shape \(shape) × \(dt) within \(dataSize) data bytes"])
            }
            result[name] = Tensor(dtype: dtype, shape: shape, range: b..<e)
        }
        return result
    }

    /// Widens a tensor into `out` (count = element count); false for dtypes other than F32/BF16/F16.
    func read(_ t: Tensor, into out: UnsafeMutablePointer<Float>) -> Bool {
        let start = dataStart + t.range.lowerBound
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let count = t.range.count / max(1, t.dtype.size)
            switch t.dtype {
            case .f32:
                for i in 0..<count { out[i] = Float(bitPattern: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)) }
            case .bf16:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(raw.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self)) << 16) }
            case .f16:
                for i in 0..<count { out[i] = Self.halfToFloat(raw.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self)) }
            default:
                return false
            }
            return true
        }
    }

    /// IEEE binary16 → binary32 (exact).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exp = Int((h >> 10) & 0x1F), frac = Float(h & 0x3FF)
        if exp == 0 { return sign * frac * 0x1p-24 }
        if exp == 31 { return frac == 0 ? sign * .infinity : .nan }
        return sign * (1 + frac / 1024) * Float(sign: .plus, exponent: exp - 15, significand: 1)
    }
}
