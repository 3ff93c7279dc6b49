import Digests
import Foundation
import TestSupport
import Verification

/// A small signed release made in the test: config and card, a valid safetensors file, a nested file,
/// optionally a file over the 10 MiB LFS threshold; signed with a fresh ECDSA P-256 key.
struct ReleaseFixture {
    let folder: TemporaryDirectory
    /// The release directory.
    let release: URL
    let key: SigningKey
    /// The public key, written as SPKI PEM.
    let publicKeyFile: String

    init(large: Bool = false, name: String = "tiny-1.0") throws {
        folder = try TemporaryDirectory(prefix: "glassbox-publish-test-")
        release = URL(fileURLWithPath: folder.path).appendingPathComponent(name)
        try folder.write("\(name)/config.json", text: #"{"architectures":["LlamaForCausalLM"],"hidden_size":8}"# + "\n")
        try folder.write("\(name)/README.md", text: "---\nlicense: apache-2.0\n---\n# tiny\n")
        try folder.write("\(name)/model.safetensors", Self.safetensors(values: 256))
        try folder.write("\(name)/eval/results.json", text: #"{"bpb":1.25}"# + "\n")
        if large { try folder.write("\(name)/training/log.jsonl", Self.bytes(11 << 20, seed: 7)) }
        key = try SigningKey.generate(.ecdsaP256)
        publicKeyFile = try folder.write("release.pub", text: try key.verifyingKey().spkiPEM())
        try resign()
    }

    /// Signs (again) with `key`.
    func resign() throws {
        let inputs = ProvenanceInputs(recipeDigest: nil, lockDigest: nil, dependencies: [], builderVersion: "test")
        _ = try ReleaseSigner(key: key, provenance: inputs, hasher: ParallelFileHasher(threads: 2)).sign(release)
    }

    /// The public key for `PublishOptions.publicKey` / `ReleaseVerifier`.
    var publicKey: (path: String, key: VerifyingKey) {
        get throws { (publicKeyFile, try key.verifyingKey()) }
    }

    /// Relative paths of the release's files.
    var files: [String] { (try? ReleaseInventory(directory: release).files) ?? [] }

    /// A valid safetensors file with one F32 tensor of `values` elements.
    static func safetensors(values: Int) -> [UInt8] {
        var header = Array(#"{"w":{"dtype":"F32","shape":[\#(values)],"data_offsets":[0,\#(values * 4)]}}"#.utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var bytes = withUnsafeBytes(of: UInt64(header.count).littleEndian) { Array($0) }
        bytes += header
        for index in 0..<values { bytes += withUnsafeBytes(of: Float(index).bitPattern.littleEndian) { Array($0) } }
        return bytes
    }

    /// Deterministic pseudo-random bytes.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var out = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where index < count {
                out[index] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                index += 1
            }
        }
        return out
    }
}
