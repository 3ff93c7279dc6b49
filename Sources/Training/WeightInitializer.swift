import Kernels
import Transformer

/// Initial weights as a pure function of (seed, tensor name, element index): RMSNorm gains are 1;
/// every other tensor is N(0, initializer_range²) like transformers' Llama init. Element e of tensor
/// `name` takes normal number (e mod 4) of the Philox block with key = seed and counter =
/// (e / 4 as 64 bits, FNV-1a-64(name)); the block's words (w0, w1) and (w2, w3) give normals 0, 1
/// and 2, 3 through `Philox.normals`; value = Float(std · z).
public enum WeightInitializer {
    /// Fills `model.parameters`.
    public static func initialize(_ model: LlamaModel, seed: UInt64, threads: Int) {
        let philox = Philox(key: seed)
        let std = model.config.initializerRange
        let p = SharedPointer(model.parameters.base)
        for view in model.layout.views {
            let out = p.base + view.offset
            if view.role == .norm {
                out.update(repeating: 1, count: view.count)
                continue
            }
            let stream = Philox.streamID(view.name)
            let o = SharedPointer(out)
            let blocks = (view.count + 3) / 4
            Parallel.forEachChunk(blocks, threads: threads) { range in
                for b in range {
                    let w = philox.block(index: UInt64(b), stream: stream)
                    let (z0, z1) = Philox.normals(w.0, w.1)
                    let (z2, z3) = Philox.normals(w.2, w.3)
                    let zs = SIMD4<Double>(z0, z1, z2, z3)
                    for j in 0..<4 where b * 4 + j < view.count { o.base[b * 4 + j] = Float(std * zs[j]) }
                }
            }
        }
    }
}
