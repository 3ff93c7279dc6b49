/// Vector versions of the Float functions: the same IEEE operations per lane, so every lane equals
/// the scalar result bit for bit (KernelsTests checks this).
extension KernelMath {
    /// e^x per lane, identical to `exp(_: Float)`.
    @inline(__always)
    public static func exp(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let xc = x.replacing(with: 0, where: .!(x .>= -87) .| (x .> 88.72))
        // Round to nearest even by the 1.5·2²³ trick (exact for |y| < 2²²; equals .toNearestOrEven),
        // which also leaves the integer in the low bits of `shifted`.
        let magic = SIMD16<Float>(repeating: 12_582_912.0)
        let shifted = xc * log2e + magic
        let n = shifted - magic
        var r = xc.addingProduct(-n, SIMD16(repeating: ln2Hi))
        r = r.addingProduct(-n, SIMD16(repeating: ln2Lo))
        var p = SIMD16<Float>(repeating: 1.0 / 5040.0)
        p = SIMD16(repeating: 1.0 / 720.0).addingProduct(p, r)
        p = SIMD16(repeating: 1.0 / 120.0).addingProduct(p, r)
        p = SIMD16(repeating: 1.0 / 24.0).addingProduct(p, r)
        p = SIMD16(repeating: 1.0 / 6.0).addingProduct(p, r)
        p = SIMD16(repeating: 0.5).addingProduct(p, r)
        p = SIMD16(repeating: 1.0).addingProduct(p, r)
        p = SIMD16(repeating: 1.0).addingProduct(p, r)
        let e = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000
        let e1 = e &>> 1
        let s1 = unsafeBitCast(SIMD16<UInt32>(truncatingIfNeeded: e1 &+ 127) &<< 23, to: SIMD16<Float>.self)
        let s2 = unsafeBitCast(SIMD16<UInt32>(truncatingIfNeeded: e &- e1 &+ 127) &<< 23, to: SIMD16<Float>.self)
        var result = p * s1 * s2
        result.replace(with: 0, where: x .< -87)
        result.replace(with: .infinity, where: x .> 88.72)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// 1 / (1 + e^−x) per lane, identical to `sigmoid(_: Float)`.
    @inline(__always)
    public static func sigmoid(_ x: SIMD16<Float>) -> SIMD16<Float> {
        1 / (1 + exp(-x))
    }

    /// out[i] = exp(x[i] · scale − shift) for i in 0..<count (16 lanes at a time, scalar tail;
    /// identical bits either way). out may alias x.
    @inline(__always)
    public static func expScaledShifted(
        _ x: UnsafePointer<Float>, scale: Float, shift: Float, into out: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        let vs = SIMD16<Float>(repeating: scale), vm = SIMD16<Float>(repeating: shift)
        let xr = UnsafeRawPointer(x), orw = UnsafeMutableRawPointer(out)
        while i + 16 <= count {
            let v = xr.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            orw.storeBytes(of: exp(v * vs - vm), toByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        while i < count {
            out[i] = exp(x[i] * scale - shift)
            i += 1
        }
    }

    /// The largest element (exact, so any order gives the same result); −inf for count 0.
    @inline(__always)
    public static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var i = 0
        var vm = SIMD16<Float>(repeating: -.infinity)
        let xr = UnsafeRawPointer(x)
        while i + 16 <= count {
            // Per lane exactly Swift.max(vm, v) = (v >= vm ? v : vm), which `pointwiseMax` applies
            // lane by lane in a scalar loop; the compare-and-blend form compiles to two vector ops.
            let v = xr.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            vm.replace(with: v, where: v .>= vm)
            i += 16
        }
        var m = vm.max()
        while i < count {
            m = max(m, x[i])
            i += 1
        }
        return m
    }

    /// x[i] ← x[i] / divisor · multiplier (per lane the same two roundings as the scalar tail).
    @inline(__always)
    public static func divideThenScale(_ x: UnsafeMutablePointer<Float>, count: Int, divisor: Float, multiplier: Float) {
        var i = 0
        let vd = SIMD16<Float>(repeating: divisor), vm = SIMD16<Float>(repeating: multiplier)
        let raw = UnsafeMutableRawPointer(x)
        while i + 16 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            raw.storeBytes(of: v / vd * vm, toByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        while i < count {
            x[i] = x[i] / divisor * multiplier
            i += 1
        }
    }

    /// Σ x[i] with i ascending (one scalar chain: the order the twins use).
    @inline(__always)
    public static func orderedSum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var s: Float = 0
        for i in 0..<count { s += x[i] }
        return s
    }
}
