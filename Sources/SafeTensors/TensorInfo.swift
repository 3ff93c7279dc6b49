/// One tensor entry of a safetensors header, validated.
public struct TensorInfo: Hashable, Sendable {
    /// The tensor's name (a key of the header).
    public let name: String
    /// Its element type.
    public let dtype: DType
    /// Its shape; an empty array is a scalar.
    public let shape: [Int]
    /// Its bytes, relative to the start of the data section (after the 8-byte prefix and the header).
    public let byteRange: Range<Int>

    /// Number of elements (product of `shape`; 1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }

    /// Creates an entry; `SafeTensorsFile` only creates entries whose fields it has checked.
    public init(name: String, dtype: DType, shape: [Int], byteRange: Range<Int>) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.byteRange = byteRange
    }
}
