import BaseIO
import Digests
import Foundation

/// What this machine has confirmed at a WebDAV target (path → digest), kept in
/// `<state directory>/<sha256 of the target URL>.json` and rewritten atomically after every file, so an
/// interrupted publish resumes without sending finished files again. Only a hint: a file is skipped
/// only when the server also still has it with the right size.
final class PublishJournal {
    private let file: URL?
    private var entries: [String: String]

    /// Loads the journal of `target` from `directory` (nil: nothing is remembered between runs).
    init(directory: URL?, target: String) {
        file = directory?.appendingPathComponent(Digest.sha256(of: target).hex + ".json")
        if let file, let data = try? Data(contentsOf: file),
           let decoded = try? JSONDecoder().decode([String: String].self, from: data) {
            entries = decoded
        } else {
            entries = [:]
        }
    }

    /// Whether `path` was confirmed with `digest`.
    func confirmed(_ path: String, _ digest: Digest) -> Bool { entries[path] == digest.description }

    /// Whether this machine published anything under `path` there before.
    func knows(_ path: String) -> Bool { entries[path] != nil }

    /// Records `path` as published with `digest` (a failure to save only costs a re-send later).
    func record(_ path: String, _ digest: Digest) {
        entries[path] = digest.description
        guard let file else { return }
        guard let bytes = try? CanonicalJSON.encode(entries) else { return }
        try? AtomicFile.write(bytes, to: file.path)
    }
}
