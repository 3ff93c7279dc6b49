/// An owned, zero-initialised, 64-byte aligned Float buffer (parameters, gradients, optimiser state,
/// activations). Freed on deinit. Not thread-safe by itself: kernels write disjoint ranges.
public final class FloatBuffer: @unchecked Sendable {
    /// First element.
    public let base: UnsafeMutablePointer<Float>
    /// Number of elements.
    public let count: Int

    /// A zero-filled buffer of `count` floats.
    public init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(1, count))
        base.initialize(repeating: 0, count: max(1, count))
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// Sets every element to 0.
    public func zero() { base.update(repeating: 0, count: count) }

    /// The elements as a buffer pointer.
    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// A copy of the elements as an array.
    public var array: [Float] { Array(buffer) }

    /// Copies `values` (same count) into the buffer.
    public func copy(from values: [Float]) {
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.update(from: s, count: min(count, src.count)) }
        }
    }
}
