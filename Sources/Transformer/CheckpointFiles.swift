import Foundation
import SafeTensors

/// The tensors of a checkpoint: one safetensors file, or the shards `model.safetensors.index.json`
/// names. Every file goes through the strict `SafeTensorsFile` reader (header and offsets validated
/// before any byte is used). Indexing records, without failing yet, tensors found in two shards and
/// shards whose tensors disagree with the index; `LlamaModel.load(from:)` reports them with the rest.
struct CheckpointFiles {
    /// Where each tensor lives.
    private(set) var locations: [String: (file: SafeTensorsFile, info: TensorInfo, path: String)] = [:]
    /// Problems found while indexing.
    private(set) var problems: [String] = []
    /// The file or directory, for messages.
    let path: String

    /// One safetensors file.
    init(file path: String) throws(TransformerError) {
        self.path = path
        try add(file: path, expected: nil)
    }

    /// The checkpoint of a model directory: `model.safetensors.index.json` and its shards, else
    /// `model.safetensors`.
    init(directory: String) throws(TransformerError) {
        path = directory
        let index = directory + "/model.safetensors.index.json", single = directory + "/model.safetensors"
        if FileManager.default.fileExists(atPath: index) {
            var byShard: [String: Set<String>] = [:]
            for (tensor, shard) in try Self.weightMap(index) { byShard[shard, default: []].insert(tensor) }
            for shard in byShard.keys.sorted() {
                guard !shard.contains("/"), !shard.contains("\\"), shard != "..", shard != "." else {
                    throw .invalidCheckpoint(path: index, problems: ["weight_map names a shard outside the directory: '\(shard)'"])
                }
                try add(file: directory + "/" + shard, expected: byShard[shard])
            }
        } else if FileManager.default.fileExists(atPath: single) {
            try add(file: single, expected: nil)
        } else {
            throw .missingFile(path: single, hint: "a model directory holds model.safetensors, or model.safetensors.index.json and its shards")
        }
    }

    private struct Index: Decodable {
        let weightMap: [String: String]
        enum CodingKeys: String, CodingKey { case weightMap = "weight_map" }
    }

    private static func weightMap(_ path: String) throws(TransformerError) -> [String: String] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(Index.self, from: data).weightMap
        } catch {
            throw .invalidCheckpoint(path: path, problems: ["not a checkpoint index: needs a \"weight_map\" object of tensor name → shard file name"])
        }
    }

    private mutating func add(file: String, expected: Set<String>?) throws(TransformerError) {
        guard FileManager.default.fileExists(atPath: file) else {
            throw .missingFile(path: file, hint: expected == nil ? "the checkpoint file is absent" : "the checkpoint index names this shard")
        }
        let reader: SafeTensorsFile
        do { reader = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw TransformerError(error, path: file)
        }
        let name = (file as NSString).lastPathComponent
        for info in reader.tensors {
            if locations[info.name] != nil {
                problems.append("tensor '\(info.name)' appears in more than one shard")
            } else if let expected, !expected.contains(info.name) {
                problems.append("tensor '\(info.name)' is in \(name) but not in the index")
            }
            locations[info.name] = (reader, info, file)
        }
        for missing in (expected ?? []).subtracting(reader.tensors.map(\.name)).sorted() {
            problems.append("tensor '\(missing)' is missing from \(name) (the index names it there)")
        }
    }

    /// The storage types found, for messages ("BF16", "F32").
    var dtypes: [String] { Set(locations.values.map(\.info.dtype.rawValue)).sorted() }
}
