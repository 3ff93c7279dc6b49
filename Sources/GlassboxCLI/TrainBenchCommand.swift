import ArgumentParser
import Foundation
import Training

/// `glassbox train-bench`: time full training steps (or the matmul kernel, or the FMA peak) for
/// Benchmarks/train.sh; the measurements live in `Training.TrainingBenchmark`.
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

    @Option(help: "Model size: XS, S or M.")
    var size: TrainingBenchmark.Size = .xs

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
    }

    func run() throws {
        do {
            if matmul { return try Console.printJSONLine(TrainingBenchmark.matmul(size: matmulSize, threads: threads)) }
            if fmaPeak { return try Console.printJSONLine(TrainingBenchmark.fmaPeak(threads: threads)) }
            if readBandwidth { return try Console.printJSONLine(TrainingBenchmark.readBandwidth(threads: threads)) }
            try Console.printJSONLine(TrainingBenchmark.train(size: size, threads: threads, steps: steps))
        } catch {
            throw Console.fail("\(error)")
        }
    }
}

extension TrainingBenchmark.Size: ExpressibleByArgument {
    /// `xs`, `s` and `m` are accepted too.
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
