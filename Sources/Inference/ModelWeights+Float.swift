import Kernels
import Transformer

/// Float32 weights: every projection packed into `PanelMatrix` panels, which are then the model's only
/// copy (memory about the size of the weights, as before decoding had its own layout). A tied model's
/// embedding rows are read from its head's panels.
extension ModelWeights where Matrix == PanelMatrix {
    /// Packs the parameters of an in-memory model (a trained one, or an `f16`/`f32` GGUF variant).
    convenience init(_ llama: LlamaModel) {
        let packer = FloatPacker(config: llama.config)
        for view in llama.layout.views { packer.put(view, llama.parameters.base + view.offset) }
        self.init(packer)
    }

    /// Reads the model directory's checkpoint a few rows at a time straight into panels
    /// (`LlamaModel.readTensors`: the same strict checks as `LlamaModel.load(directory:)`), so the
    /// row-major parameters are never all in memory. Returns the weights and the stored dtypes.
    static func load(directory: String) throws -> (ModelWeights<PanelMatrix>, storedDTypes: [String]) {
        let config = try LlamaModel.config(directory: directory)
        let packer = FloatPacker(config: config)
        let dtypes = try LlamaModel.readTensors(directory: directory, config: config) { view, first, values in
            let columns = view.rowLength
            values.withUnsafeBufferPointer { chunk in
                for r in 0..<chunk.count / max(1, columns) { packer.put(view, row: first + r, chunk.baseAddress! + r * columns) }
            }
        }
        return (ModelWeights(packer), dtypes)
    }

    convenience init(_ packer: FloatPacker) {
        self.init(config: packer.config, embedding: packer.embedding, layers: packer.layers, finalNorm: packer.finalNorm, head: packer.head)
    }
}

/// Empty panels and norms for a config, filled tensor by tensor (any order) by Hugging Face name.
struct FloatPacker {
    let config: LlamaConfig
    let layout: ParameterLayout
    let embedding: PanelMatrix, head: PanelMatrix
    let layers: [ModelWeights<PanelMatrix>.Layer]
    let finalNorm: FloatBuffer
    /// Where the tensor at each layout offset goes: a norm buffer, or a matrix and its part.
    private let targets: [Int: Target]

    enum Target {
        case norm(FloatBuffer)
        case matrix(PanelMatrix, part: Int)
    }

    init(config c: LlamaConfig) {
        config = c
        layout = ParameterLayout(config: c)
        let (h, i, qw, kw, v) = (c.hiddenSize, c.intermediateSize, c.queryWidth, c.keyValueWidth, c.vocabSize)
        embedding = PanelMatrix(partRows: [v], inFeatures: h)
        head = c.tieWordEmbeddings ? embedding : PanelMatrix(partRows: [v], inFeatures: h)
        finalNorm = FloatBuffer(count: h)
        var targets: [Int: Target] = [layout.embed: .matrix(embedding, part: 0), layout.finalNorm: .norm(finalNorm)]
        if !c.tieWordEmbeddings { targets[layout.lmHead] = .matrix(head, part: 0) }
        layers = layout.layers.map { w in
            let layer = ModelWeights<PanelMatrix>.Layer(
                inputNorm: FloatBuffer(count: h), postNorm: FloatBuffer(count: h),
                qkv: PanelMatrix(partRows: [qw, kw, kw], inFeatures: h), o: PanelMatrix(partRows: [h], inFeatures: qw),
                gateUp: PanelMatrix(partRows: [i, i], inFeatures: h), down: PanelMatrix(partRows: [h], inFeatures: i))
            targets[w.inputNorm] = .norm(layer.inputNorm)
            targets[w.postNorm] = .norm(layer.postNorm)
            for (offset, part) in [(w.q, 0), (w.k, 1), (w.v, 2)] { targets[offset] = .matrix(layer.qkv, part: part) }
            targets[w.o] = .matrix(layer.o, part: 0)
            for (offset, part) in [(w.gate, 0), (w.up, 1)] { targets[offset] = .matrix(layer.gateUp, part: part) }
            targets[w.down] = .matrix(layer.down, part: 0)
            return layer
        }
        self.targets = targets
    }

    /// Stores row `r` of the tensor `view` (a norm has one row).
    func put(_ view: ParameterView, row r: Int, _ values: UnsafePointer<Float>) {
        switch targets[view.offset] {
        case let .norm(buffer): buffer.base.update(from: values, count: buffer.count)
        case let .matrix(matrix, part): matrix.setRow(r, ofPart: part, from: values)
        case nil: preconditionFailure("\(view.name) is not part of the layout")
        }
    }

    /// Stores the whole tensor `view` (`[rows, columns]` row-major, or a norm).
    func put(_ view: ParameterView, _ values: UnsafePointer<Float>) {
        for r in 0..<view.count / max(1, view.rowLength) { put(view, row: r, values + r * view.rowLength) }
    }
}
