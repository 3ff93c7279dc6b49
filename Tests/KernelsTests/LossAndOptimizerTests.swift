import Foundation
import Testing
@testable import Kernels

@Suite struct LossAndOptimizerTests {
    @Test func crossEntropyFusedGradientAndIgnoreIndex() {
        let (rows, vocab) = (6, 23)
        var rng = TestRandom(seed: 9)
        let logits = rng.array(rows * vocab, scale: 5)
        let targets: [Int32] = [3, -100, 22, 0, 7, 7]
        func losses(_ x: [Float]) -> [Float] {
            withPointers([[Float](repeating: 0, count: rows), x]) { p in
                targets.withUnsafeBufferPointer { CrossEntropy.crossEntropyForward(losses: p[0], logits: p[1], targets: $0.baseAddress!, rows: rows, vocab: vocab, threads: 2) }
            }[0]
        }
        let plain = losses(logits)
        for r in 0..<rows where targets[r] >= 0 {
            let row = logits[(r * vocab)..<(r * vocab + vocab)].map(Double.init)
            let m = row.max()!
            let expected = Foundation.log(row.map { Foundation.exp($0 - m) }.reduce(0, +)) + m - row[Int(targets[r])]
            #expect(abs(Double(plain[r]) - expected) < 1e-5 * max(1, expected))
        }
        #expect(plain[1] == 0)
        let fused = withPointers([[Float](repeating: 0, count: rows), logits]) { p in
            targets.withUnsafeBufferPointer {
                CrossEntropy.crossEntropyForwardBackward(losses: p[0], logits: p[1], targets: $0.baseAddress!, rows: rows, vocab: vocab, gradScale: 1.0 / 5, threads: 3)
            }
        }
        #expect(sameBits(fused[0], plain))
        #expect(fused[1][vocab..<(2 * vocab)].allSatisfy { $0 == 0 })
        let fd = finiteDifferenceError(logits, analytic: fused[1], h: 1e-2) { x in losses(x).reduce(0.0) { $0 + Double($1) } / 5 }
        #expect(fd < 1e-2, "fd \(fd)")
    }

    @Test func adamwMatchesTwinAndThreadCount() {
        var rng = TestRandom(seed: 10)
        let n = 1000
        let p0 = rng.array(n), g = rng.array(n), m0 = rng.array(n, scale: 0.1), v0 = rng.array(n).map { $0 * $0 }
        let step = AdamW.Step(learningRate: 3e-3, beta1: 0.9, beta2: 0.95, epsilon: 1e-8, weightDecay: 0.1, step: 7)
        var (pr, mr, vr) = (p0, m0, v0)
        AdamW.adamwReference(params: &pr, grads: g, m: &mr, v: &vr, step: step)
        for threads in [1, 2, 3] {
            let out = withPointers([p0, g, m0, v0]) { p in AdamW.adamwUpdate(params: p[0], grads: p[1], m: p[2], v: p[3], count: n, step: step, threads: threads) }
            #expect(sameBits(out[0], pr) && sameBits(out[2], mr) && sameBits(out[3], vr))
        }
    }

    @Test func reductionsAndEmbeddingAreThreadIndependent() {
        var rng = TestRandom(seed: 11)
        let x = rng.array(100_003)
        let sums = [1, 2, 3].map { t in x.withUnsafeBufferPointer { VectorOps.sumOfSquares($0.baseAddress!, count: x.count, threads: t) } }
        #expect(sums.allSatisfy { $0.bitPattern == sums[0].bitPattern })
        #expect(abs(sums[0] - x.reduce(0.0) { $0 + Double($1) * Double($1) }) < 1e-9 * sums[0])
        let ids: [Int32] = [2, 0, 2, 1, 2]
        let dy = rng.array(5 * 9)
        var expected = [Float](repeating: 0, count: 3 * 9)
        for (n, id) in ids.enumerated() { for c in 0..<9 { expected[Int(id) * 9 + c] += dy[n * 9 + c] } }
        for threads in [1, 2, 3] {
            let out = withPointers([[Float](repeating: 0, count: 27), dy]) { p in
                ids.withUnsafeBufferPointer { Embedding.embeddingBackward(dtable: p[0], ids: $0.baseAddress!, dout: p[1], count: 5, dim: 9, threads: threads) }
            }
            #expect(sameBits(out[0], expected))
        }
    }
}
