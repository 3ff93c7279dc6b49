import Kernels
import Transformer

extension TrainingSession {
    /// One data-parallel update over `group`, bit for bit the update `step(fill:)` makes in one process.
    ///
    /// Single-process accumulation adds micro-batch m's gradient G_m onto the running sum S_{m−1}
    /// (every weight gradient is formed from zero and added once; the embedding table's rows are
    /// added token by token onto the sum). Here rank r computes its contiguous block of micro-batches
    /// (`MicroBatchPartition`): rank 0 exactly as one process does, the others into held buffers.
    /// The running sum then travels once from rank 0 to the last rank; each rank adds its held G_m
    /// and replays its embedding rows in micro-batch order, so every addition happens in the same
    /// order, on the same values, as in one process, for any world size. The last rank broadcasts the
    /// sum; every rank then clips and updates identically. Losses are gathered and summed in order.
    ///
    /// `fill(m, tokens, targets)` is called for this rank's micro-batches only, `skip(m)` for the others
    /// (both in index order), so each rank reads only its own windows of the common data order.
    func step(
        group: any ProcessGroup, held: HeldMicroBatches?,
        fill: (Int, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) throws(TrainingError) -> Void,
        skip: (Int) -> Void
    ) throws(TrainingError) -> TrainingLogEntry {
        let o = options, threads = o.threads, total = o.gradientAccumulationSteps
        let mine = MicroBatchPartition(total: total, ranks: group.size).range(of: group.rank)
        if group.rank == 0 { gradients.zero() }
        var losses: [Double] = []
        for micro in 0..<total {
            guard mine.contains(micro) else {
                skip(micro)
                continue
            }
            try fill(micro, tokens, targets)
            try checkTokens()
            let target = group.rank == 0 ? gradients : try heldBuffer(held, micro - mine.lowerBound).gradients
            if group.rank != 0 { target.zero() }
            let loss = model.forwardBackward(tokens: tokens, targets: targets, activations: activations, gradients: target,
                                             accumulationSteps: total, threads: threads, embeddingGradient: group.rank == 0)
            if group.rank != 0 { try keep(held, micro - mine.lowerBound) }
            losses += [loss ?? 0, loss == nil ? 0 : 1]
        }
        try passRunningSum(group: group, held: held, count: mine.count)
        let all = try group.allGather(losses)
        var lossSum = 0.0, counted = 0
        for pair in stride(from: 0, to: all.count - 1, by: 2) where all[pair + 1] != 0 {
            lossSum += all[pair]
            counted += 1
        }
        return try finishStep(lossSum: lossSum, counted: counted)
    }

    /// Receives S from the previous rank, adds the held micro-batches in order, sends S on; the last
    /// rank's sum is then broadcast to all.
    private func passRunningSum(group: any ProcessGroup, held: HeldMicroBatches?, count: Int) throws(TrainingError) {
        let p = gradients.count, threads = options.threads
        if group.rank > 0 {
            try group.receive(into: gradients.base, count: p, from: group.rank - 1)
            for i in 0..<count {
                let buffers = try heldBuffer(held, i)
                VectorOps.add(buffers.gradients.base, to: gradients.base, count: p, threads: threads)
                model.addEmbeddingGradient(tokens: buffers.tokens, dEmbedding: buffers.dEmbedding.base, count: buffers.rows,
                                           gradients: gradients, threads: threads)
            }
        }
        if group.rank < group.size - 1 { try group.send(gradients.base, count: p, to: group.rank + 1) }
        try group.broadcast(gradients.base, count: p, from: group.size - 1)
    }

    /// Copies the current micro-batch's token ids and ∂L/∂(embedding output) into held slot `i`.
    private func keep(_ held: HeldMicroBatches?, _ i: Int) throws(TrainingError) {
        let buffers = try heldBuffer(held, i)
        buffers.tokens.update(from: tokens, count: buffers.rows)
        buffers.dEmbedding.base.update(from: activations.embeddingOutputGradient, count: buffers.dEmbedding.count)
    }

    private func heldBuffer(_ held: HeldMicroBatches?, _ i: Int) throws(TrainingError) -> (gradients: FloatBuffer, tokens: UnsafeMutablePointer<Int32>, dEmbedding: FloatBuffer, rows: Int) {
        guard let held, i < held.gradients.count else {
            throw .distributed("internal: no held buffer for micro-batch slot \(i)")
        }
        return (held.gradients[i], held.tokens[i], held.dEmbedding[i], held.rows)
    }

    /// The held buffers this rank needs (nil on rank 0, which accumulates in place).
    func heldMicroBatches(group: any ProcessGroup) -> HeldMicroBatches? {
        guard group.rank > 0 else { return nil }
        let count = MicroBatchPartition(total: options.gradientAccumulationSteps, ranks: group.size).range(of: group.rank).count
        return HeldMicroBatches(count: count, parameters: gradients.count, rows: options.batchSize * options.sequenceLength,
                                hidden: model.config.hiddenSize)
    }
}
