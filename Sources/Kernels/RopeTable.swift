/// cos/sin tables of rotary position embedding, as transformers' default rope computes them in
/// Float32: inv_freq[i] = 1 / θ^(2i/d), angle = Float(pos) · inv_freq[i]; cos/sin evaluated by
/// `KernelMath.sinCosD` (Double, own code) and rounded to Float.
public struct RopeTable: Sendable {
    /// Rotary dimension (the head dimension).
    public let headDim: Int
    /// Positions covered.
    public let maxPositions: Int
    /// cos[pos * headDim/2 + i].
    public let cos: [Float]
    /// sin[pos * headDim/2 + i].
    public let sin: [Float]

    /// Tables for positions 0..<maxPositions; headDim must be even.
    public init(headDim: Int, maxPositions: Int, theta: Double) {
        self.headDim = headDim
        self.maxPositions = maxPositions
        let half = headDim / 2
        let logTheta = KernelMath.logD(theta)
        let invFreq: [Float] = (0..<half).map { i in
            let exponent = Float(2 * i) / Float(headDim)
            let power = Float(KernelMath.expD(Double(exponent) * logTheta))
            return 1 / power
        }
        var c = [Float](repeating: 0, count: maxPositions * half)
        var s = c
        for pos in 0..<maxPositions {
            for i in 0..<half {
                let angle = Float(pos) * invFreq[i]
                let sc = KernelMath.sinCosD(Double(angle))
                c[pos * half + i] = Float(sc.cos)
                s[pos * half + i] = Float(sc.sin)
            }
        }
        cos = c
        sin = s
    }
}
