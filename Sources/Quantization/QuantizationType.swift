/// The tensor encodings Glassbox writes, with ggml's numbering and block layouts (ggml-common.h).
///
/// | type | block | bytes a block | layout |
/// | --- | --- | --- | --- |
/// | `f32` | 1 | 4 | little-endian float32 |
/// | `f16` | 1 | 2 | little-endian binary16 (`HalfFloat`) |
/// | `q8_0` | 32 | 34 | fp16 scale `d`, then 32 × int8 `q`; weight = d·q |
/// | `q4_0` | 32 | 18 | fp16 scale `d`, then 16 bytes: weight j in the low nibble of byte j, weight 16+j in its high nibble; weight = d·(nibble − 8) |
public enum QuantizationType: String, Sendable, CaseIterable, Codable {
    /// 32-bit floats (no quantization).
    case f32
    /// 16-bit floats, rounded to nearest even.
    case f16
    /// 8-bit blocks of 32 with one fp16 scale (8.5 bits a weight).
    case q8_0
    /// 4-bit blocks of 32 with one fp16 scale (4.5 bits a weight).
    case q4_0

    /// ggml's `enum ggml_type` value (the tensor type written in GGUF).
    public var ggmlType: UInt32 {
        switch self {
        case .f32: 0
        case .f16: 1
        case .q4_0: 2
        case .q8_0: 8
        }
    }

    /// llama.cpp's `llama_ftype` for a file whose matrices use this type (`general.file_type`).
    public var fileType: UInt32 {
        switch self {
        case .f32: 0
        case .f16: 1
        case .q4_0: 2
        case .q8_0: 7
        }
    }

    /// Weights per block: a row's length must be a multiple of it.
    public var blockSize: Int {
        switch self {
        case .f32, .f16: 1
        case .q8_0, .q4_0: 32
        }
    }

    /// Bytes one block takes.
    public var blockBytes: Int {
        switch self {
        case .f32: 4
        case .f16: 2
        case .q8_0: 34
        case .q4_0: 18
        }
    }

    /// Whether this is a block-quantized type (as opposed to a float type).
    public var isQuantized: Bool { blockSize > 1 }

    /// Bytes taken by `count` weights (`count` a multiple of `blockSize`).
    public func byteCount(_ count: Int) -> Int { count / blockSize * blockBytes }

    /// The type of ggml number `value`, when it is one Glassbox reads.
    public init?(ggmlType value: UInt32) {
        guard let type = Self.allCases.first(where: { $0.ggmlType == value }) else { return nil }
        self = type
    }
}
