import Kernels

extension LlamaModel {
    /// One training micro-batch: forward, fused cross-entropy, backward. Adds ∂L/∂θ into `gradients`
    /// (same layout as `parameters`), where L is the mean loss over valid targets divided by
    /// `accumulationSteps`. Returns the micro-batch's mean loss (nil when no target is valid).
    /// tokens and targets: [B·T], validated by the caller (targets < 0 are ignored).
    /// `embeddingGradient` false leaves the embedding table's own term out of `gradients` and
    /// ∂L/∂(embedding output) in `activations.embeddingOutputGradient`, for `addEmbeddingGradient`
    /// later (data-parallel ranks add it onto the running sum in micro-batch order).
    public func forwardBackward(
        tokens: UnsafePointer<Int32>, targets: UnsafePointer<Int32>, activations a: LlamaActivations,
        gradients g: FloatBuffer, accumulationSteps: Int, threads: Int, embeddingGradient: Bool = true
    ) -> Double? {
        let n = a.batch * a.seqLen
        forward(tokens: tokens, activations: a, threads: threads)
        var valid = 0
        for r in 0..<n where targets[r] >= 0 { valid += 1 }
        guard valid > 0 else { return nil }
        let scale = Float(1.0 / (Double(valid) * Double(accumulationSteps)))
        CrossEntropy.crossEntropyForwardBackward(
            losses: a.losses.base, logits: a.logits.base, targets: targets, rows: n, vocab: config.vocabSize,
            gradScale: scale, threads: threads)
        var sum = 0.0
        for r in 0..<n where targets[r] >= 0 { sum += Double(a.losses.base[r]) }
        backward(tokens: tokens, activations: a, gradients: g, embeddingGradient: embeddingGradient, threads: threads)
        return sum / Double(valid)
    }

    /// dtable[ids[n]] += dEmbedding[n, :], n ascending: the embedding table's term of a micro-batch
    /// whose `forwardBackward` ran with `embeddingGradient: false`. tokens: [B·T]; dEmbedding: [B·T, C].
    public func addEmbeddingGradient(tokens: UnsafePointer<Int32>, dEmbedding: UnsafePointer<Float>, count: Int,
                                     gradients g: FloatBuffer, threads: Int) {
        Embedding.embeddingBackward(dtable: at(g, layout.embed), ids: tokens, dout: dEmbedding, count: count,
                                    dim: config.hiddenSize, threads: threads)
    }

    /// Backward from ∂L/∂logits (held in `a.logits`) to every parameter gradient (accumulated).
    func backward(tokens: UnsafePointer<Int32>, activations a: LlamaActivations, gradients g: FloatBuffer,
                  embeddingGradient: Bool = true, threads: Int) {
        let cfg = config, p = parameters
        let n = a.batch * a.seqLen, c = cfg.hiddenSize
        let dres = a.dResidual.base
        Linear.linearBackward(
            dinp: a.dNorm.base, dweight: at(g, layout.lmHead), dout: a.logits.base, inp: a.finalNorm.base,
            weight: at(p, layout.lmHead), rows: n, inFeatures: c, outFeatures: cfg.vocabSize, accumulateInput: false, threads: threads)
        a.dResidual.zero()
        RMSNorm.rmsnormBackward(
            dinp: dres, dweight: at(g, layout.finalNorm), dout: a.dNorm.base, inp: a.residual[cfg.numHiddenLayers].base,
            weight: at(p, layout.finalNorm), rstd: a.finalRstd.base, rows: n, cols: c, threads: threads)
        for l in stride(from: cfg.numHiddenLayers - 1, through: 0, by: -1) {
            mlpBackward(layer: l, a, g, threads: threads)
            attentionBackward(layer: l, a, g, threads: threads)
        }
        if embeddingGradient {
            Embedding.embeddingBackward(dtable: at(g, layout.embed), ids: tokens, dout: dres, count: n, dim: c, threads: threads)
        }
    }

