import Foundation
import Testing

/// The goldens of Tools/make_quant_goldens.py (gguf.quants and NumPy), read as little-endian arrays.
enum QuantFixtures {
    static func data(_ name: String) throws -> Data {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: base.appendingPathComponent(name))
    }

    static func array<T: FixedWidthInteger>(_ name: String, as: T.Type) throws -> [T] {
        let bytes = try data(name)
        return bytes.withUnsafeBytes { raw in
            (0..<bytes.count / MemoryLayout<T>.size).map {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self))
            }
        }
    }

    static func floats(_ name: String) throws -> [Float] {
        try array(name, as: UInt32.self).map(Float.init(bitPattern:))
    }
}
