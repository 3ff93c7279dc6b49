import Testing
@testable import Kernels

@Suite struct AttentionTests {
    static let shape = AttentionShape(batch: 2, seqLen: 7, heads: 4, kvHeads: 2, headDim: 6)

    func forward(_ q: [Float], _ k: [Float], _ v: [Float], threads: Int) -> [[Float]] {
        let s = Self.shape
        let n = s.batch * s.seqLen
        return withPointers([[Float](repeating: 0, count: n * s.heads * s.headDim), [Float](repeating: 0, count: n * s.heads),
                             [Float](repeating: 0, count: n * s.heads), q, k, v]) { p in
            Attention.attentionForward(out: p[0], rowMax: p[1], rowSum: p[2], q: p[3], k: p[4], v: p[5], shape: s, threads: threads)
        }
    }

    @Test func forwardMatchesTwinOnEveryThreadCount() {
        let s = Self.shape
        var rng = TestRandom(seed: 7)
        let n = s.batch * s.seqLen
        let q = rng.array(n * 24), k = rng.array(n * 12), v = rng.array(n * 12)
        let ref = Attention.attentionForwardReference(q: q, k: k, v: v, shape: s)
        for threads in [1, 2, 3] {
            let out = forward(q, k, v, threads: threads)
            #expect(sameBits(out[0], ref.out) && sameBits(out[1], ref.rowMax) && sameBits(out[2], ref.rowSum))
        }
    }

    @Test func backwardMatchesFiniteDifferencesAndIsThreadIndependent() {
        let s = Self.shape
        var rng = TestRandom(seed: 8)
        let n = s.batch * s.seqLen
        let q = rng.array(n * 24), k = rng.array(n * 12), v = rng.array(n * 12), dy = rng.array(n * 24)
        let fwd = forward(q, k, v, threads: 1)
        var results: [[[Float]]] = []
        for threads in [1, 2, 3] {
            results.append(withPointers([[Float](repeating: 0, count: n * 24), [Float](repeating: 0, count: n * 12),
                                         [Float](repeating: 0, count: n * 12), dy, q, k, v, fwd[1], fwd[2]]) { p in
                Attention.attentionBackward(dq: p[0], dk: p[1], dv: p[2], dout: p[3], q: p[4], k: p[5], v: p[6],
                                            rowMax: p[7], rowSum: p[8], shape: s, threads: threads)
            })
        }
        for r in results.dropFirst() { #expect(sameBits(r[0], results[0][0]) && sameBits(r[1], results[0][1]) && sameBits(r[2], results[0][2])) }
        let g = results[0]
        func loss(_ q: [Float], _ k: [Float], _ v: [Float]) -> Double { dot(dy, Attention.attentionForwardReference(q: q, k: k, v: v, shape: s).out) }
        #expect(finiteDifferenceError(q, analytic: g[0]) { loss($0, k, v) } < 2e-2)
        #expect(finiteDifferenceError(k, analytic: g[1]) { loss(q, $0, v) } < 2e-2)
        #expect(finiteDifferenceError(v, analytic: g[2]) { loss(q, k, $0) } < 2e-2)
    }
}
