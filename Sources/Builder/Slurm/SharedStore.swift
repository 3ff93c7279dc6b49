import Foundation

/// The checks that the store is one every node of the cluster sees: at submission, a store on a
/// RAM file system (tmpfs, ramfs: node-local by nature) is refused; and each job checks, before it
/// runs, that it finds the store's identity file (`builder/slurm/store-id`, a random id written at
/// submission) with the same id, so a path that exists on the node but is another disk fails at once.
enum SharedStore {
    /// File-system types (as /proc/mounts names them) that are local to each node by nature.
    static let nodeLocal: Set<String> = ["tmpfs", "ramfs"]

    /// `<store>/builder/slurm/store-id`.
    static func identityFile(store: String) -> URL {
        URL(fileURLWithPath: store).appendingPathComponent("builder/slurm/store-id")
    }

    /// Refuses a store on a node-local file system; writes the identity file if missing and returns its id.
    static func prepare(store: String) throws(BuildError) -> String {
        if let kind = fileSystemKind(store) {
            throw BuildError.slurm("the store \(store) is on \(kind), which is local to each node: Slurm jobs on other nodes "
                + "would not see it. Put the store on a file system every node mounts (a project or scratch directory) "
                + "with --store DIR or GLASSBOX_HOME")
        }
        let url = identityFile(store: store)
        try BuilderFiles.makeDirectory(url.deletingLastPathComponent())
        if let data = try? Data(contentsOf: url) {
            let id = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !id.isEmpty, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) { return id }
        }
        let id = UUID().uuidString.lowercased()
        try BuilderFiles.writeAtomically(Data((id + "\n").utf8), to: url)
        return id
    }

    /// The type of the file system holding `path` when it is node-local, else nil: the mount in
    /// /proc/mounts with the longest mount point that is a prefix of the resolved path.
    static func fileSystemKind(_ path: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return nil }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        guard let best, nodeLocal.contains(best.type) else { return nil }
        return best.type
    }
}
