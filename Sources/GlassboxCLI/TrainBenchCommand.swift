import ArgumentParser
import Digests
import Dispatch
import Foundation
import Kernels
import Training
import Transformer

/// `glassbox train-bench`: time full training steps (or the matmul kernel) for Benchmarks/train.sh.
struct TrainBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-bench",
        abstract: "Measure training throughput (tokens/s of full steps) or matmul GFLOP/s.",
        discussion: """
            Sizes (hidden, layers, heads = kv heads, intermediate, vocab, sequence, batch), tied embeddings: \
            XS (128, 4, 4, 344, 1024, 128, 8); S (256, 4, 8, 688, 8192, 256, 8); \
            M (512, 8, 8, 1376, 16384, 512, 4). Synthetic tokens; the first step is a warm-up and not timed. \
            Prints one JSON line (tokens_per_second, seconds_per_step, peak_rss_mib, weights_digest: sha256 of the final fp32 parameters, to check that a speed-up changed no bit). \
            --matmul times C[M,N] = A·Bᵀ for M = N = K = --matmul-size instead (best of 5). \
            --fma-peak measures the machine's fp32 FMA peak instead: every thread runs twelve independent \
            8-lane fused multiply-add chains (more than the FMA latency × FMA units of current x86 cores), \
            best of 5; this is the peak the matmul share in Docs/benchmarks.md is measured against. \
            --read-bandwidth measures streaming-read bandwidth instead: --threads threads each sum a \
            disjoint half (third, …) of a 512 MiB buffer with 8-lane loads, best of 5, GB/s; the ceiling \
            a decoding GEMV, which reads every weight once per token, is measured against.

            Example: glassbox train-bench --size S --threads 2 --steps 3
            """
    )

    @Option(help: "XS, S or M.")
    var size: String = "XS"

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Option(help: "Timed steps (after one warm-up step).")
    var steps: Int = 3

    @Flag(help: "Benchmark the matmul kernel instead.")
    var matmul = false

    @Flag(help: "Measure the fp32 FMA peak (GFLOP/s on --threads threads) instead.")
    var fmaPeak = false

    @Flag(help: "Measure streaming-read bandwidth (GB/s on --threads threads) instead.")
    var readBandwidth = false

    @Option(help: "Matrix size for --matmul.")
    var matmulSize: Int = 1024

    func validate() throws {
        if threads < 1 || steps < 1 || matmulSize < 1 { throw ValidationError("--threads, --steps and --matmul-size must be positive") }
        if Self.preset(size) == nil { throw ValidationError("--size must be XS, S or M") }
    }

    static func preset(_ name: String) -> (LlamaConfig, Int, Int)? {
        func make(_ h: Int, _ l: Int, _ heads: Int, _ i: Int, _ v: Int, _ t: Int, _ b: Int) -> (LlamaConfig, Int, Int) {
            (LlamaConfig(vocabSize: v, hiddenSize: h, intermediateSize: i, numHiddenLayers: l, numAttentionHeads: heads,
                         numKeyValueHeads: heads, maxPositionEmbeddings: t, tieWordEmbeddings: true), t, b)
        }
        switch name.uppercased() {
        case "XS": return make(128, 4, 4, 344, 1024, 128, 8)
        case "S": return make(256, 4, 8, 688, 8192, 256, 8)
        case "M": return make(512, 8, 8, 1376, 16384, 512, 4)
        default: return nil
        }
    }

    func run() throws {
        if matmul { return printJSON(benchMatmul()) }
        if fmaPeak { return printJSON(benchFMAPeak()) }
        if readBandwidth { return printJSON(benchReadBandwidth()) }
        guard let (config, seqLen, batch) = Self.preset(size) else { throw ExitStatus.usage.exitCode }
        let options = TrainingOptions(seed: 1, sequenceLength: seqLen, batchSize: batch, steps: steps + 1, learningRate: 1e-3,
                                      warmupSteps: 1, threads: threads)
        do {
            let model = try LlamaModel(config: config)
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
            printJSON([
                "kind": "train", "size": size.uppercased(), "threads": "\(threads)", "steps": "\(steps)",
                "tokens_per_second": String(Int((Double(steps * batch * seqLen) / seconds).rounded())),
                "seconds_per_step": String(seconds / Double(steps)), "peak_rss_mib": String(Self.peakRSSMiB()),
                "parameters": "\(model.parameters.count)", "last_loss": "\(loss)",
                "weights_digest": Digest.sha256(of: UnsafeRawBufferPointer(model.parameters.buffer)).description,
            ])
        } catch {
            throw TrainCommandSupport.fail("\(error)")
        }
    }

    func benchMatmul() -> [String: String] {
        let n = matmulSize
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
        return ["kind": "matmul", "threads": "\(threads)", "size": "\(n)", "gflops": String(2 * Double(n * n * n) / best / 1e9)]
    }

    func benchFMAPeak() -> [String: String] {
        let iterations = 50_000_000
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                if Self.fmaChains(iterations) == 42 { print("") } // keeps the result alive
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        let flops = Double(threads) * Double(iterations) * 12 * 8 * 2
        return ["kind": "fma_peak", "threads": "\(threads)", "gflops": String(flops / best / 1e9)]
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

    func printJSON(_ fields: [String: String]) {
        let numeric = Set(["threads", "steps", "tokens_per_second", "seconds_per_step", "peak_rss_mib", "parameters", "last_loss", "size_n", "gflops", "gigabytes_per_second"])
        let body = fields.keys.sorted().map { key in
            let v = fields[key] ?? ""
            return "\"\(key)\":" + (numeric.contains(key) ? v : "\"\(v)\"")
        }
        print("{" + body.joined(separator: ",") + "}")
    }

    static func peakRSSMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
