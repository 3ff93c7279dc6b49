import BaseIO

/// Writes safetensors files: an 8-byte little-endian header length, a JSON header padded with spaces
/// to a multiple of 8, then the tensors back to back. Canonical: tensors (and their data) sorted by
/// name, `__metadata__` first, no whitespace in the JSON, no gaps.
public enum SafeTensorsWriter {
    /// One tensor to write; `bytes` must stay valid during the write and hold shape × dtype bytes.
    public struct Entry {
        /// Tensor name.
        public let name: String
        /// Element type.
        public let dtype: DType
        /// Shape.
        public let shape: [Int]
        /// Raw little-endian data.
        public let bytes: UnsafeRawBufferPointer

        /// An entry; returns nil when the byte count does not equal shape × dtype size.
        public init?(name: String, dtype: DType, shape: [Int], bytes: UnsafeRawBufferPointer) {
            guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) * dtype.size == bytes.count else { return nil }
            self.name = name
            self.dtype = dtype
            self.shape = shape
            self.bytes = bytes
        }

        /// An F32 entry over a Float buffer; nil when the element count does not match the shape.
        public init?(name: String, shape: [Int], floats: UnsafeBufferPointer<Float>) {
            self.init(name: name, dtype: .f32, shape: shape, bytes: UnsafeRawBufferPointer(floats))
        }
    }

    /// The header bytes (length prefix included) for `entries` sorted by name.
    public static func header(for entries: [Entry], metadata: [String: String]) -> [UInt8] {
        var json = "{"
        var fields: [String] = []
        if !metadata.isEmpty {
            let meta = metadata.keys.sorted().map { "\(quoted($0)):\(quoted(metadata[$0] ?? ""))" }
            fields.append("\"__metadata__\":{" + meta.joined(separator: ",") + "}")
        }
        var offset = 0
        for e in entries.sorted(by: { $0.name < $1.name }) {
            let shape = e.shape.map(String.init).joined(separator: ",")
            fields.append("\(quoted(e.name)):{\"dtype\":\"\(e.dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + e.bytes.count)]}")
            offset += e.bytes.count
        }
        json += fields.joined(separator: ",") + "}"
        var body = Array(json.utf8)
        while body.count % 8 != 0 { body.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + body.count)
        var length = UInt64(body.count)
        for _ in 0..<8 {
            out.append(UInt8(length & 0xFF))
            length >>= 8
        }
        return out + body
    }

    /// Streams the whole file to `sink` in order: header, then each tensor's bytes (sorted by name).
    /// Names must be unique (the caller's responsibility; duplicates are written as given).
    public static func write(
        _ entries: [Entry], metadata: [String: String] = ["format": "pt"],
        to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let head = header(for: entries, metadata: metadata)
        try head.withUnsafeBytes { try sink($0) }
        for e in entries.sorted(by: { $0.name < $1.name }) where e.bytes.count > 0 {
            try sink(e.bytes)
        }
    }

    /// A JSON string literal, escaped as every Glassbox JSON string is (`BaseIO.JSONStringEscaper`).
    static func quoted(_ text: String) -> String { CanonicalJSON.quoted(text) }
}
