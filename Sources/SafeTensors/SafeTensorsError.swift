/// Everything that can be wrong with a safetensors file; each message names the file or tensor and the rule.
public enum SafeTensorsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case io(path: String, reason: String)
    /// The file is shorter than the 8-byte header length prefix.
    case truncatedPrefix(size: Int)
    /// The declared header length is larger than the limit (100 MB) or than the file.
    case headerLength(declared: UInt64, fileSize: Int, limit: Int)
    /// The header is not valid UTF-8.
    case invalidUTF8
    /// The header is not valid JSON; `offset` is the byte offset inside the header.
    case invalidJSON(offset: Int, reason: String)
    /// A JSON object in the header has the same key twice.
    case duplicateKey(String)
    /// The header JSON is well formed but does not follow the safetensors layout.
    case invalidHeader(String)
    /// `__metadata__` is not an object of string values.
    case invalidMetadata(key: String?, reason: String)
    /// A tensor entry is malformed (unknown dtype, bad shape, bad offsets, unknown field).
    case invalidTensor(name: String, reason: String)
    /// A tensor name is empty or holds control characters (shown escaped).
    case invalidTensorName(name: String, reason: String)
    /// A tensor's byte span does not match its shape × dtype size.
    case sizeMismatch(name: String, expected: UInt64?, actual: UInt64)
    /// A tensor's span lies (partly) outside the data section.
    case outOfBounds(name: String, end: UInt64, dataSize: UInt64)
    /// Two tensors overlap, or there is a gap between them.
    case layout(name: String, reason: String)
    /// The data section has bytes after the last tensor.
    case trailingBytes(count: UInt64)
    /// No tensor of this name in the file.
    case noSuchTensor(String)
    /// The tensor's dtype cannot be widened to Float32 exactly.
    case unsupportedConversion(name: String, dtype: DType)

    public var description: String {
        switch self {
        case let .io(path, reason):
            "cannot read safetensors file \(path): \(reason)"
        case let .truncatedPrefix(size):
            "safetensors file is \(size) bytes, shorter than its 8-byte header length; the file is truncated"
        case let .headerLength(declared, fileSize, limit):
            "safetensors header length \(declared) is invalid: the file has \(fileSize) bytes and the limit "
                + "is \(limit); the file is truncated or not a safetensors file"
        case .invalidUTF8:
            "safetensors header is not valid UTF-8; the file is corrupt"
        case let .invalidJSON(offset, reason):
            "safetensors header is not valid JSON at byte \(offset) of the header: \(reason)"
        case let .duplicateKey(key):
            "safetensors header has the key '\(key.prefix(200))' twice; refusing an ambiguous header"
        case let .invalidHeader(reason):
            "safetensors header is invalid: \(reason)"
        case let .invalidMetadata(key, reason):
            "safetensors __metadata__\(key.map { " key '\($0.prefix(200))'" } ?? "") is invalid: \(reason)"
        case let .invalidTensor(name, reason):
            "tensor '\(Self.escaped(name))': \(reason)"
        case let .invalidTensorName(name, reason):
            "tensor name \"\(Self.escaped(name))\" is not accepted: \(reason); rename the tensor"
        case let .sizeMismatch(name, expected, actual):
            "tensor '\(Self.escaped(name))': data span is \(actual) bytes but shape × dtype size is "
                + (expected.map { "\($0) bytes" } ?? "too large to represent")
        case let .outOfBounds(name, end, dataSize):
            "tensor '\(Self.escaped(name))': data ends at byte \(end) but the data section has only \(dataSize) bytes"
        case let .layout(name, reason):
            "tensor '\(Self.escaped(name))': \(reason)"
        case let .trailingBytes(count):
            "safetensors data section has \(count) bytes after the last tensor; the file is not canonical"
        case let .noSuchTensor(name):
            "no tensor named '\(Self.escaped(name))' in the safetensors file"
        case let .unsupportedConversion(name, dtype):
            "tensor '\(Self.escaped(name))' has dtype \(dtype.rawValue); only F32, F16 and BF16 widen to Float32 exactly"
        }
    }

    /// True for C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `name` (at most 200 characters) with control characters written as `\u{1B}`, so that a hostile
    /// name cannot move the cursor or forge lines when printed.
    static func escaped(_ name: String) -> String {
        var out = ""
        for scalar in name.prefix(200).unicodeScalars {
            if isControl(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
