import Testing

@testable import SafeTensors

/// Files from `SafeTensorsWriter` (the training side) pass the strict reader unchanged.
struct WriterRoundTripTests {
    static func write(_ entries: [SafeTensorsWriter.Entry], metadata: [String: String]) -> [UInt8] {
        var out: [UInt8] = []
        SafeTensorsWriter.write(entries, metadata: metadata) { out.append(contentsOf: $0) }
        return out
    }

    @Test func writerOutputReadsBackExactly() throws {
        let names = ["model.norm.weight", "a \"quoted\" name", "back\\slash/\u{2028}separator", "č-ž-ünïcode", "empty", "scalar"]
        let shapes: [[Int]] = [[3], [2, 2], [1], [4, 1], [0, 3], []]
        let payloads: [[Float]] = shapes.enumerated().map { index, shape in
            (0..<shape.reduce(1, *)).map { Float(index) + Float($0) / 8 }
        }
        let metadata = ["format": "pt", "note": "line\nbreak \"q\""]
        let bytes = payloads.withBuffers { buffers in
            Self.write(zip(names, zip(shapes, buffers)).compactMap { name, pair in
                SafeTensorsWriter.Entry(name: name, shape: pair.0, floats: pair.1)
            }, metadata: metadata)
        }
        let file = try SafeTensorsFile(bytes: bytes)
        #expect(file.metadata == metadata)
        #expect(Set(file.tensors.map(\.name)) == Set(names))
        for (name, (shape, values)) in zip(names, zip(shapes, payloads)) {
            #expect(file.tensor(named: name)?.shape == shape)
            #expect(try file.floats(for: name) == values)
        }
    }

    @Test func duplicateNamesFromAWriterAreCaught() throws {
        let values: [Float] = [1]
        let bytes = values.withUnsafeBufferPointer { buffer -> [UInt8] in
            guard let entry = SafeTensorsWriter.Entry(name: "w", shape: [1], floats: buffer) else { return [] }
            return Self.write([entry, entry], metadata: [:])
        }
        #expect(!bytes.isEmpty)
        #expect(throws: SafeTensorsError.duplicateKey("w")) { try SafeTensorsFile(bytes: bytes) }
    }
}

extension Array where Element == [Float] {
    /// Calls `body` with a buffer over each inner array (all valid during the call).
    fileprivate func withBuffers<R>(_ body: ([UnsafeBufferPointer<Float>]) -> R) -> R {
        func step(_ index: Int, _ collected: [UnsafeBufferPointer<Float>]) -> R {
            guard index < count else { return body(collected) }
            return self[index].withUnsafeBufferPointer { step(index + 1, collected + [$0]) }
        }
        return step(0, [])
    }
}
