/// A strided view of a row-major or transposed matrix: element (r, c) is at
/// `base[r * rowStride + c * columnStride]`.
public struct MatrixOperand: @unchecked Sendable {
    /// First element.
    public let base: UnsafePointer<Float>
    /// Distance between rows.
    public let rowStride: Int
    /// Distance between columns.
    public let columnStride: Int

    /// A view with explicit strides.
    public init(_ base: UnsafePointer<Float>, rowStride: Int, columnStride: Int) {
        self.base = base
        self.rowStride = rowStride
        self.columnStride = columnStride
    }

    /// A row-major [rows, columns] matrix with leading dimension `ld`.
    public static func rowMajor(_ base: UnsafePointer<Float>, ld: Int) -> MatrixOperand {
        MatrixOperand(base, rowStride: ld, columnStride: 1)
    }

    /// The transpose of a row-major matrix with leading dimension `ld`.
    public static func transposed(_ base: UnsafePointer<Float>, ld: Int) -> MatrixOperand {
        MatrixOperand(base, rowStride: 1, columnStride: ld)
    }

    @inline(__always)
    subscript(r: Int, c: Int) -> Float { base[r * rowStride + c * columnStride] }
}
