import Foundation

/// A safetensors file whose header has been fully validated (see `SafeTensorsHeader` for the rules).
///
/// Opening reads only the 8-byte prefix and the header (with `pread`); tensor bytes are read on demand
/// by `data(for:)` at offsets that have already been checked against the file size. Nothing in the
/// file is trusted before it is checked, and a hostile file produces a `SafeTensorsError`, never a crash.
public struct SafeTensorsFile: Sendable {
    private enum Source: Sendable {
        case file(path: String)
        case memory([UInt8])
    }

    private let source: Source
    /// The validated header.
    public let header: SafeTensorsHeader

    /// Tensors in file order (sorted by byte offset).
    public var tensors: [TensorInfo] { header.tensors }
    /// The `__metadata__` strings (empty when absent).
    public var metadata: [String: String] { header.metadata }

    /// Opens and validates the file at `url`.
    public init(contentsOf url: URL) throws(SafeTensorsError) {
        let reader = try FileReader(path: url.path)
        let prefix = try reader.read(count: min(8, reader.size), at: 0)
        let length = try SafeTensorsHeader.headerLength(prefix: prefix, fileSize: reader.size)
        let headerBytes = try reader.read(count: length, at: 8)
        header = try SafeTensorsHeader(headerBytes: headerBytes, fileSize: reader.size)
        source = .file(path: url.path)
    }

    /// Validates a whole safetensors file held in memory.
    public init(bytes: [UInt8]) throws(SafeTensorsError) {
        let length = try SafeTensorsHeader.headerLength(prefix: Array(bytes.prefix(8)), fileSize: bytes.count)
        header = try SafeTensorsHeader(headerBytes: Array(bytes[8..<8 + length]), fileSize: bytes.count)
        source = .memory(bytes)
    }

    /// The entry named `name`, or nil.
    public func tensor(named name: String) -> TensorInfo? {
        tensors.first { $0.name == name }
    }

    /// The raw little-endian bytes of tensor `name`.
    public func data(for name: String) throws(SafeTensorsError) -> [UInt8] {
        guard let info = tensor(named: name) else { throw .noSuchTensor(name) }
        return try data(for: info)
    }

    /// The raw little-endian bytes of `info` (an entry of `tensors`).
    public func data(for info: TensorInfo) throws(SafeTensorsError) -> [UInt8] {
        try data(for: info, bytes: 0..<info.byteRange.count)
    }

    /// The bytes `range` (relative to the tensor's first byte, within its byte count) of `info`.
    func data(for info: TensorInfo, bytes range: Range<Int>) throws(SafeTensorsError) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= info.byteRange.count)
        let start = header.dataOffset + info.byteRange.lowerBound + range.lowerBound
        switch source {
        case let .memory(bytes):
            return Array(bytes[start..<start + range.count])
        case let .file(path):
            return try FileReader(path: path).read(count: range.count, at: start)
        }
    }
}
