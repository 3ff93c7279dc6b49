import BaseIO
import Dispatch
import Foundation
import Transformer

/// Runs a whole training job: validate, estimate memory, initialise (or resume from the latest
/// checkpoint), train with checkpoints every K steps, then write the model directory:
/// `model.safetensors`, `config.json`, `generation_config.json`, `training/log.jsonl`.
public enum Trainer {
    /// Trains `config` on `documents` (the tokenised training split, in prepared order).
    /// - checkpointDirectory: where `step-N/` checkpoints go and are resumed from (nil: none).
    /// - group: the ranks of a data-parallel run (nil: this process alone). Every rank passes the same
    ///   arguments; rank 0 writes checkpoints and outputs and reports progress, every rank verifies
    ///   the checkpoint it resumes from. The weights are the same bits as one process's.
    /// - progress: called after every update (on rank 0); return `.stop` to stop early.
    public static func run(
        config: LlamaConfig, options: TrainingOptions, documents: [TokenizedDocument],
        checkpointDirectory: String?, outputDirectory: String, group: (any ProcessGroup)? = nil,
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
        let leader = (group?.rank ?? 0) == 0
        var log: [TrainingLogEntry] = []
        var resumed: Int?
        var lastCheckpoint: String?
        if let dir = checkpointDirectory, let latest = try latestCheckpoint(in: dir, group: group) {
            let (state, entries) = try Checkpoint.load(latest.path, into: session)
            loader = try DataLoader(documents: documents, options: options, state: state)
            (log, resumed, lastCheckpoint) = (entries, latest.step, latest.path)
        }
        if resumed == nil { WeightInitializer.initialize(model, seed: options.seed, threads: options.threads) }
        let start = DispatchTime.now().uptimeNanoseconds
        let firstStep = session.completedSteps
        let held = group.flatMap { session.heldMicroBatches(group: $0) }
        while session.completedSteps < options.steps {
            let entry: TrainingLogEntry
            do {
                entry = try step(session, group: group, held: held, loader: &loader)
            } catch let .diverged(step, loss, tensor, _) {
                throw .diverged(step: step, loss: loss, tensor: tensor, lastCheckpoint: lastCheckpoint)
            }
            log.append(entry)
            var saved: String?
            if let dir = checkpointDirectory, options.checkpointEverySteps > 0,
               entry.step % options.checkpointEverySteps == 0, entry.step < options.steps {
                saved = Checkpoint.path(step: entry.step, in: dir)
                if leader {
                    _ = try Checkpoint.save(session, loader: loader.state, log: log, in: dir)
                    Checkpoint.prune(dir, keep: options.keepCheckpoints)
                }
                lastCheckpoint = saved
            }
            var control = TrainingControl.proceed
            if leader, let progress {
                control = progress(makeProgress(entry, options: options, start: start, firstStep: firstStep, checkpoint: saved))
            }
            if let group { control = try group.broadcast(control == .stop ? 1 : 0, from: 0) == 1 ? .stop : .proceed }
            if control == .stop {
                return TrainingResult(completedSteps: session.completedSteps, resumedFromStep: resumed, log: log, stopped: true, outputFiles: [])
            }
        }
        let files = leader ? try writeOutputs(model, log: log, to: outputDirectory) : []
        return TrainingResult(completedSteps: session.completedSteps, resumedFromStep: resumed, log: log, stopped: false, outputFiles: files)
    }

    /// One update, alone or over `group`.
    static func step(_ session: TrainingSession, group: (any ProcessGroup)?, held: HeldMicroBatches?,
                     loader: inout DataLoader) throws(TrainingError) -> TrainingLogEntry {
        let batch = session.options.batchSize
        guard let group else {
            return try session.step { (_, tokens, targets) throws(TrainingError) in
                loader.nextBatch(batch: batch, tokens: tokens, targets: targets)
            }
        }
        return try session.step(group: group, held: held, fill: { (_, tokens, targets) throws(TrainingError) in
            loader.nextBatch(batch: batch, tokens: tokens, targets: targets)
        }, skip: { _ in loader.skipBatch(batch: batch) })
    }

    /// The checkpoint to resume from: the latest in `dir`, chosen by rank 0 and broadcast, so every
    /// rank loads the same one (nil: start fresh).
    static func latestCheckpoint(in dir: String, group: (any ProcessGroup)?) throws(TrainingError) -> (step: Int, path: String)? {
        if (group?.rank ?? 0) == 0 { try createDirectory(dir) }
        var step = Checkpoint.list(in: dir).last?.step ?? -1
        if let group {
            step = try group.broadcast(step, from: 0)
        }
        return step < 0 ? nil : (step, Checkpoint.path(step: step, in: dir))
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
        } catch {
            throw .model(error)
        }
        let logPath = dir + "/training/log.jsonl"
        do {
            var bytes: [UInt8] = []
            for entry in log { bytes += try CanonicalJSON.encode(entry) }
            try AtomicFile.write(bytes, to: logPath)
        } catch {
            throw .io(path: logPath, reason: error.description)
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
