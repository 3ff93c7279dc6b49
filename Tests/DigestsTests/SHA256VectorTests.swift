import Digests
import Testing
import TestSupport

@Suite("SHA-256 against FIPS 180-4 / NIST vectors")
struct SHA256VectorTests {
    @Test("one-shot digest", arguments: SHA256Vectors.all)
    func oneShot(vector: SHA256Vectors.Vector) throws {
        #expect(Digest.sha256(of: vector.message).hex == vector.hex)
    }

    @Test("streaming digest in uneven pieces", arguments: SHA256Vectors.all)
    func streaming(vector: SHA256Vectors.Vector) throws {
        let message = vector.message
        let hasher = try SHA256Hasher()
        var offset = 0
        var piece = 1
        while offset < message.count {
            let end = min(message.count, offset + piece)
            hasher.update(Array(message[offset..<end]))
            offset = end
            piece = piece * 3 + 1
        }
        #expect(hasher.finalize().hex == vector.hex)
    }

    @Test("file digest", arguments: SHA256Vectors.all)
    func file(vector: SHA256Vectors.Vector) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("message", vector.message)
        let hash = try FileHasher(bufferSize: 4096).hash(fileAt: path)
        #expect(hash.digest.hex == vector.hex)
        #expect(hash.size == Int64(vector.message.count))
        #expect(try Digest.sha256(ofFileAt: path).hex == vector.hex)
    }
}
