import Foundation
import Testing
@testable import Training
import Transformer

@Suite struct DeterminismTests {
    /// Runs the tiny job; returns (model.safetensors bytes, log.jsonl bytes).
    func run(threads: Int, checkpoints: String? = nil, stopAt: Int? = nil, out: String) throws -> TrainingResult {
        try Trainer.run(config: Support.tinyConfig, options: Support.tinyOptions(threads: threads), documents: Support.documents(),
                        checkpointDirectory: checkpoints, outputDirectory: out) { p in
            p.entry.step == stopAt ? .stop : .proceed
        }
    }

    @Test func sameWeightsForOneTwoThreeThreadsAndRepeatedRuns() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var outputs: [(Data, Data)] = []
        for (i, threads) in [1, 2, 3, 2].enumerated() {
            let out = dir + "/out\(i)"
            let result = try run(threads: threads, out: out)
            #expect(result.completedSteps == 8 && !result.stopped)
            outputs.append((Support.bytes(out + "/model.safetensors"), Support.bytes(out + "/training/log.jsonl")))
        }
        #expect(outputs[0].0.count > 1000)
        for o in outputs.dropFirst() { #expect(o.0 == outputs[0].0 && o.1 == outputs[0].1) }
    }

    @Test func interruptedAndResumedRunIsBitIdentical() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try run(threads: 2, out: dir + "/straight")
        let ckpt = dir + "/checkpoints"
        let first = try run(threads: 1, checkpoints: ckpt, stopAt: 5, out: dir + "/resumed")
        #expect(first.stopped && first.completedSteps == 5)
        #expect(!FileManager.default.fileExists(atPath: dir + "/resumed/model.safetensors"))
        let second = try run(threads: 3, checkpoints: ckpt, out: dir + "/resumed")
        #expect(second.resumedFromStep == 3 && second.completedSteps == 8)
        #expect(Support.bytes(dir + "/straight/model.safetensors") == Support.bytes(dir + "/resumed/model.safetensors"))
        #expect(Support.bytes(dir + "/straight/training/log.jsonl") == Support.bytes(dir + "/resumed/training/log.jsonl"))
        #expect(Checkpoint.list(in: ckpt).map(\.step) == [3, 6])
    }

    @Test func logIsCanonicalJSONLines() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try run(threads: 1, out: dir)
        let lines = String(decoding: Support.bytes(dir + "/training/log.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("{\"grad_norm\":") && lines[0].contains("\"tokens_seen\":72"))
        let entry = try JSONDecoder().decode(TrainingLogEntry.self, from: Data(lines[7].utf8))
        #expect(entry.step == 8 && entry.tokensSeen == 8 * 2 * 3 * 12)
        let config = try JSONDecoder().decode(LlamaConfig.self, from: Support.bytes(dir + "/config.json"))
        #expect(config == Support.tinyConfig)
    }
}
