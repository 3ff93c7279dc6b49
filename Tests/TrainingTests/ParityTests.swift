import Testing
@testable import Training
import Transformer

@Suite struct ParityTests {
    /// The first 50 updates from the same initial weights and batches as PyTorch
    /// (transformers LlamaForCausalLM + torch.optim.AdamW): every loss within 1e-4 relative.
    @Test func fiftyStepsMatchPyTorch() throws {
        let golden = try Support.parity()
        let o = golden.options
        let options = TrainingOptions(
            seed: 0, sequenceLength: o.sequence_length, batchSize: o.batch_size, steps: o.steps, learningRate: o.learning_rate,
            gradientAccumulationSteps: o.gradient_accumulation_steps, minLearningRate: o.min_learning_rate,
            warmupSteps: o.warmup_steps, schedule: .cosine, weightDecay: o.weight_decay, beta1: o.beta1, beta2: o.beta2,
            epsilon: o.epsilon, gradClipNorm: o.grad_clip_norm, threads: 2)
        let model = try LlamaModel(config: golden.config)
        try model.loadSafeTensors(from: Support.fixtures.appendingPathComponent("parity_init.safetensors").path)
        let session = try TrainingSession(model: model, options: options)
        var worstLoss = 0.0
        for step in 0..<o.steps {
            let entry = try session.step { (micro, tokens, targets) throws(TrainingError) in
                let i = step * o.gradient_accumulation_steps + micro
                for (j, t) in golden.tokens[i].enumerated() { tokens[j] = t }
                for (j, t) in golden.targets[i].enumerated() { targets[j] = t }
            }
            let ref = golden.log[step]
            let rel = abs(entry.loss - ref.loss) / abs(ref.loss)
            worstLoss = max(worstLoss, rel)
            #expect(rel < 1e-4, "step \(step + 1): loss \(entry.loss) vs PyTorch \(ref.loss)")
            #expect(abs(entry.gradNorm - ref.grad_norm) / ref.grad_norm < 1e-3, "step \(step + 1): grad norm \(entry.gradNorm) vs \(ref.grad_norm)")
            #expect(abs(entry.learningRate - ref.learning_rate) / ref.learning_rate < 1e-12)
        }
        #expect(worstLoss < 1e-4)
        let first = try #require(golden.log.first), last = try #require(golden.log.last)
        #expect(last.loss < first.loss, "the golden run learns something")
    }
}
