#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Dispatch
import Kernels
import Transformer

/// The measurements behind `glassbox train-bench` and Benchmarks/train.sh: full training steps on
/// synthetic tokens, the matmul kernel, and the machine's fp32 FMA peak. Results are `Encodable`
/// (snake_case keys) so the CLI prints them as canonical JSON.
public enum TrainingBenchmark {
    /// A benchmark model size (hidden, layers, heads = kv heads, intermediate, vocab, sequence, batch),
    /// tied embeddings.
    public enum Size: String, CaseIterable, Sendable, Codable {
        /// (128, 4, 4, 344, 1024, 128, 8).
        case xs = "XS"
        /// (256, 4, 8, 688, 8192, 256, 8).
        case s = "S"
        /// (512, 8, 8, 1376, 16384, 512, 4).
        case m = "M"

        /// The model configuration, sequence length and batch size of this size.
        public var preset: (config: LlamaConfig, sequenceLength: Int, batchSize: Int) {
            func make(_ h: Int, _ l: Int, _ heads: Int, _ i: Int, _ v: Int, _ t: Int, _ b: Int) -> (LlamaConfig, Int, Int) {
                (LlamaConfig(vocabSize: v, hiddenSize: h, intermediateSize: i, numHiddenLayers: l, numAttentionHeads: heads,
                             numKeyValueHeads: heads, maxPositionEmbeddings: t, tieWordEmbeddings: true), t, b)
            }
            switch self {
            case .xs: return make(128, 4, 4, 344, 1024, 128, 8)
            case .s: return make(256, 4, 8, 688, 8192, 256, 8)
            case .m: return make(512, 8, 8, 1376, 16384, 512, 4)
            }
        }
    }

    /// Throughput of full training steps.
    public struct TrainResult: Encodable, Sendable {
        /// Always `train`.
        public var kind = "train"
        /// The model size.
        public let size: Size
        /// Worker threads.
        public let threads: Int
        /// Timed steps.
        public let steps: Int
        /// Tokens per second over the timed steps.
        public let tokensPerSecond: Int
        /// Seconds per timed step.
        public let secondsPerStep: Double
        /// Peak resident set size, MiB.
        public let peakRSSMiB: Int
        /// Number of fp32 parameters.
        public let parameters: Int
        /// Loss of the last step.
        public let lastLoss: Double
        /// sha256 of the final fp32 parameters, to check that a speed-up changed no bit.
        public let weightsDigest: String

        enum CodingKeys: String, CodingKey {
            case kind, size, threads, steps, parameters
            case tokensPerSecond = "tokens_per_second", secondsPerStep = "seconds_per_step", peakRSSMiB = "peak_rss_mib"
            case lastLoss = "last_loss", weightsDigest = "weights_digest"
        }
    }

    /// A GFLOP/s measurement (`kind` is `matmul` or `fma_peak`; `size` is the matrix size of a matmul).
    public struct RateResult: Encodable, Sendable {
        /// `matmul` or `fma_peak`.
        public let kind: String
        /// Worker threads.
        public let threads: Int
        /// The matrix size (matmul only).
        public let size: Int?
        /// Best GFLOP/s of five runs.
        public let gflops: Double
    }

    /// Times `steps` training steps of `size` on synthetic tokens after one untimed warm-up step.
    public static func train(size: Size, threads: Int, steps: Int) throws(TrainingError) -> TrainResult {
        let (config, seqLen, batch) = size.preset
        let options = TrainingOptions(seed: 1, sequenceLength: seqLen, batchSize: batch, steps: steps + 1, learningRate: 1e-3,
                                      warmupSteps: 1, threads: threads)
        let model: LlamaModel
        do { model = try LlamaModel(config: config) } catch { throw .model(error) }
        WeightInitializer.initialize(model, seed: 1, threads: threads)
        let session = try TrainingSession(model: model, options: options)
        let philox = Philox(key: 9)
        var clock: UInt64 = 0
        var loss = 0.0
        for step in 0...steps {
            if step == 1 { clock = DispatchTime.now().uptimeNanoseconds }
            loss = try session.step { (_, tokens, targets) throws(TrainingError) in
                for i in 0..<(batch * seqLen) {
                    let w = philox.block(index: UInt64(step * batch * seqLen + i), stream: 0)
                    tokens[i] = Int32(w.0 % UInt32(config.vocabSize))
                    targets[i] = Int32(w.1 % UInt32(config.vocabSize))
                }
            }.loss
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
        return TrainResult(
            size: size, threads: threads, steps: steps,
            tokensPerSecond: Int((Double(steps * batch * seqLen) / seconds).rounded()),
            secondsPerStep: seconds / Double(steps), peakRSSMiB: peakRSSMiB(), parameters: model.parameters.count,
            lastLoss: loss, weightsDigest: Digest.sha256(of: UnsafeRawBufferPointer(model.parameters.buffer)).description)
    }

    /// GFLOP/s of C[n,n] = A·Bᵀ through `Gemm.gemm`, best of 5.
    public static func matmul(size n: Int, threads: Int) -> RateResult {
        let a = FloatBuffer(count: n * n), b = FloatBuffer(count: n * n), c = FloatBuffer(count: n * n)
        for i in 0..<(n * n) {
            a.base[i] = Float(i % 7) * 0.25
            b.base[i] = Float(i % 5) * 0.5
        }
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            Gemm.gemm(m: n, n: n, k: n, a: .rowMajor(a.base, ld: n), b: .transposed(b.base, ld: n), c: c.base, ldc: n, accumulate: false, threads: threads)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return RateResult(kind: "matmul", threads: threads, size: n, gflops: 2 * Double(n * n * n) / best / 1e9)
    }

    /// The fp32 FMA peak: every thread runs twelve independent 8-lane fused multiply-add chains
    /// (more than FMA latency × FMA units of current x86 cores), best of 5.
    public static func fmaPeak(threads: Int) -> RateResult {
        let iterations = 50_000_000
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                if fmaChains(iterations) == 42 { print("") } // keeps the result alive
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        let flops = Double(threads) * Double(iterations) * 12 * 8 * 2
        return RateResult(kind: "fma_peak", threads: threads, size: nil, gflops: flops / best / 1e9)
    }

    /// Twelve independent chains `a = a·b + c` of 8-lane FMAs, `iterations` steps each.
    @inline(never)
    static func fmaChains(_ iterations: Int) -> Float {
        let b = SIMD8<Float>(repeating: 0.9999), c = SIMD8<Float>(repeating: 0.0001)
        var a0 = SIMD8<Float>(repeating: 0.1), a1 = a0 + 0.01, a2 = a0 + 0.02, a3 = a0 + 0.03
        var a4 = a0 + 0.04, a5 = a0 + 0.05, a6 = a0 + 0.06, a7 = a0 + 0.07
        var a8 = a0 + 0.08, a9 = a0 + 0.09, a10 = a0 + 0.1, a11 = a0 + 0.11
        for _ in 0..<iterations {
            a0 = c.addingProduct(a0, b); a1 = c.addingProduct(a1, b); a2 = c.addingProduct(a2, b)
            a3 = c.addingProduct(a3, b); a4 = c.addingProduct(a4, b); a5 = c.addingProduct(a5, b)
            a6 = c.addingProduct(a6, b); a7 = c.addingProduct(a7, b); a8 = c.addingProduct(a8, b)
            a9 = c.addingProduct(a9, b); a10 = c.addingProduct(a10, b); a11 = c.addingProduct(a11, b)
        }
        let sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11))
        return sum.sum()
    }

    /// Peak resident set size of this process, MiB.
    static func peakRSSMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
