import Kernels
import Testing
@testable import Transformer
import TestSupport

@Suite struct GradientTests {
    /// Every tensor's gradient (3 sampled entries each) against central finite differences of the
    /// mean loss, for a tied and an untied model with grouped-query attention.
    @Test(arguments: [true, false])
    func backwardMatchesFiniteDifferences(tied: Bool) throws {
        let config = LlamaConfig(vocabSize: 13, hiddenSize: 12, intermediateSize: 20, numHiddenLayers: 2,
                                 numAttentionHeads: 4, numKeyValueHeads: 2, headDim: 4, maxPositionEmbeddings: 8,
                                 tieWordEmbeddings: tied)
        let model = try LlamaModel(config: config)
        var generator = SplitMix64(seed: tied ? 1 : 2)
        for i in 0..<model.parameters.count {
            model.parameters.base[i] = Float(Int(generator.next() >> 40) % 2001 - 1000) / 2000
        }
        for view in model.layout.views where view.role == .norm {
            for i in 0..<view.count { model.parameters.base[view.offset + i] += 1 }
        }
        let tokens: [Int32] = [1, 5, 7, 2, 12, 0, 3, 3, 9, 4, 11, 6]
        let targets: [Int32] = [5, 7, 2, -100, 0, 3, 3, 9, 4, 11, 6, 8]
        let acts = LlamaActivations(config: config, batch: 2, seqLen: 6)
        let grads = FloatBuffer(count: model.parameters.count)
        tokens.withUnsafeBufferPointer { t in
            targets.withUnsafeBufferPointer { y in
                _ = model.forwardBackward(tokens: t.baseAddress!, targets: y.baseAddress!, activations: acts, gradients: grads, accumulationSteps: 1, threads: 2)
            }
        }
        func loss() throws -> Double { try model.loss(tokens: tokens, targets: targets, batch: 2, seqLen: 6, threads: 1) }
        var worst = 0.0
        for view in model.layout.views {
            for j in [0, view.count / 2, view.count - 1] {
                let i = view.offset + j
                let saved = model.parameters.base[i]
                let h: Float = 1e-2
                model.parameters.base[i] = saved + h
                let plus = try loss()
                model.parameters.base[i] = saved - h
                let minus = try loss()
                model.parameters.base[i] = saved
                let fd = (plus - minus) / Double(2 * h)
                let err = abs(fd - Double(grads.base[i])) / max(0.02, abs(fd))
                worst = max(worst, err)
                #expect(err < 2e-2, "\(view.name)[\(j)]: fd \(fd) vs backward \(grads.base[i])")
            }
        }
        #expect(worst < 2e-2)
    }
}
