import Builder
import Digests
import Foundation

// Test doubles of the StepExecutor protocol: tiny deterministic steps that exercise the engine
// (keys, cache, lock, release, crash safety) without the real data, tokenizer and training modules.

/// fetch: copies a `file:` source to `<id>.txt`.
struct CopyFetch: StepExecutor {
    let kind = StepKind.fetch
    func run(_ context: StepContext) throws {
        let id = String(context.step.id.dropFirst("fetch.".count))
        guard let source = context.recipe.data.sources.first(where: { $0.id == id }) else { throw BuildError.stepFailed(step: id, reason: "no source") }
        let base = context.dataDirectory ?? context.recipeDirectory
        let data = try Data(contentsOf: base.appendingPathComponent(String(source.uri.dropFirst("file:".count))))
        try data.write(to: context.outputDirectory.appendingPathComponent("\(id).txt"))
    }
}

/// prepare: concatenates the fetched files (in step order) into `train.jsonl`, plus a `stats.json`.
struct ConcatPrepare: StepExecutor {
    let kind = StepKind.prepare
    func run(_ context: StepContext) throws {
        var text = Data()
        for id in context.step.upstream {
            let directory = try context.input(id)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                text += try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        try text.write(to: context.outputDirectory.appendingPathComponent("train.jsonl"))
        try Data("{\"bytes\":\(text.count),\"seed\":\(context.recipe.data.seed)}\n".utf8)
            .write(to: context.outputDirectory.appendingPathComponent("stats.json"))
    }
}

/// tokenizer: writes the uppercased training text as `tokenizer.json`. With the environment variable
/// `BUILDER_TEST_SLOW_MARKER` set it first creates that file and sleeps (the kill -9 test).
struct UppercaseTokenizer: StepExecutor {
    let kind = StepKind.tokenizer
    func run(_ context: StepContext) throws {
        if let marker = ProcessInfo.processInfo.environment["BUILDER_TEST_SLOW_MARKER"] {
            try Data("partial".utf8).write(to: context.outputDirectory.appendingPathComponent("tokenizer.json"))
            FileManager.default.createFile(atPath: marker, contents: nil)
            Thread.sleep(forTimeInterval: 60)
        }
        let text = try Data(contentsOf: try context.input("prepare").appendingPathComponent("train.jsonl"))
        let upper = String(decoding: text, as: UTF8.self).uppercased() + "vocab \(context.recipe.tokenizer.vocabSize)\n"
        try Data(upper.utf8).write(to: context.outputDirectory.appendingPathComponent("tokenizer.json"))
    }
}

/// train: writes the digests of its inputs as `model.safetensors` and a `config.json`.
struct DigestTrain: StepExecutor {
    let kind = StepKind.train
    func run(_ context: StepContext) throws {
        let tokenizer = try Data(contentsOf: try context.input("tokenizer").appendingPathComponent("tokenizer.json"))
        // A structurally valid safetensors file (verify checks it): one F32 zero, the "training" in its metadata.
        let trained = "\(Digest.sha256(of: tokenizer)) steps=\(context.recipe.training.steps)"
        let header = Array(#"{"__metadata__":{"trained":"\#(trained)"},"w":{"data_offsets":[0,4],"dtype":"F32","shape":[1]}}"#.utf8)
        var file = withUnsafeBytes(of: UInt64(header.count).littleEndian) { Array($0) }
        file += header + [0, 0, 0, 0]
        try Data(file).write(to: context.outputDirectory.appendingPathComponent("model.safetensors"))
        try FileManager.default.createDirectory(at: context.outputDirectory.appendingPathComponent("training"), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: context.outputDirectory.appendingPathComponent("training/log.jsonl"))
    }
}

extension ExecutorRegistry {
    /// The test doubles for fetch, prepare, tokenizer and train.
    static var doubles: ExecutorRegistry { ExecutorRegistry([CopyFetch(), ConcatPrepare(), UppercaseTokenizer(), DigestTrain()]) }
}
