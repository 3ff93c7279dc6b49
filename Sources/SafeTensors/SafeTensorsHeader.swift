import BaseIO
/// The validated header of a safetensors file: every rule of the format is checked before any tensor
/// byte is trusted.
///
/// Rules: the 8-byte little-endian header length is ≤ `maxHeaderLength` and within the file; the header
/// is UTF-8 JSON with no duplicate keys, an object whose keys are tensor names plus an optional
/// `__metadata__` object of strings; each tensor has exactly `dtype` (a known `DType`), `shape`
/// (non-negative integers) and `data_offsets` (`[begin, end]`, begin ≤ end); shape × dtype size equals
/// the span, computed with overflow checks; spans, sorted by offset, tile the data section exactly —
/// no overlap, no gap, no trailing byte.
public struct SafeTensorsHeader: Sendable, Equatable {
    /// Largest header accepted, as in the reference implementation (100 MB).
    public static let maxHeaderLength = 100_000_000

    /// Tensors in file order (sorted by their byte offset).
    public let tensors: [TensorInfo]
    /// The `__metadata__` map (empty when absent).
    public let metadata: [String: String]
    /// Byte offset of the data section in the file (8 + header length).
    public let dataOffset: Int
    /// Size of the data section in bytes.
    public let dataSize: Int

    /// Reads the header length from the first 8 bytes of a file of `fileSize` bytes and checks it.
    public static func headerLength(prefix: [UInt8], fileSize: Int) throws(SafeTensorsError) -> Int {
        guard prefix.count >= 8, fileSize >= 8 else { throw .truncatedPrefix(size: min(prefix.count, fileSize)) }
        var declared: UInt64 = 0
        for shift in 0..<8 { declared |= UInt64(prefix[shift]) << (8 * UInt64(shift)) }
        guard declared <= UInt64(maxHeaderLength), declared <= UInt64(fileSize - 8) else {
            throw .headerLength(declared: declared, fileSize: fileSize, limit: maxHeaderLength)
        }
        return Int(declared)
    }

