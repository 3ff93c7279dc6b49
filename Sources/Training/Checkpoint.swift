import BaseIO
import Digests
import Foundation
import Transformer

/// Checkpoint directories `<dir>/step-00000012/`: `model.safetensors` (weights, HF names),
/// `exp_avg.safetensors` and `exp_avg_sq.safetensors` (AdamW moments, same names), `state.json`
/// (step, loader position, config, result-defining options, the log so far, the SHA-256 of the three
/// tensor files, checked by every process that loads them). Written under a
/// temporary name, fsynced, then renamed, so a directory named `step-N` is always complete.
enum Checkpoint {
    struct State: Codable {
        var format = 1
        var step: Int
        var loader: LoaderState
        var config: LlamaConfig
        var options: TrainingOptions
        var log: [TrainingLogEntry]
        /// File name → SHA-256 (hex) of the tensor files (absent in checkpoints of older glassboxes).
        var files: [String: String]?
    }

    /// The tensor files of a checkpoint.
    static let tensorFiles = ["model.safetensors", "exp_avg.safetensors", "exp_avg_sq.safetensors"]

    static func name(step: Int) -> String {
        let digits = String(step)
        return "step-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// The directory of the checkpoint after `step` updates.
    static func path(step: Int, in directory: String) -> String { directory + "/" + name(step: step) }

    /// Writes a checkpoint of `session` and returns its path.
    static func save(_ session: TrainingSession, loader: LoaderState, log: [TrainingLogEntry], in directory: String) throws(TrainingError) -> String {
        let final = directory + "/" + name(step: session.completedSteps)
        let tmp: String
        do { tmp = try AtomicDirectory.makeStaging(beside: final) } catch {
            throw .io(path: final, reason: "cannot create checkpoint directory (\(error.description))")
        }
        var published = false
        defer { if !published { AtomicDirectory.removeTree(tmp) } }
        let m = session.model
        var state = State(step: session.completedSteps, loader: loader, config: m.config, options: session.options.resultDefining,
                          log: log, files: nil)
        do {
            try m.writeSafeTensors(to: tmp + "/model.safetensors")
            try m.writeSafeTensors(to: tmp + "/exp_avg.safetensors", buffer: session.firstMoment)
            try m.writeSafeTensors(to: tmp + "/exp_avg_sq.safetensors", buffer: session.secondMoment)
        } catch {
            throw .model(error)
        }
        var files: [String: String] = [:]
        for file in tensorFiles {
            do { files[file] = try Digest.sha256(ofFileAt: tmp + "/" + file).hex } catch {
                throw .io(path: tmp + "/" + file, reason: "cannot hash the checkpoint file (\(error.description))")
            }
        }
        state.files = files
        do {
            try AtomicFile.write(try CanonicalJSON.encode(state), to: tmp + "/state.json")
            try AtomicDirectory.publish(tmp, at: final)
        } catch {
            throw .io(path: final, reason: "cannot write the checkpoint (\(error.description))")
        }
        published = true
        return final
    }

    /// Complete checkpoints in `directory`, oldest first.
    static func list(in directory: String) -> [(step: Int, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { n -> (Int, String)? in
            guard n.hasPrefix("step-"), let s = Int(n.dropFirst(5)) else { return nil }
            return (s, directory + "/" + n)
        }.sorted { $0.0 < $1.0 }
    }

    /// Deletes all but the newest `keep` checkpoints.
    static func prune(_ directory: String, keep: Int) {
        let all = list(in: directory)
        for old in all.dropLast(max(1, keep)) { try? FileManager.default.removeItem(atPath: old.path) }
    }

    /// Restores weights and moments into `session`; returns the loader position and the log.
    static func load(_ path: String, into session: TrainingSession) throws(TrainingError) -> (LoaderState, [TrainingLogEntry]) {
        let state: State
        do {
            state = try JSONDecoder().decode(State.self, from: Data(contentsOf: URL(fileURLWithPath: path + "/state.json")))
        } catch {
            throw .checkpoint(path: path, reason: "state.json is missing or unreadable (\(error)); delete this checkpoint directory to start from the previous one")
        }
        guard state.config == session.model.config else {
            throw .checkpoint(path: path, reason: "it was made for a different model config; delete the checkpoint directory or restore the [model] section it was made with")
        }
        let differing = differences(state.options, session.options.resultDefining)
        guard differing.isEmpty else {
            throw .checkpoint(path: path, reason: "it was made with different [training] options (\(differing.joined(separator: ", "))); delete the checkpoint directory or restore those options")
        }
        guard state.step <= session.options.steps, state.log.count == state.step else {
            throw .checkpoint(path: path, reason: "step \(state.step) does not fit a run of \(session.options.steps) steps with \(state.log.count) log entries")
        }
        try verify(state.files, in: path)
        do {
            let m = session.model
            try m.loadSafeTensors(from: path + "/model.safetensors")
            try m.loadSafeTensors(from: path + "/exp_avg.safetensors", into: session.firstMoment)
            try m.loadSafeTensors(from: path + "/exp_avg_sq.safetensors", into: session.secondMoment)
        } catch {
            throw .checkpoint(path: path, reason: error.description)
        }
        session.completedSteps = state.step
        return (state.loader, state.log)
    }

    /// Checks each tensor file against the digest recorded in state.json.
    static func verify(_ files: [String: String]?, in path: String) throws(TrainingError) {
        guard let files else { return }
        for file in tensorFiles {
            let actual: String
            do { actual = try Digest.sha256(ofFileAt: path + "/" + file).hex } catch {
                throw .checkpoint(path: path, reason: "\(file) cannot be read (\(error.description)); delete this checkpoint directory to resume from the previous one")
            }
            guard actual == files[file] else {
                throw .checkpoint(path: path, reason: "\(file) has SHA-256 \(actual) but state.json records \(files[file] ?? "none"); the checkpoint is damaged: delete this checkpoint directory to resume from the previous one")
            }
        }
    }

    /// Names of the options that differ.
    static func differences(_ a: TrainingOptions, _ b: TrainingOptions) -> [String] {
        guard case .object(let ma)? = try? CanonicalJSON.tree(of: a), case .object(let mb)? = try? CanonicalJSON.tree(of: b)
        else { return a == b ? [] : ["options"] }
        let da = Dictionary(ma.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        let db = Dictionary(mb.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        return Set(da.keys).union(db.keys).sorted().filter { key in canonical(da[key]) != canonical(db[key]) }
    }

    /// A value's canonical bytes (members sorted, so two equal dictionaries compare equal whatever
    /// their hash order).
    private static func canonical(_ value: JSONValue?) -> [UInt8]? {
        value.flatMap { try? CanonicalJSON.bytes(of: $0) }
    }
}
