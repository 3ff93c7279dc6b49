/// A GGUF metadata value (the `gguf_type` numbering of ggml's gguf.h).
public indirect enum GGUFValue: Equatable, Sendable {
    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16), uint32(UInt32), int32(Int32)
    case float32(Float), bool(Bool), string(String), uint64(UInt64), int64(Int64), float64(Double)
    /// An array whose elements all have type number `elementType`.
    case array(elementType: UInt32, values: [GGUFValue])

    /// The `gguf_type` number of this value.
    public var typeNumber: UInt32 {
        switch self {
        case .uint8: 0
        case .int8: 1
        case .uint16: 2
        case .int16: 3
        case .uint32: 4
        case .int32: 5
        case .float32: 6
        case .bool: 7
        case .string: 8
        case .array: 9
        case .uint64: 10
        case .int64: 11
        case .float64: 12
        }
    }

    /// An array of strings.
    public static func strings(_ values: [String]) -> GGUFValue { .array(elementType: 8, values: values.map(GGUFValue.string)) }
    /// An array of int32.
    public static func int32s(_ values: [Int32]) -> GGUFValue { .array(elementType: 5, values: values.map(GGUFValue.int32)) }

    /// The value as an integer, for any integer type.
    public var integer: Int? {
        switch self {
        case let .uint8(v): Int(v)
        case let .int8(v): Int(v)
        case let .uint16(v): Int(v)
        case let .int16(v): Int(v)
        case let .uint32(v): Int(v)
        case let .int32(v): Int(v)
        case let .uint64(v): Int(exactly: v)
        case let .int64(v): Int(v)
        default: nil
        }
    }

    /// The string, for a string value.
    public var string: String? { if case let .string(s) = self { s } else { nil } }
    /// The number, for float values.
    public var double: Double? {
        switch self {
        case let .float32(v): Double(v)
        case let .float64(v): v
        default: nil
        }
    }
    /// The elements, for an array value.
    public var elements: [GGUFValue]? { if case let .array(_, v) = self { v } else { nil } }
}