    /// Parses and validates `headerBytes` (the JSON text) for a file of `fileSize` bytes.
    public init(headerBytes: [UInt8], fileSize: Int) throws(SafeTensorsError) {
        guard String(validating: headerBytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        guard headerBytes.first == UInt8(ascii: "{") else {
            throw .invalidHeader("the header must be a JSON object starting with '{'")
        }
        guard case let .object(members) = try Self.parseJSON(headerBytes) else {
            throw .invalidHeader("the header is not a JSON object")
        }
        dataOffset = 8 + headerBytes.count
        guard fileSize >= dataOffset else {
            throw .headerLength(declared: UInt64(headerBytes.count), fileSize: fileSize, limit: Self.maxHeaderLength)
        }
        dataSize = fileSize - dataOffset
        var metadata: [String: String] = [:]
        var entries: [(info: TensorInfo, begin: UInt64, end: UInt64)] = []
        for (key, value) in members.map({ ($0.key, $0.value) }) {
            if key == "__metadata__" {
                metadata = try Self.parseMetadata(value)
            } else {
                try Self.checkName(key)
                entries.append(try Self.parseTensor(name: key, value: value, dataSize: UInt64(dataSize)))
            }
        }
        self.metadata = metadata
        tensors = try Self.checkLayout(entries, dataSize: UInt64(dataSize))
    }

    /// A tensor name must be non-empty and free of control characters (U+0000–U+001F, U+007F–U+009F):
    /// names reach terminals and logs, where newlines and escape sequences would forge output.
    static func checkName(_ name: String) throws(SafeTensorsError) {
        guard !name.isEmpty else { throw .invalidTensorName(name: name, reason: "the name is empty") }
        if let control = name.unicodeScalars.first(where: SafeTensorsError.isControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            throw .invalidTensorName(name: name, reason: "the name contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)")
        }
    }

    /// The header as JSON, read by the strict `BaseIO.JSONParser`: duplicate keys refused, at most
    /// 64 levels deep (a safetensors header needs 3), every error with its byte offset in the header.
    private static func parseJSON(_ bytes: [UInt8]) throws(SafeTensorsError) -> JSONValue {
        do { return try JSONParser.parse(bytes, options: .init(maximumDepth: 64, rejectsDuplicateKeys: true)) } catch {
            switch error {
            case let .invalidJSON(offset, reason): throw .invalidJSON(offset: offset, reason: reason)
            case let .duplicateKey(key, _): throw .duplicateKey(key)
            default: throw .invalidJSON(offset: 0, reason: error.description)
            }
        }
    }

    private static func parseMetadata(_ value: JSONValue) throws(SafeTensorsError) -> [String: String] {
        guard case let .object(members) = value else {
            throw .invalidMetadata(key: nil, reason: "expected an object of strings, found \(value.typeName)")
        }
        var out: [String: String] = [:]
        for (key, item) in members.map({ ($0.key, $0.value) }) {
            guard case let .string(text) = item else {
                throw .invalidMetadata(key: key, reason: "values must be strings, found \(item.typeName)")
            }
            out[key] = text
        }
        return out
    }

    private static func parseTensor(
        name: String, value: JSONValue, dataSize: UInt64
    ) throws(SafeTensorsError) -> (info: TensorInfo, begin: UInt64, end: UInt64) {
        guard case let .object(fields) = value else {
            throw .invalidTensor(name: name, reason: "expected an object, found \(value.typeName)")
        }
        var dtypeValue: JSONValue?, shapeValue: JSONValue?, offsetsValue: JSONValue?
        for (key, field) in fields.map({ ($0.key, $0.value) }) {
            switch key {
            case "dtype": dtypeValue = field
            case "shape": shapeValue = field
            case "data_offsets": offsetsValue = field
            default: throw .invalidTensor(name: name, reason: "unknown field '\(key.prefix(100))'")
            }
        }
        guard case let .string(dtypeText)? = dtypeValue else {
            throw .invalidTensor(name: name, reason: "missing or non-string 'dtype'")
        }
        guard let dtype = DType(rawValue: dtypeText) else {
            throw .invalidTensor(name: name, reason: "unknown dtype '\(dtypeText.prefix(40))'")
        }
        let shape = try parseShape(name: name, shapeValue)
        let (begin, end) = try parseOffsets(name: name, offsetsValue)
        let expected = expectedByteCount(shape: shape, dtype: dtype)
        guard expected == end - begin else {
            throw .sizeMismatch(name: name, expected: expected, actual: end - begin)
        }
        guard end <= dataSize else { throw .outOfBounds(name: name, end: end, dataSize: dataSize) }
        let info = TensorInfo(name: name, dtype: dtype, shape: shape.map { Int($0) }, byteRange: Int(begin)..<Int(end))
        return (info, begin, end)
    }

    private static func parseShape(name: String, _ value: JSONValue?) throws(SafeTensorsError) -> [UInt64] {
        guard case let .array(items)? = value else {
            throw .invalidTensor(name: name, reason: "missing or non-array 'shape'")
        }
        var shape: [UInt64] = []
        for item in items {
            guard let dimension = item.number?.unsignedInteger, dimension <= UInt64(Int.max) else {
                throw .invalidTensor(name: name, reason: "shape entries must be non-negative integers")
            }
            shape.append(dimension)
        }
        return shape
    }

    private static func parseOffsets(
        name: String, _ value: JSONValue?
    ) throws(SafeTensorsError) -> (UInt64, UInt64) {
        guard case let .array(items)? = value, items.count == 2,
            let begin = items[0].number?.unsignedInteger, let end = items[1].number?.unsignedInteger
        else {
            throw .invalidTensor(name: name, reason: "'data_offsets' must be [begin, end], two non-negative integers")
        }
        guard begin <= end else {
            throw .invalidTensor(name: name, reason: "'data_offsets' begin \(begin) is after end \(end)")
        }
        return (begin, end)
    }

    /// shape × dtype size, or nil on overflow of `Int`.
    private static func expectedByteCount(shape: [UInt64], dtype: DType) -> UInt64? {
        var total = UInt64(dtype.size)
        for dimension in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            total = product
        }
        return total <= UInt64(Int.max) ? total : nil
    }

    private static func checkLayout(
        _ entries: [(info: TensorInfo, begin: UInt64, end: UInt64)], dataSize: UInt64
    ) throws(SafeTensorsError) -> [TensorInfo] {
        let sorted = entries.sorted { ($0.begin, $0.end, $0.info.name) < ($1.begin, $1.end, $1.info.name) }
        var position: UInt64 = 0
        for entry in sorted {
            if entry.begin < position {
                throw .layout(name: entry.info.name, reason: "data \(entry.begin)..<\(entry.end) overlaps the previous tensor, which ends at \(position)")
            }
            if entry.begin > position {
                throw .layout(name: entry.info.name, reason: "gap of \(entry.begin - position) bytes before its data at \(entry.begin)")
            }
            position = entry.end
        }
        guard position == dataSize else { throw .trailingBytes(count: dataSize - position) }
        return sorted.map(\.info)
    }
}
