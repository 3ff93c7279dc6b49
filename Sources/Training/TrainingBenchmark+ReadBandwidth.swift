import Dispatch
import Kernels

extension TrainingBenchmark {
    /// A streaming-read bandwidth measurement (`kind` is `read_bandwidth`).
    public struct BandwidthResult: Encodable, Sendable {
        /// Always `read_bandwidth`.
        public var kind = "read_bandwidth"
        /// Worker threads.
        public let threads: Int
        /// Best GB/s of five runs.
        public let gigabytesPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case kind, threads
            case gigabytesPerSecond = "gigabytes_per_second"
        }
    }

    /// Streaming-read bandwidth: `threads` threads each read a disjoint contiguous part of a 512 MiB
    /// buffer (far beyond the caches) with four 8-lane accumulators; best of 5, in GB/s.
    public static func readBandwidth(threads: Int) -> BandwidthResult {
        let count = 128 << 20 // floats
        let buffer = FloatBuffer(count: count)
        for i in stride(from: 0, to: count, by: 1024) { buffer.base[i] = Float(i & 7) }
        let base = SharedPointer(buffer.base)
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            Parallel.forEachChunk(threads, threads: threads) { parts in
                for part in parts {
                    let range = Parallel.chunk(part, of: threads, count: count / 32)
                    if streamSum(base.base + range.lowerBound * 32, blocks: range.count) == -1 { print("") }
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return BandwidthResult(threads: threads, gigabytesPerSecond: Double(count * 4) / best / 1e9)
    }

    /// Σ of `blocks` × 32 floats, four independent 8-lane sums (the value only keeps the loads alive).
    @inline(never)
    static func streamSum(_ p: UnsafePointer<Float>, blocks: Int) -> Float {
        var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
        var raw = UnsafeRawPointer(p)
        for _ in 0..<blocks {
            a0 += raw.loadUnaligned(as: SIMD8<Float>.self)
            a1 += raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            a2 += raw.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
            a3 += raw.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
            raw += 128
        }
        return ((a0 + a1) + (a2 + a3)).sum()
    }
}
