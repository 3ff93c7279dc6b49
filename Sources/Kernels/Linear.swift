/// A linear layer without bias, weights stored [out, in] as in PyTorch/Hugging Face.
public enum Linear {
    /// out[M,N] = inp[M,K] · weightᵀ (weight [N,K]); `accumulate` adds to out instead.
    public static func linearForward(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        rows m: Int, inFeatures k: Int, outFeatures n: Int, accumulate: Bool = false, threads: Int
    ) {
        Gemm.gemm(m: m, n: n, k: k, a: .rowMajor(inp, ld: k), b: .transposed(weight, ld: k),
                  c: out, ldc: n, accumulate: accumulate, threads: threads)
    }

    /// dinp[M,K] (+)= dout[M,N] · weight; dweight[N,K] += doutᵀ · inp (tokens ascending).
    public static func linearBackward(
        dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
        inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        rows m: Int, inFeatures k: Int, outFeatures n: Int, accumulateInput: Bool, threads: Int
    ) {
        Gemm.gemm(m: m, n: k, k: n, a: .rowMajor(dout, ld: n), b: .rowMajor(weight, ld: k),
                  c: dinp, ldc: k, accumulate: accumulateInput, threads: threads)
        Gemm.gemm(m: n, n: k, k: m, a: .transposed(dout, ld: n), b: .rowMajor(inp, ld: k),
                  c: dweight, ldc: k, accumulate: true, threads: threads)
    }
}
