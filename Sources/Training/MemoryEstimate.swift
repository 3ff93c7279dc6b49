import Foundation
import Transformer

/// Peak memory of a training run, estimated before anything large is allocated.
public struct MemoryEstimate: Sendable, Equatable {
    /// Parameters, gradients and the two AdamW moments (4 × 4 bytes per parameter).
    public let modelBytes: Int
    /// Saved activations and backward scratch for one micro-batch.
    public let activationBytes: Int
    /// Per-thread attention and matmul scratch.
    public let scratchBytes: Int

    /// The total.
    public var totalBytes: Int { modelBytes + activationBytes + scratchBytes }

    /// The estimate for a config and options.
    public init(config: LlamaConfig, options: TrainingOptions) {
        let params = ParameterLayout(config: config).count
        modelBytes = 16 * params
        activationBytes = 4 * LlamaActivations.floatCount(config: config, batch: options.batchSize, seqLen: options.sequenceLength)
        let t = options.sequenceLength
        let widest = max(config.hiddenSize, config.intermediateSize, config.vocabSize, options.batchSize * t)
        scratchBytes = 4 * max(1, options.threads) * (2 * t * t + 32 * widest)
    }

    /// "weights+optimizer X MiB, activations Y MiB, scratch Z MiB".
    public var breakdown: String {
        "weights+gradients+optimizer \(TrainingError.mib(modelBytes)), activations \(TrainingError.mib(activationBytes)), scratch \(TrainingError.mib(scratchBytes))"
    }

    /// MemAvailable from /proc/meminfo (physical memory where that file is missing).
    public static func availableBytes() -> Int {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kb * 1024
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }
}
