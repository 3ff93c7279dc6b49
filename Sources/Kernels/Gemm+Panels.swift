extension Gemm {
    /// C[M,N] = A·B, or C += A·B when `accumulate`, with B already packed as panels of `width` columns
    /// (a multiple of 16): B(kk, j) = `panels[(j / width) · k · width + kk · width + j % width]`, the
    /// layout inference keeps its projections in (`Inference.PanelMatrix`). Columns of the last panel
    /// past N are read (they must be there, e.g. zero) but never stored.
    ///
    /// Same tiles, threads and FMA order as `gemm`, which packs B into 16-column panels on every call:
    /// only where the panel is read from changes, so the bits are those of `gemm` on the same values.
    public static func gemm(
        m: Int, n: Int, k: Int, a: MatrixOperand, panels: UnsafePointer<Float>, width: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int
    ) {
        precondition(width > 0 && width % nr == 0, "panel width \(width) is not a multiple of \(nr)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let b = SharedPointer(panels)
        tiles(m: m, n: n, k: k, a: a, c: c, ldc: ldc, accumulate: accumulate, threads: threads, scratch: 0) { j0, _, _ in
            (UnsafePointer(b.base + (j0 / width) * k * width + j0 % width), width * 4)
        }
    }
}
