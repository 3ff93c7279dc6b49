import Dispatch
import Foundation
import Transformer

/// Runs a whole training job: validate, estimate memory, initialise (or resume from the latest
/// checkpoint), train with checkpoints every K steps, then write the model directory:
/// `model.safetensors`, `config.json`, `generation_config.json`, `training/log.jsonl`.
public enum Trainer {
    /// Trains `config` on `documents` (the tokenised training split, in prepared order).
    /// - checkpointDirectory: where `step-N/` checkpoints go and are resumed from (nil: none).
    /// - progress: called after every update; return `.stop` to stop early.
    public static func run(
        config: LlamaConfig, options: TrainingOptions, documents: [TokenizedDocument],
        checkpointDirectory: String?, outputDirectory: String,
        progress: ((TrainingProgress) -> TrainingControl)? = nil
    ) throws(TrainingError) -> TrainingResult {
        do { try config.validate() } catch { throw .model(error) }
        let problems = options.problems(contextLength: config.maxPositionEmbeddings)
        if !problems.isEmpty { throw .invalidOptions(problems) }
        var loader = try DataLoader(documents: documents, options: options)
        let estimate = MemoryEstimate(config: config, options: options)
        let available = options.memoryLimitBytes ?? MemoryEstimate.availableBytes()
        if estimate.totalBytes > available {
            throw .insufficientMemory(neededBytes: estimate.totalBytes, availableBytes: available, breakdown: estimate.breakdown)
        }
        let model: LlamaModel
        do { model = try LlamaModel(config: config) } catch { throw .model(error) }
        let session = try TrainingSession(model: model, options: options)
        var log: [TrainingLogEntry] = []
        var resumed: Int?
        var lastCheckpoint: String?
        if let dir = checkpointDirectory {
            try createDirectory(dir)
            if let latest = Checkpoint.list(in: dir).last {
                let (state, entries) = try Checkpoint.load(latest.path, into: session)
                loader = try DataLoader(documents: documents, options: options, state: state)
                log = entries
                resumed = latest.step
                lastCheckpoint = latest.path
            }
        }
        if resumed == nil { WeightInitializer.initialize(model, seed: options.seed, threads: options.threads) }
        let start = DispatchTime.now().uptimeNanoseconds
        let firstStep = session.completedSteps
        while session.completedSteps < options.steps {
            let entry: TrainingLogEntry
            do {
                entry = try session.step { (_, tokens, targets) throws(TrainingError) in
                    loader.nextBatch(batch: options.batchSize, tokens: tokens, targets: targets)
                }
            } catch let .diverged(step, loss, tensor, _) {
                throw .diverged(step: step, loss: loss, tensor: tensor, lastCheckpoint: lastCheckpoint)
            }
            log.append(entry)
            var saved: String?
            if let dir = checkpointDirectory, options.checkpointEverySteps > 0,
               entry.step % options.checkpointEverySteps == 0, entry.step < options.steps {
                saved = try Checkpoint.save(session, loader: loader.state, log: log, in: dir)
                Checkpoint.prune(dir, keep: options.keepCheckpoints)
                lastCheckpoint = saved
            }
            if let progress {
                let report = makeProgress(entry, options: options, start: start, firstStep: firstStep, checkpoint: saved)
                if progress(report) == .stop {
                    return TrainingResult(completedSteps: session.completedSteps, resumedFromStep: resumed, log: log, stopped: true, outputFiles: [])
                }
            }
        }
        let files = try writeOutputs(model, log: log, to: outputDirectory)
        return TrainingResult(completedSteps: session.completedSteps, resumedFromStep: resumed, log: log, stopped: false, outputFiles: files)
    }

    static func makeProgress(_ entry: TrainingLogEntry, options: TrainingOptions, start: UInt64, firstStep: Int, checkpoint: String?) -> TrainingProgress {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let done = entry.step - firstStep
        let tokensPerStep = Double(options.gradientAccumulationSteps * options.batchSize * options.sequenceLength)
        let rate = elapsed > 0 ? Double(done) * tokensPerStep / elapsed : 0
        let eta = done > 0 ? elapsed / Double(done) * Double(options.steps - entry.step) : 0
        return TrainingProgress(entry: entry, totalSteps: options.steps, tokensPerSecond: rate, elapsedSeconds: elapsed, etaSeconds: eta, checkpoint: checkpoint)
    }

    /// Writes the model directory and training/log.jsonl; returns the relative paths.
    static func writeOutputs(_ model: LlamaModel, log: [TrainingLogEntry], to dir: String) throws(TrainingError) -> [String] {
        try createDirectory(dir + "/training")
        do {
            try model.save(to: dir)
            var bytes: [UInt8] = []
            for entry in log { bytes += try AtomicFile.canonicalJSON(entry) }
            try AtomicFile.write(bytes, to: dir + "/training/log.jsonl")
        } catch {
            throw .model(error)
        }
        return ["config.json", "generation_config.json", "model.safetensors", "training/log.jsonl"]
    }

    static func createDirectory(_ path: String) throws(TrainingError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, reason: "cannot create directory (\(error.localizedDescription))")
        }
    }
}
