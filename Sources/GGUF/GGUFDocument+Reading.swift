import Foundation
import Quantization

extension GGUFDocument {
    /// Reads a GGUF v3 file strictly: every length, count, offset and type is checked before use.
    public init(contentsOf url: URL) throws(GGUFError) {
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw .io(path: url.path, reason: "cannot read (\(error.localizedDescription))")
        }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    /// Parses the bytes of a GGUF v3 file (`path` is for messages).
    public init(bytes: [UInt8], path: String) throws(GGUFError) {
        var cursor = ByteCursor(bytes: bytes, path: path)
        guard bytes.count >= 24, Array(bytes[0..<4]) == Array("GGUF".utf8) else {
            throw .malformed(path: path, offset: 0, reason: "no GGUF magic")
        }
        cursor.offset = 4
        let version = try cursor.u32()
        guard version == Self.version else { throw cursor.error("version \(version); only version 3 is read") }
        let tensorCount = try cursor.count(limit: 1 << 20, what: "tensor count")
        let keyCount = try cursor.count(limit: 1 << 20, what: "metadata count")
        var metadata: [(key: String, value: GGUFValue)] = []
        for _ in 0..<keyCount {
            let key = try cursor.string()
            guard !metadata.contains(where: { $0.key == key }) else { throw cursor.error("metadata key \(key) appears twice") }
            metadata.append((key, try cursor.value(type: cursor.u32(), depth: 0)))
        }
        var alignment = Self.defaultAlignment
        if let value = metadata.first(where: { $0.key == "general.alignment" })?.value {
            guard case let .uint32(a) = value, a > 0, a & (a - 1) == 0 else {
                throw cursor.error("general.alignment must be a power of two (uint32)")
            }
            alignment = Int(a)
        }
        var infos: [(name: String, dimensions: [Int], type: QuantizationType, offset: Int, count: Int)] = []
        for _ in 0..<tensorCount { infos.append(try cursor.tensorInfo()) }
        let dataStart = Self.padded(cursor.offset, alignment)
        var tensors: [GGUFTensor] = []
        for info in infos {
            let size = info.type.byteCount(info.count)
            let start = dataStart + info.offset
            guard info.offset % alignment == 0, start <= bytes.count, size <= bytes.count - start else {
                throw .malformed(path: path, offset: dataStart, reason: "tensor \(info.name) lies outside the file or is not aligned")
            }
            guard !tensors.contains(where: { $0.name == info.name }) else {
                throw .malformed(path: path, offset: dataStart, reason: "tensor \(info.name) appears twice")
            }
            tensors.append(GGUFTensor(name: info.name, dimensions: info.dimensions, type: info.type, bytes: Array(bytes[start..<start + size])))
        }
        self.init(metadata: metadata, tensors: tensors, alignment: alignment)
    }
}

/// A bounds-checked little-endian reader over a GGUF file's bytes.
struct ByteCursor {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    func error(_ reason: String) -> GGUFError { .malformed(path: path, offset: offset, reason: reason) }

    mutating func take(_ n: Int) throws(GGUFError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - offset else { throw error("truncated: \(n) more bytes expected") }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(GGUFError) -> T {
        let slice = try take(MemoryLayout<T>.size)
        return slice.reversed().reduce(T.zero) { $0 << 8 | T(truncatingIfNeeded: $1) }
    }

    mutating func u32() throws(GGUFError) -> UInt32 { try integer(UInt32.self) }
    mutating func u64() throws(GGUFError) -> UInt64 { try integer(UInt64.self) }

    mutating func count(limit: UInt64, what: String) throws(GGUFError) -> Int {
        let n = try u64()
        guard n <= limit, n <= UInt64(bytes.count - offset) else { throw error("\(what) \(n) is larger than the file allows") }
        return Int(n)
    }

    mutating func string() throws(GGUFError) -> String {
        let n = try count(limit: 1 << 30, what: "string length")
        guard let s = String(validating: try take(n), as: UTF8.self) else { throw error("a string is not valid UTF-8") }
        return s
    }

    mutating func value(type: UInt32, depth: Int) throws(GGUFError) -> GGUFValue {
        switch type {
        case 0: return .uint8(try integer(UInt8.self))
        case 1: return .int8(try integer(Int8.self))
        case 2: return .uint16(try integer(UInt16.self))
        case 3: return .int16(try integer(Int16.self))
        case 4: return .uint32(try u32())
        case 5: return .int32(try integer(Int32.self))
        case 6: return .float32(Float(bitPattern: try u32()))
        case 7:
            let b = try integer(UInt8.self)
            guard b <= 1 else { throw error("a bool holds \(b)") }
            return .bool(b == 1)
        case 8: return .string(try string())
        case 9:
            guard depth == 0 else { throw error("nested arrays are not supported") }
            let elementType = try u32()
            let n = try count(limit: 1 << 28, what: "array length")
            var values: [GGUFValue] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(try value(type: elementType, depth: depth + 1)) }
            return .array(elementType: elementType, values: values)
        case 10: return .uint64(try u64())
        case 11: return .int64(try integer(Int64.self))
        case 12: return .float64(Double(bitPattern: try u64()))
        default: throw error("unknown value type \(type)")
        }
    }

    mutating func tensorInfo() throws(GGUFError) -> (name: String, dimensions: [Int], type: QuantizationType, offset: Int, count: Int) {
        let name = try string()
        let rank = try u32()
        guard (1...4).contains(rank) else { throw error("tensor \(name) has \(rank) dimensions (1 to 4 allowed)") }
        var dimensions: [Int] = []
        var count = 1
        for _ in 0..<rank {
            let d = try u64()
            guard d > 0, d < 1 << 32, count.multipliedReportingOverflow(by: Int(d)).overflow == false else {
                throw error("tensor \(name) has a dimension of \(d)")
            }
            dimensions.append(Int(d))
            count *= Int(d)
        }
        let typeNumber = try u32()
        guard let type = QuantizationType(ggmlType: typeNumber) else {
            throw error("tensor \(name) has ggml type \(typeNumber); Glassbox reads F32, F16, Q8_0 and Q4_0")
        }
        guard dimensions[0] % type.blockSize == 0, count <= Int.max / 4 else {
            throw error("tensor \(name): rows of \(dimensions[0]) are not whole \(type.rawValue) blocks")
        }
        let offset = try u64()
        guard offset < UInt64(bytes.count) else { throw error("tensor \(name) starts past the end of the file") }
        return (name, dimensions, type, Int(offset), count)
    }
}
