import Foundation
import Testing
@testable import Training
import Transformer

@Suite struct BadInputTests {
    func expectError(_ body: () throws -> Void, _ check: (TrainingError) -> Bool) {
        do {
            try body()
            Issue.record("expected an error")
        } catch let error as TrainingError {
            #expect(check(error), "\(error)")
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func invalidOptionsAreListedWithTheirKeys() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Support.tinyOptions()
        options.sequenceLength = 17
        options.beta2 = 1
        expectError({ _ = try Trainer.run(config: Support.tinyConfig, options: options, documents: Support.documents(), checkpointDirectory: nil, outputDirectory: dir) }) { e in
            guard case let .invalidOptions(p) = e else { return false }
            return p.contains { $0.contains("sequence_length") && $0.contains("context") } && p.contains { $0.contains("beta2") }
        }
    }

    @Test func tooLittleMemoryIsReportedBeforeAllocating() throws {
        var options = Support.tinyOptions()
        options.memoryLimitBytes = 1000
        expectError({ _ = try Trainer.run(config: Support.tinyConfig, options: options, documents: Support.documents(), checkpointDirectory: nil, outputDirectory: "/nonexistent") }) { e in
            guard case let .insufficientMemory(needed, available, _) = e else { return false }
            return needed > available && e.description.contains("MiB")
        }
    }

    @Test func divergenceNamesStepTensorAndCheckpoint() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Support.tinyOptions(steps: 8, checkpointEvery: 2)
        options.learningRate = 1e30
        options.minLearningRate = 0
        options.warmupSteps = 3
        expectError({ _ = try Trainer.run(config: Support.tinyConfig, options: options, documents: Support.documents(), checkpointDirectory: dir + "/ck", outputDirectory: dir) }) { e in
            guard case let .diverged(step, _, _, checkpoint) = e else { return false }
            return step > 1 && (step <= 2 || checkpoint != nil) && e.description.contains("step \(step)")
        }
    }

    @Test func checkpointFromOtherOptionsIsRefused() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Trainer.run(config: Support.tinyConfig, options: Support.tinyOptions(), documents: Support.documents(),
                            checkpointDirectory: dir + "/ck", outputDirectory: dir + "/a") { $0.entry.step == 4 ? .stop : .proceed }
        var other = Support.tinyOptions()
        other.learningRate = 1e-3
        expectError({ _ = try Trainer.run(config: Support.tinyConfig, options: other, documents: Support.documents(), checkpointDirectory: dir + "/ck", outputDirectory: dir + "/b") }) { e in
            guard case let .checkpoint(_, reason) = e else { return false }
            return reason.contains("learning_rate")
        }
        // A corrupt weights file in the latest checkpoint is named, not silently used.
        let latest = try #require(Checkpoint.list(in: dir + "/ck").last)
        try Data("not a safetensors file".utf8).write(to: URL(fileURLWithPath: latest.path + "/model.safetensors"))
        expectError({ _ = try Trainer.run(config: Support.tinyConfig, options: Support.tinyOptions(), documents: Support.documents(), checkpointDirectory: dir + "/ck", outputDirectory: dir + "/c") }) { e in
            guard case let .checkpoint(path, _) = e else { return false }
            return path == latest.path
        }
    }

    @Test func scheduleWarmsUpThenDecays() {
        var o = Support.tinyOptions(steps: 10)
        o.warmupSteps = 2
        let s = LearningRateSchedule(o)
        #expect(s.learningRate(at: 0) == o.learningRate / 2 && s.learningRate(at: 1) == o.learningRate)
        #expect(s.learningRate(at: 2) == o.learningRate)
        #expect(abs(s.learningRate(at: 6) - (o.minLearningRate + o.learningRate) / 2) < 1e-12)
        o.schedule = .linear
        #expect(abs(LearningRateSchedule(o).learningRate(at: 6) - (o.minLearningRate + o.learningRate) / 2) < 1e-12)
    }
}
