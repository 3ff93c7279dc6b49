import Foundation

/// Where a recipe's local inputs (`file:` sources, `[evaluation] extra_files`) are found: every such path
/// is resolved the same way, in the `--data-dir` folder when one is given (`reproduce`: the auditor's
/// copy of the data), then in the recipe's folder. An absolute `file:` source path is used as it is.
/// The data folder comes first because a release directory, which is the recipe folder of `reproduce`,
/// has folders of its own (`data/`, `eval/`) that must not shadow the auditor's data.
struct LocalInputs: Sendable {
    /// The recipe's folder (a release directory for `reproduce`).
    let recipeDirectory: URL
    /// `--data-dir`, if given.
    let dataDirectory: URL?

    /// The folders searched, in order.
    var searchDirectories: [URL] { [dataDirectory, recipeDirectory].compactMap { $0 } }

    /// The first existing location of `path`, or the reason it was not found (as a `missingInput` error).
    func resolve(_ path: String, step: String) throws(BuildError) -> URL {
        if path.hasPrefix("/") {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw BuildError.missingInput(step: step, path: url.path, reason: "does not exist")
            }
            return url
        }
        let candidates = searchDirectories.map { $0.appendingPathComponent(path) }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw BuildError.missingInput(step: step, path: candidates.map(\.path).joined(separator: " or "), reason: "does not exist")
    }

    /// The folder in which `path` exists (the base to resolve it against), or the error of `resolve`.
    func base(of path: String, step: String) throws(BuildError) -> URL {
        let found = try resolve(path, step: step)
        if path.hasPrefix("/") { return recipeDirectory }
        return searchDirectories.first { $0.appendingPathComponent(path).path == found.path } ?? recipeDirectory
    }
}
