import Foundation
import SafeTensors

/// The tensors of a model directory: `model.safetensors`, or the shards named by
/// `model.safetensors.index.json`. Every file goes through the strict `SafeTensorsFile` reader (headers
/// and offsets validated before any byte is used); tensors are widened to float32.
struct CheckpointReader {
    /// Where each tensor lives.
    private(set) var locations: [String: (file: SafeTensorsFile, info: TensorInfo, path: String)] = [:]
    /// The directory, for messages.
    let directory: URL
    /// Problems found while indexing (duplicates, index entries pointing at the wrong shard).
    private(set) var problems: [String] = []

    /// Indexes the checkpoint of `directory`.
    init(directory: URL) throws {
        self.directory = directory
        let single = directory.appendingPathComponent("model.safetensors")
        let index = directory.appendingPathComponent("model.safetensors.index.json")
        if FileManager.default.fileExists(atPath: index.path) {
            try indexShards(index)
        } else if FileManager.default.fileExists(atPath: single.path) {
            try add(file: single, expected: nil)
        } else {
            throw InferenceError.missingFile(
                path: single.path,
                hint: "a model directory holds model.safetensors or model.safetensors.index.json with its shards")
        }
    }

    private mutating func indexShards(_ index: URL) throws {
        let map = try Self.weightMap(index)
        var byShard: [String: Set<String>] = [:]
        for (tensor, shard) in map { byShard[shard, default: []].insert(tensor) }
        for shard in byShard.keys.sorted() {
            guard !shard.contains("/"), !shard.contains("\\"), shard != "..", shard != "." else {
                throw InferenceError.invalidConfig(
                    path: index.path, key: "weight_map", reason: "names a shard outside the directory: \(shard)")
            }
            try add(file: directory.appendingPathComponent(shard), expected: byShard[shard])
        }
    }

    private static func weightMap(_ index: URL) throws -> [String: String] {
        let data: Data
        do { data = try Data(contentsOf: index) } catch {
            throw InferenceError.unreadableFile(path: index.path, reason: error.localizedDescription)
        }
        let root = try? JSONDecoder().decode(JSONValue.self, from: data)
        guard let map = root?.object?["weight_map"]?.object else {
            throw InferenceError.unreadableFile(path: index.path, reason: "no \"weight_map\" object")
        }
        var result: [String: String] = [:]
        for (tensor, value) in map {
            guard let shard = value.string else {
                throw InferenceError.invalidConfig(path: index.path, key: "weight_map.\(tensor)", reason: "must be a file name")
            }
            result[tensor] = shard
        }
        return result
    }

    private mutating func add(file url: URL, expected: Set<String>?) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InferenceError.missingFile(path: url.path, hint: "the checkpoint index names this shard")
        }
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile(contentsOf: url) } catch {
            throw InferenceError.unreadableFile(path: url.path, reason: "\(error)")
        }
        for info in file.tensors {
            if locations[info.name] != nil {
                problems.append("duplicate: \(info.name) appears in more than one shard")
            } else if let expected, !expected.contains(info.name) {
                problems.append("unindexed: \(info.name) is in \(url.lastPathComponent) but not in the index")
            }
            locations[info.name] = (file, info, url.path)
        }
        for name in (expected ?? []).subtracting(file.tensors.map(\.name)).sorted() {
            problems.append("missing from shard: \(name) (the index says \(url.lastPathComponent))")
        }
    }

    /// Checks names, shapes and dtypes against `expected`; every problem in one error.
    func validate(against expected: [(name: String, shape: [Int])]) throws {
        var found = problems
        let names = Set(expected.map(\.name))
        for (name, shape) in expected {
            guard let location = locations[name] else {
                found.append("missing: \(name) \(shape)")
                continue
            }
            if location.info.shape != shape {
                found.append("mis-shaped: \(name) is \(location.info.shape), expected \(shape)")
            }
            if ![.f32, .f16, .bf16].contains(location.info.dtype) {
                found.append("unsupported dtype: \(name) is \(location.info.dtype.rawValue) (F32, F16 or BF16 expected)")
            }
        }
        for name in locations.keys.sorted() where !names.contains(name) && !TensorName.isDerivedBuffer(name) {
            found.append("unexpected: \(name)")
        }
        if !found.isEmpty {
            throw InferenceError.tensorMismatch(directory: directory.path, problems: found)
        }
    }

    /// The elements of `name` as float32, refusing NaN and infinities.
    func floats(_ name: String) throws -> [Float] {
        guard let location = locations[name] else {
            throw InferenceError.tensorMismatch(directory: directory.path, problems: ["missing: \(name)"])
        }
        let values: [Float]
        do { values = try location.file.floats(for: name) } catch {
            throw InferenceError.unreadableFile(path: location.path, reason: "\(error)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw InferenceError.nonFiniteWeights(tensor: name, index: bad)
        }
        return values
    }

    /// The storage types found, for messages ("BF16", "F32").
    var dtypes: [String] { Set(locations.values.map(\.info.dtype.rawValue)).sorted() }
}
