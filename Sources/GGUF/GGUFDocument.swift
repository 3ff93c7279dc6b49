/// The contents of a GGUF v3 file: ordered metadata and tensors. `serialized()` lays them out exactly
/// as ggml's gguf writer and the `gguf` Python package do: header, key/value pairs, tensor infos,
/// zero padding to `alignment`, then each tensor's bytes padded to `alignment`.
public struct GGUFDocument: Sendable, Equatable {
    /// GGUF format version written and accepted.
    public static let version: UInt32 = 3
    /// ggml's default data alignment (`general.alignment` absent).
    public static let defaultAlignment = 32

    /// Key/value pairs in file order.
    public var metadata: [(key: String, value: GGUFValue)]
    /// Tensors in file order.
    public var tensors: [GGUFTensor]
    /// Alignment of the data section and of each tensor in it.
    public var alignment: Int

    /// A document from its parts.
    public init(metadata: [(key: String, value: GGUFValue)] = [], tensors: [GGUFTensor] = [], alignment: Int = defaultAlignment) {
        self.metadata = metadata
        self.tensors = tensors
        self.alignment = alignment
    }

    /// The value of `key`, if present.
    public subscript(key: String) -> GGUFValue? { metadata.first { $0.key == key }?.value }

    /// The tensor called `name`, if present.
    public func tensor(named name: String) -> GGUFTensor? { tensors.first { $0.name == name } }

    public static func == (a: GGUFDocument, b: GGUFDocument) -> Bool {
        a.alignment == b.alignment && a.tensors == b.tensors && a.metadata.count == b.metadata.count
            && zip(a.metadata, b.metadata).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// The file's bytes.
    public func serialized() -> [UInt8] {
        var out = ByteSink()
        out.bytes.append(contentsOf: Array("GGUF".utf8))
        out.u32(Self.version)
        out.u64(UInt64(tensors.count))
        out.u64(UInt64(metadata.count))
        for (key, value) in metadata {
            out.string(key)
            out.u32(value.typeNumber)
            out.value(value)
        }
        var offset = 0
        for tensor in tensors {
            out.string(tensor.name)
            out.u32(UInt32(tensor.dimensions.count))
            for d in tensor.dimensions { out.u64(UInt64(d)) }
            out.u32(tensor.type.ggmlType)
            out.u64(UInt64(offset))
            offset += Self.padded(tensor.bytes.count, alignment)
        }
        out.pad(to: alignment)
        out.bytes.reserveCapacity(out.bytes.count + offset)
        for tensor in tensors {
            out.bytes.append(contentsOf: tensor.bytes)
            out.pad(to: alignment)
        }
        return out.bytes
    }

    /// `n` rounded up to a multiple of `alignment`.
    static func padded(_ n: Int, _ alignment: Int) -> Int { (n + alignment - 1) / alignment * alignment }
}

/// Little-endian encoder of GGUF's scalar, string and array values.
struct ByteSink {
    var bytes: [UInt8] = []

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u64(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func pad(to alignment: Int) {
        let target = GGUFDocument.padded(bytes.count, alignment)
        bytes.append(contentsOf: repeatElement(0, count: target - bytes.count))
    }

    mutating func value(_ item: GGUFValue) {
        switch item {
        case let .uint8(v): bytes.append(v)
        case let .int8(v): bytes.append(UInt8(bitPattern: v))
        case let .uint16(v): withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        case let .int16(v): withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        case let .uint32(v): u32(v)
        case let .int32(v): u32(UInt32(bitPattern: v))
        case let .float32(v): u32(v.bitPattern)
        case let .bool(v): bytes.append(v ? 1 : 0)
        case let .string(s): string(s)
        case let .uint64(v): u64(v)
        case let .int64(v): u64(UInt64(bitPattern: v))
        case let .float64(v): u64(v.bitPattern)
        case let .array(elementType, values):
            u32(elementType)
            u64(UInt64(values.count))
            for element in values { value(element) }
        }
    }
}
