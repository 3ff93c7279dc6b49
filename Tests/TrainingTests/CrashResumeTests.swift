import BaseIO
import Foundation
import Testing
@testable import Training
import Transformer
import TestSupport

/// SIGKILL the `glassbox train` binary at a random checkpoint and resume: the final weights and log
/// must equal an uninterrupted run's, bit for bit. The binary is the one built next to this test
/// bundle (`swift build --build-tests` / `make test` build it).
@Suite struct CrashResumeTests {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("glassbox").path
    }

    func writeInputs(_ dir: String) throws {
        let config = LlamaConfig(vocabSize: 60, hiddenSize: 48, intermediateSize: 72, numHiddenLayers: 2, numAttentionHeads: 4,
                                 numKeyValueHeads: 2, maxPositionEmbeddings: 24, tieWordEmbeddings: true, eosTokenId: 1)
        try Data(try CanonicalJSON.encode(config)).write(to: URL(fileURLWithPath: dir + "/config.json"))
        let options = TrainingOptions(seed: 5, sequenceLength: 24, batchSize: 4, steps: 60, learningRate: 2e-3,
                                      gradientAccumulationSteps: 2, warmupSteps: 5, checkpointEverySteps: 3, documentSeparator: 1)
        try Data(try CanonicalJSON.encode(options)).write(to: URL(fileURLWithPath: dir + "/options.json"))
        var lines = ""
        for d in 0..<40 {
            let tokens = (0..<50).map { String(2 + (d * 11 + $0 * 7) % 58) }.joined(separator: ",")
            lines += "{\"language\":\"\(d % 2 == 0 ? "cs" : "en")\",\"tokens\":[\(tokens)]}\n"
        }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: dir + "/train.jsonl"))
    }

    func launch(_ dir: String, output: String, threads: Int) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["train", "--config", dir + "/config.json", "--options", dir + "/options.json", "--tokens", dir + "/train.jsonl",
                       "--out", dir + "/" + output, "--checkpoints", dir + "/" + output + "-ck", "--threads", "\(threads)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test func sigkillAtRandomStepThenResumeIsBitIdentical() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the glassbox binary first (make test does)")
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeInputs(dir)
        let straight = try launch(dir, output: "straight", threads: 1)
        straight.waitUntilExit()
        #expect(straight.terminationStatus == 0)

        var generator = SplitMix64(seed: 18)
        let target = Int.random(in: 1...8, using: &generator)
        let victim = try launch(dir, output: "killed", threads: 2)
        let deadline = Date().addingTimeInterval(60)
        while Checkpoint.list(in: dir + "/killed-ck").count < min(target, 2) || (Checkpoint.list(in: dir + "/killed-ck").last?.step ?? 0) < 3 * target {
            if !victim.isRunning || Date() > deadline { break }
            usleep(500)
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: dir + "/killed/model.safetensors"))

        let resumed = try launch(dir, output: "killed", threads: 3)
        resumed.waitUntilExit()
        #expect(resumed.terminationStatus == 0)
        #expect(Support.bytes(dir + "/killed/model.safetensors") == Support.bytes(dir + "/straight/model.safetensors"))
        #expect(Support.bytes(dir + "/killed/training/log.jsonl") == Support.bytes(dir + "/straight/training/log.jsonl"))
        #expect(Support.bytes(dir + "/straight/model.safetensors").count > 10_000)
    }
}
