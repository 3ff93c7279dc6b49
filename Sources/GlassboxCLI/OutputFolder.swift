import ArgumentParser
import Foundation

/// The rule of every command that writes named files into a folder (`train --output`, `tokenizer train
/// --out`, `data prepare --out`): the folder may be new or existing, but a file this command would write
/// that is already there is refused unless `--force` (nothing else in the folder is ever touched), a
/// path that is a file is refused, and the folder must be creatable — all checked before any work starts.
struct OutputFolder {
    /// The folder, as given.
    let path: String
    /// The option that named it (`--out`, `--output`), for messages.
    let option: String

    /// Fails with a message naming the path and the way out unless the command may write `files`
    /// (paths relative to the folder) there.
    func check(writes files: [String], force: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Console.fail("\(option) \(path) is a file, not a folder; give a folder (it is created if missing)")
            }
            let existing = files.filter { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
            if !existing.isEmpty, !force {
                let names = existing.map { (path as NSString).appendingPathComponent($0) }.joined(separator: ", ")
                throw Console.fail("refusing to overwrite \(names); choose another \(option), or pass --force to replace "
                    + (existing.count == 1 ? "it" : "them"))
            }
        }
        try checkWritable()
    }

    /// The nearest existing ancestor (or the folder itself) must be a folder this process may write.
    private func checkWritable() throws {
        var candidate = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
            candidate = candidate.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Console.fail("cannot create \(option) \(path): \(candidate.path) is a file, not a folder")
        }
        guard access(candidate.path, W_OK | X_OK) == 0 else {
            throw Console.fail("cannot write \(option) \(path): \(candidate.path) is not writable; choose another \(option)")
        }
    }
}
