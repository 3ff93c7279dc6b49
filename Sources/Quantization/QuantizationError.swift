/// Why a tensor could not be encoded or decoded; each message names the tensor and what to do.
public enum QuantizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A row's length is not a multiple of the type's block size.
    case rowNotBlockMultiple(tensor: String, rowLength: Int, type: QuantizationType)
    /// The element count is not a whole number of rows.
    case shape(tensor: String, count: Int, rowLength: Int)
    /// A weight is NaN or infinite, or a block's scale overflows float16.
    case nonFinite(tensor: String, index: Int)
    /// The encoded bytes do not match the element count.
    case byteCount(tensor: String, expected: Int, actual: Int)

    public var description: String {
        switch self {
        case let .rowNotBlockMultiple(tensor, rowLength, type):
            "cannot quantize \(tensor) to \(type.rawValue): its rows hold \(rowLength) weights, not a multiple of "
                + "the \(type.blockSize)-weight block; use --type f16 or f32 for this model (or a model whose widths are multiples of \(type.blockSize))"
        case let .shape(tensor, count, rowLength):
            "cannot encode \(tensor): \(count) weights are not a whole number of rows of \(rowLength)"
        case let .nonFinite(tensor, index):
            "cannot encode \(tensor): weight \(index) is NaN or infinite, or its block's scale overflows float16; the checkpoint is corrupt"
        case let .byteCount(tensor, expected, actual):
            "cannot decode \(tensor): expected \(expected) bytes, found \(actual); the file is truncated or corrupt"
        }
    }
}
