import Kernels

extension LlamaModel {
    /// Forward pass over tokens[B·T] (already validated) filling `acts` up to the logits [B·T, V].
    /// x_0 = embed(tokens); per layer: x_mid = x + o(attn(rope(q(n1)), rope(k(n1)), v(n1))),
    /// n1 = rmsnorm(x); x' = x_mid + down(silu(gate(n2)) ∘ up(n2)), n2 = rmsnorm(x_mid);
    /// logits = lm_head(rmsnorm(x_L)).
    public func forward(tokens: UnsafePointer<Int32>, activations a: LlamaActivations, threads: Int) {
        forwardToFinalNorm(tokens: tokens, activations: a, threads: threads)
        let n = a.batch * a.seqLen
        Linear.linearForward(
            out: a.logits.base, inp: a.finalNorm.base, weight: at(parameters, layout.lmHead), rows: n,
            inFeatures: config.hiddenSize, outFeatures: config.vocabSize, threads: threads)
    }

    /// The forward pass up to rmsnorm(x_L) in `a.finalNorm` [B·T, C].
    func forwardToFinalNorm(tokens: UnsafePointer<Int32>, activations a: LlamaActivations, threads: Int) {
        let cfg = config, p = parameters
        let n = a.batch * a.seqLen
        let (c, i, qw, kw) = (cfg.hiddenSize, cfg.intermediateSize, cfg.queryWidth, cfg.keyValueWidth)
        let eps = Float(cfg.rmsNormEps)
        let shape = attentionShape(a)
        Embedding.embeddingForward(out: a.residual[0].base, ids: tokens, table: at(p, layout.embed), count: n, dim: c, threads: threads)
        for (l, w) in layout.layers.enumerated() {
            let x = a.residual[l].base, xm = a.residualMid[l].base, norm = a.normOut.base
            RMSNorm.rmsnormForward(out: norm, rstd: a.rstd1[l].base, inp: x, weight: at(p, w.inputNorm), rows: n, cols: c, eps: eps, threads: threads)
            Linear.linearForward(out: a.q[l].base, inp: norm, weight: at(p, w.q), rows: n, inFeatures: c, outFeatures: qw, threads: threads)
            Linear.linearForward(out: a.k[l].base, inp: norm, weight: at(p, w.k), rows: n, inFeatures: c, outFeatures: kw, threads: threads)
            Linear.linearForward(out: a.v[l].base, inp: norm, weight: at(p, w.v), rows: n, inFeatures: c, outFeatures: kw, threads: threads)
            Rope.ropeForward(a.q[l].base, rows: n, seqLen: a.seqLen, heads: cfg.numAttentionHeads, table: rope, threads: threads)
            Rope.ropeForward(a.k[l].base, rows: n, seqLen: a.seqLen, heads: cfg.numKeyValueHeads, table: rope, threads: threads)
            Attention.attentionForward(
                out: a.attention[l].base, rowMax: a.rowMax[l].base, rowSum: a.rowSum[l].base,
                q: a.q[l].base, k: a.k[l].base, v: a.v[l].base, shape: shape, threads: threads)
            xm.update(from: x, count: n * c)
            Linear.linearForward(out: xm, inp: a.attention[l].base, weight: at(p, w.o), rows: n, inFeatures: qw, outFeatures: c, accumulate: true, threads: threads)
            RMSNorm.rmsnormForward(out: norm, rstd: a.rstd2[l].base, inp: xm, weight: at(p, w.postNorm), rows: n, cols: c, eps: eps, threads: threads)
            Linear.linearForward(out: a.gate[l].base, inp: norm, weight: at(p, w.gate), rows: n, inFeatures: c, outFeatures: i, threads: threads)
            Linear.linearForward(out: a.up[l].base, inp: norm, weight: at(p, w.up), rows: n, inFeatures: c, outFeatures: i, threads: threads)
            SwiGLU.swigluForward(out: a.hidden.base, gate: a.gate[l].base, up: a.up[l].base, count: n * i, threads: threads)
            let next = a.residual[l + 1].base
            next.update(from: xm, count: n * c)
            Linear.linearForward(out: next, inp: a.hidden.base, weight: at(p, w.down), rows: n, inFeatures: i, outFeatures: c, accumulate: true, threads: threads)
        }
        RMSNorm.rmsnormForward(
            out: a.finalNorm.base, rstd: a.finalRstd.base, inp: a.residual[cfg.numHiddenLayers].base,
            weight: at(p, layout.finalNorm), rows: n, cols: c, eps: eps, threads: threads)
    }

    /// The attention shape of an activation set.
    func attentionShape(_ a: LlamaActivations) -> AttentionShape {
        AttentionShape(batch: a.batch, seqLen: a.seqLen, heads: config.numAttentionHeads, kvHeads: config.numKeyValueHeads, headDim: config.headDim)
    }

    /// Logits [B·T, V] for a batch of token sequences (validates the tokens first).
    public func logits(tokens: [Int32], batch: Int, seqLen: Int, threads: Int) throws(TransformerError) -> [Float] {
        let acts = LlamaActivations(config: config, batch: batch, seqLen: seqLen)
        try tokens.withUnsafeBufferPointer { (t: UnsafeBufferPointer<Int32>) throws(TransformerError) in
            try validate(tokens: t, batch: batch, seqLen: seqLen)
            forward(tokens: t.baseAddress!, activations: acts, threads: threads)
        }
        return acts.logits.array
    }

    /// Mean cross-entropy of targets (ignored where < 0) given tokens, without gradients.
    public func loss(tokens: [Int32], targets: [Int32], batch: Int, seqLen: Int, threads: Int) throws(TransformerError) -> Double {
        let acts = LlamaActivations(config: config, batch: batch, seqLen: seqLen)
        guard targets.count == tokens.count else { throw .invalidInput("\(targets.count) targets for \(tokens.count) tokens") }
        try tokens.withUnsafeBufferPointer { (t: UnsafeBufferPointer<Int32>) throws(TransformerError) in
            try validate(tokens: t, batch: batch, seqLen: seqLen)
            forward(tokens: t.baseAddress!, activations: acts, threads: threads)
        }
        let n = batch * seqLen
        targets.withUnsafeBufferPointer { tp in
            CrossEntropy.crossEntropyForward(losses: acts.losses.base, logits: acts.logits.base, targets: tp.baseAddress!, rows: n, vocab: config.vocabSize, threads: threads)
        }
        return Self.meanLoss(acts.losses.base, targets: targets)
    }

    /// Σ losses over valid targets / their count (Double, rows ascending).
    static func meanLoss(_ losses: UnsafePointer<Float>, targets: [Int32]) -> Double {
        var sum = 0.0, valid = 0
        for (r, t) in targets.enumerated() where t >= 0 {
            sum += Double(losses[r])
            valid += 1
        }
        return valid == 0 ? 0 : sum / Double(valid)
    }
}
