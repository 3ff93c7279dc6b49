import Kernels

/// What a rank other than 0 keeps of each micro-batch it computed until the running gradient sum
/// reaches it: the micro-batch's gradients (from zero, without the embedding table's own term), its
/// token ids and ∂L/∂(embedding output). Costs one parameter-sized buffer per held micro-batch.
final class HeldMicroBatches {
    let gradients: [FloatBuffer]
    let tokens: [UnsafeMutablePointer<Int32>]
    let dEmbedding: [FloatBuffer]
    let rows: Int

    /// Buffers for `count` micro-batches of `rows` token rows, `parameters` gradients and width `hidden`.
    init(count: Int, parameters: Int, rows: Int, hidden: Int) {
        self.rows = rows
        gradients = (0..<count).map { _ in FloatBuffer(count: parameters) }
        dEmbedding = (0..<count).map { _ in FloatBuffer(count: rows * hidden) }
        tokens = (0..<count).map { _ in
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: rows)
            p.initialize(repeating: 0, count: rows)
            return p
        }
    }

    deinit {
        for p in tokens { p.deallocate() }
    }
}
