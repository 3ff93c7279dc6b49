import Foundation
import Testing
@testable import Kernels

@Suite struct KernelMathTests {
    /// Distance in units in the last place between a Float and a Double reference.
    func ulps(_ x: Float, _ ref: Double) -> Double {
        let r = Float(ref)
        return abs(Double(x) - ref) / Double(r.ulp)
    }

    @Test func expWithinTwoUlps() {
        var worst = 0.0
        var x: Float = -87
        while x < 88.7 {
            worst = max(worst, ulps(KernelMath.exp(x), Foundation.exp(Double(x))))
            x += 0.000_731
        }
        #expect(worst <= 2, "worst \(worst) ulp")
        #expect(KernelMath.exp(0) == 1)
        #expect(KernelMath.exp(-200) == 0)
        #expect(KernelMath.exp(100) == .infinity)
        #expect(KernelMath.exp(.nan).isNaN)
    }

    @Test func logWithinThreeUlps() {
        var worst = 0.0
        var x: Float = 1e-30
        while x < 1e30 {
            worst = max(worst, ulps(KernelMath.log(x), Foundation.log(Double(x))))
            x *= 1.000_37
        }
        #expect(worst <= 3, "worst \(worst) ulp")
        #expect(KernelMath.log(1) == 0)
        #expect(KernelMath.log(0) == -.infinity)
        #expect(KernelMath.log(-1).isNaN)
        #expect(abs(KernelMath.log(1e-40) - Float(Foundation.log(1e-40))) < 1e-4) // subnormal input
    }

    @Test func doubleFunctionsMatchLibm() {
        for i in 0..<20_000 {
            let x = Double(i) * 0.0137 - 100
            #expect(abs(KernelMath.sinD(x) - Foundation.sin(x)) < 1e-14)
            #expect(abs(KernelMath.cosD(x) - Foundation.cos(x)) < 1e-14)
            let y = Foundation.exp(x / 10)
            #expect(abs(KernelMath.expD(x / 10) - y) <= 4 * y.ulp)
            #expect(abs(KernelMath.logD(y) - x / 10) < 1e-13)
        }
    }
}

@Suite struct KernelMathVectorTests {
    @Test func vectorExpEqualsScalarBitForBit() {
        var values: [Float] = [.nan, .infinity, -.infinity, 88.72, 88.7199, -87, -87.0001, 0, -0.0, 1e-30, -1e-30]
        var x: Float = -100
        while x < 100 { values.append(x); x += 0.0037 }
        while values.count % 16 != 0 { values.append(1) }
        var mismatches = 0
        for i in stride(from: 0, to: values.count, by: 16) {
            let v = SIMD16<Float>(values[i..<(i + 16)])
            let e = KernelMath.exp(v), s = KernelMath.sigmoid(v)
            func same(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
            for l in 0..<16 {
                if !same(e[l], KernelMath.exp(v[l])) { mismatches += 1 }
                if !same(s[l], KernelMath.sigmoid(v[l])) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
