import Testing
import Kernels
@testable import Training

@Suite struct PhiloxTests {
    /// Random123's published known-answer vectors (tests/kat_vectors) for Philox-4x32-10.
    @Test func random123KnownAnswers() {
        let zero = Philox(key: 0).block(0, 0, 0, 0)
        #expect(zero == (0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8))
        let ones = Philox(key: .max).block(.max, .max, .max, .max)
        #expect(ones == (0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD))
        let pi = Philox(key: 0x299F_31D0_A409_3822).block(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344)
        #expect(pi == (0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1))
    }

    @Test func normalsHaveUnitMoments() {
        let p = Philox(key: 7)
        var sum = 0.0, sq = 0.0
        let n = 20_000
        for i in 0..<n {
            let w = p.block(index: UInt64(i), stream: 1)
            let (a, b) = Philox.normals(w.0, w.1)
            sum += a + b
            sq += a * a + b * b
        }
        #expect(abs(sum / Double(2 * n)) < 0.02)
        #expect(abs(sq / Double(2 * n) - 1) < 0.03)
    }
}
