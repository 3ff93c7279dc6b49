import Testing
@testable import Kernels

@Suite struct ElementwiseTests {
    @Test func rmsnormMatchesTwinAndFiniteDifferences() {
        let (rows, cols) = (7, 37)
        var rng = TestRandom(seed: 3)
        let x = rng.array(rows * cols), w = rng.array(cols), dy = rng.array(rows * cols)
        let ref = RMSNorm.rmsnormForwardReference(inp: x, weight: w, rows: rows, cols: cols, eps: 1e-5)
        for threads in [1, 3] {
            let out = withPointers([[Float](repeating: 0, count: rows * cols), [Float](repeating: 0, count: rows), x, w]) { p in
                RMSNorm.rmsnormForward(out: p[0], rstd: p[1], inp: p[2], weight: p[3], rows: rows, cols: cols, eps: 1e-5, threads: threads)
            }
            #expect(sameBits(out[0], ref.out) && sameBits(out[1], ref.rstd))
            let grads = withPointers([[Float](repeating: 0, count: rows * cols), [Float](repeating: 0, count: cols), dy, x, w, ref.rstd]) { p in
                RMSNorm.rmsnormBackward(dinp: p[0], dweight: p[1], dout: p[2], inp: p[3], weight: p[4], rstd: p[5], rows: rows, cols: cols, threads: threads)
            }
            let twin = RMSNorm.rmsnormBackwardReference(dout: dy, inp: x, weight: w, rstd: ref.rstd, rows: rows, cols: cols)
            #expect(sameBits(grads[0], twin.dinp) && sameBits(grads[1], twin.dweight))
        }
        let back = RMSNorm.rmsnormBackwardReference(dout: dy, inp: x, weight: w, rstd: ref.rstd, rows: rows, cols: cols)
        let fx = finiteDifferenceError(x, analytic: back.dinp) { dot(dy, RMSNorm.rmsnormForwardReference(inp: $0, weight: w, rows: rows, cols: cols, eps: 1e-5).out) }
        let fw = finiteDifferenceError(w, analytic: back.dweight) { dot(dy, RMSNorm.rmsnormForwardReference(inp: x, weight: $0, rows: rows, cols: cols, eps: 1e-5).out) }
        #expect(fx < 1e-2 && fw < 1e-2, "fd errors \(fx) \(fw)")
    }

    @Test func swigluMatchesTwinAndFiniteDifferences() {
        var rng = TestRandom(seed: 4)
        let n = 101
        let g = rng.array(n, scale: 4), u = rng.array(n), dy = rng.array(n)
        let out = withPointers([[Float](repeating: 0, count: n), g, u]) { p in
            SwiGLU.swigluForward(out: p[0], gate: p[1], up: p[2], count: n, threads: 2)
        }
        #expect(sameBits(out[0], SwiGLU.swigluForwardReference(gate: g, up: u)))
        let back = withPointers([[Float](repeating: 0, count: n), [Float](repeating: 0, count: n), dy, g, u]) { p in
            SwiGLU.swigluBackward(dgate: p[0], dup: p[1], dout: p[2], gate: p[3], up: p[4], count: n, threads: 3)
        }
        let twin = SwiGLU.swigluBackwardReference(dout: dy, gate: g, up: u)
        #expect(sameBits(back[0], twin.dgate) && sameBits(back[1], twin.dup))
        #expect(finiteDifferenceError(g, analytic: twin.dgate) { dot(dy, SwiGLU.swigluForwardReference(gate: $0, up: u)) } < 1e-2)
        #expect(finiteDifferenceError(u, analytic: twin.dup) { dot(dy, SwiGLU.swigluForwardReference(gate: g, up: $0)) } < 1e-2)
    }

    @Test func ropeMatchesTwinAndInvertsExactlyEnough() {
        let table = RopeTable(headDim: 10, maxPositions: 9, theta: 10_000)
        var rng = TestRandom(seed: 5)
        let (rows, heads) = (2 * 9, 3)
        let x = rng.array(rows * heads * 10), dy = rng.array(rows * heads * 10)
        let out = withPointers([x]) { p in Rope.ropeForward(p[0], rows: rows, seqLen: 9, heads: heads, table: table, threads: 2) }
        #expect(sameBits(out[0], Rope.ropeReference(x, rows: rows, seqLen: 9, heads: heads, table: table)))
        let back = withPointers([dy]) { p in Rope.ropeBackward(p[0], rows: rows, seqLen: 9, heads: heads, table: table, threads: 3) }
        #expect(sameBits(back[0], Rope.ropeReference(dy, rows: rows, seqLen: 9, heads: heads, table: table, sign: -1)))
        #expect(finiteDifferenceError(x, analytic: back[0]) { dot(dy, Rope.ropeReference($0, rows: rows, seqLen: 9, heads: heads, table: table)) } < 1e-2)
    }

    @Test func softmaxMatchesTwinAndFiniteDifferences() {
        var rng = TestRandom(seed: 6)
        let (rows, cols) = (5, 19)
        let x = rng.array(rows * cols, scale: 3), dy = rng.array(rows * cols)
        let out = withPointers([x]) { p in Softmax.softmaxForward(out: p[0], inp: p[0], rows: rows, cols: cols, threads: 2) }
        #expect(sameBits(out[0], Softmax.softmaxForwardReference(x, rows: rows, cols: cols)))
        let back = withPointers([[Float](repeating: 0, count: rows * cols), dy, out[0]]) { p in
            Softmax.softmaxBackward(dinp: p[0], dout: p[1], probs: p[2], rows: rows, cols: cols, threads: 2)
        }
        #expect(finiteDifferenceError(x, analytic: back[0]) { dot(dy, Softmax.softmaxForwardReference($0, rows: rows, cols: cols)) } < 1e-2)
    }
}