    /// dres: ∂L/∂x_{l+1} on entry, ∂L/∂x_mid on exit.
    func mlpBackward(layer l: Int, _ a: LlamaActivations, _ g: FloatBuffer, threads: Int) {
        let cfg = config, p = parameters, w = layout.layers[l]
        let n = a.batch * a.seqLen, (c, i) = (cfg.hiddenSize, cfg.intermediateSize)
        let norm = a.normOut.base, dres = a.dResidual.base
        RMSNorm.rmsnormForward(out: norm, rstd: a.rstd2[l].base, inp: a.residualMid[l].base, weight: at(p, w.postNorm), rows: n, cols: c, eps: Float(cfg.rmsNormEps), threads: threads)
        SwiGLU.swigluForward(out: a.hidden.base, gate: a.gate[l].base, up: a.up[l].base, count: n * i, threads: threads)
        Linear.linearBackward(dinp: a.dHidden.base, dweight: at(g, w.down), dout: dres, inp: a.hidden.base, weight: at(p, w.down),
                              rows: n, inFeatures: i, outFeatures: c, accumulateInput: false, threads: threads)
        SwiGLU.swigluBackward(dgate: a.dGate.base, dup: a.dUp.base, dout: a.dHidden.base, gate: a.gate[l].base, up: a.up[l].base, count: n * i, threads: threads)
        Linear.linearBackward(dinp: a.dNorm.base, dweight: at(g, w.gate), dout: a.dGate.base, inp: norm, weight: at(p, w.gate),
                              rows: n, inFeatures: c, outFeatures: i, accumulateInput: false, threads: threads)
        Linear.linearBackward(dinp: a.dNorm.base, dweight: at(g, w.up), dout: a.dUp.base, inp: norm, weight: at(p, w.up),
                              rows: n, inFeatures: c, outFeatures: i, accumulateInput: true, threads: threads)
        RMSNorm.rmsnormBackward(dinp: dres, dweight: at(g, w.postNorm), dout: a.dNorm.base, inp: a.residualMid[l].base,
                                weight: at(p, w.postNorm), rstd: a.rstd2[l].base, rows: n, cols: c, threads: threads)
    }

    /// dres: ∂L/∂x_mid on entry, ∂L/∂x_l on exit.
    func attentionBackward(layer l: Int, _ a: LlamaActivations, _ g: FloatBuffer, threads: Int) {
        let cfg = config, p = parameters, w = layout.layers[l]
        let n = a.batch * a.seqLen, (c, qw, kw) = (cfg.hiddenSize, cfg.queryWidth, cfg.keyValueWidth)
        let norm = a.normOut.base, dres = a.dResidual.base
        Linear.linearBackward(dinp: a.dAttention.base, dweight: at(g, w.o), dout: dres, inp: a.attention[l].base, weight: at(p, w.o),
                              rows: n, inFeatures: qw, outFeatures: c, accumulateInput: false, threads: threads)
        Attention.attentionBackward(
            dq: a.dq.base, dk: a.dk.base, dv: a.dv.base, dout: a.dAttention.base, q: a.q[l].base, k: a.k[l].base,
            v: a.v[l].base, rowMax: a.rowMax[l].base, rowSum: a.rowSum[l].base, shape: attentionShape(a), threads: threads)
        Rope.ropeBackward(a.dq.base, rows: n, seqLen: a.seqLen, heads: cfg.numAttentionHeads, table: rope, threads: threads)
        Rope.ropeBackward(a.dk.base, rows: n, seqLen: a.seqLen, heads: cfg.numKeyValueHeads, table: rope, threads: threads)
        RMSNorm.rmsnormForward(out: norm, rstd: a.rstd1[l].base, inp: a.residual[l].base, weight: at(p, w.inputNorm), rows: n, cols: c, eps: Float(cfg.rmsNormEps), threads: threads)
        Linear.linearBackward(dinp: a.dNorm.base, dweight: at(g, w.q), dout: a.dq.base, inp: norm, weight: at(p, w.q),
                              rows: n, inFeatures: c, outFeatures: qw, accumulateInput: false, threads: threads)
        Linear.linearBackward(dinp: a.dNorm.base, dweight: at(g, w.k), dout: a.dk.base, inp: norm, weight: at(p, w.k),
                              rows: n, inFeatures: c, outFeatures: kw, accumulateInput: true, threads: threads)
        Linear.linearBackward(dinp: a.dNorm.base, dweight: at(g, w.v), dout: a.dv.base, inp: norm, weight: at(p, w.v),
                              rows: n, inFeatures: c, outFeatures: kw, accumulateInput: true, threads: threads)
        RMSNorm.rmsnormBackward(dinp: dres, dweight: at(g, w.inputNorm), dout: a.dNorm.base, inp: a.residual[l].base,
                                weight: at(p, w.inputNorm), rstd: a.rstd1[l].base, rows: n, cols: c, threads: threads)
    }
}
