import BaseIO
import Digests
import Foundation

extension Recipe {
    /// The canonical form: the recipe with every default filled in, as canonical JSON. Comments, key
    /// order, number spelling (`1e-3` vs `0.001`) and omitted defaults do not change it.
    public func canonicalJSON() throws(RecipeError) -> Data {
        do { return Data(try CanonicalJSON.encode(self)) } catch { throw .notEncodable(reason: error.description) }
    }

    /// The recipe's identity: the digest of its canonical form.
    public func digest() throws(RecipeError) -> Digest {
        Digest.sha256(of: try canonicalJSON())
    }

    /// Problems with the recipe's local files (`file:` sources, evaluation extra files) relative to
    /// `directory`; reported as warnings by `recipe check`, as errors by `build`.
    public func missingLocalFiles(relativeTo directory: URL) -> [RecipeProblem] {
        var problems: [RecipeProblem] = []
        for (index, source) in data.sources.enumerated() where source.uri.hasPrefix("file:") {
            let path = String(source.uri.dropFirst("file:".count))
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
            if !FileManager.default.fileExists(atPath: url.path) {
                problems.append(RecipeProblem(keyPath: "data.sources[\(index)].uri", message: "\(url.path) does not exist"))
            }
        }
        for (keyPath, uri) in externalLocalFiles() {
            let path = String(uri.dropFirst("file:".count))
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
            if !FileManager.default.fileExists(atPath: url.path) {
                problems.append(RecipeProblem(keyPath: keyPath, message: "\(url.path) does not exist"))
            }
        }
        for (index, file) in evaluation.extraFiles.enumerated() {
            let url = directory.appendingPathComponent(String(file.dropFirst("file:".count)))
            if !FileManager.default.fileExists(atPath: url.path) {
                problems.append(RecipeProblem(keyPath: "evaluation.extra_files[\(index)]", message: "\(url.path) does not exist"))
            }
        }
        return problems
    }

    /// The `file:` locations of an external training run (weights, config file) by key path.
    private func externalLocalFiles() -> [(String, String)] {
        var files: [(String, String)] = []
        if let uri = training.weights?.uri, uri.hasPrefix("file:") { files.append(("training.weights.uri", uri)) }
        if let uri = training.declared?.configFile { files.append(("training.declared.config_file", uri)) }
        return files
    }
}
