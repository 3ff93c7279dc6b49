import Foundation
import Testing
import Digests

/// The determinism contract across CPU targets, checked in every `make test`: a short `glassbox
/// train` run must produce the weights and log whose digests Tools/check_cpu_determinism.sh recorded
/// when the native, haswell and generic x86-64 builds (the last without an FMA unit: `fmaf` calls,
/// scalar SIMD) all agreed. Any build on any machine that differs broke the contract.
@Suite struct CrossTargetGoldenTests {
    struct Expected: Decodable {
        let model: String
        let log: String
        enum CodingKeys: String, CodingKey {
            case model = "model.safetensors"
            case log = "training/log.jsonl"
        }
    }

    @Test func shortRunMatchesTheDigestsAllCPUTargetsProduced() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CrashResumeTests.binary), "build the glassbox binary first (make test does)")
        let inputs = Support.fixtures.appendingPathComponent("cpu-targets")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: inputs.appendingPathComponent("expected.json")))
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CrashResumeTests.binary)
        process.arguments = [
            "train", "--config", inputs.appendingPathComponent("config.json").path,
            "--options", inputs.appendingPathComponent("options.json").path,
            "--tokens", inputs.appendingPathComponent("train.jsonl").path, "--out", dir + "/out", "--threads", "2",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        #expect(try Digest.sha256(ofFileAt: dir + "/out/model.safetensors").hex == expected.model)
        #expect(try Digest.sha256(ofFileAt: dir + "/out/training/log.jsonl").hex == expected.log)
    }
}
