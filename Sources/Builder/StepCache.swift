import BaseIO
import ContentStorage
import Digests
import Foundation
import RecipeFormat

/// The builder's state inside the store root: finished-step records by key (`builder/steps/<hex>.json`),
/// work directories by key (`builder/work/<hex>/`) and materialised outputs by manifest
/// (`builder/outputs/<hex>/`). Records are written atomically after the outputs are in the store, so a
/// record never names outputs that are not there.
public struct StepCache: Sendable {
    /// The content store holding the outputs.
    public let store: ContentStore
    /// `<store root>/builder`.
    public let root: URL

    /// The cache inside `store`.
    public init(store: ContentStore) {
        self.store = store
        root = URL(fileURLWithPath: store.root).appendingPathComponent("builder")
    }

    /// Outcome of looking a key up.
    public enum Lookup: Sendable {
        /// A record whose outputs are all in the store.
        case hit(StepRecord)
        /// No record.
        case miss
        /// A record whose outputs are missing or corrupt (the step is rebuilt); `corrupt` lists the
        /// store objects whose bytes no longer match their digest (removed before the rebuild).
        case damaged(String, corrupt: [Digest])
    }

    func recordURL(_ key: Digest) -> URL { root.appendingPathComponent("steps/\(key.hex).json") }

    /// The work directory of a step key (deleted and recreated before each attempt).
    func workURL(_ key: Digest) -> URL { root.appendingPathComponent("work/\(key.hex)") }

    /// The scratch directory of a step key (kept between attempts, removed once the step succeeded).
    func scratchURL(_ key: Digest) -> URL { root.appendingPathComponent("scratch/\(key.hex)") }

    /// Looks up `key`, re-hashing its manifest and every output object (SHA-256 runs at about 2 GB/s a
    /// core, so a cache hit costs a fraction of any step it saves).
    public func lookup(_ key: Digest) -> Lookup {
        guard let data = try? Data(contentsOf: recordURL(key)) else { return .miss }
        guard let record = try? JSONDecoder().decode(StepRecord.self, from: data), record.key == key else {
            return .damaged("cache record \(recordURL(key).path) is unreadable", corrupt: [])
        }
        guard let manifest = try? store.manifest(record.manifest) else {
            return .damaged("manifest \(record.manifest) is missing from the store", corrupt: [])
        }
        guard (try? Digest.sha256(ofFileAt: store.objectPath(for: record.manifest))) == record.manifest else {
            return .damaged("manifest \(record.manifest) is corrupt in the store", corrupt: [record.manifest])
        }
        for entry in manifest.entries {
            let path = store.objectPath(for: entry.digest)
            guard FileManager.default.fileExists(atPath: path) else {
                return .damaged("object \(entry.digest) (\(entry.path)) is missing from the store", corrupt: [])
            }
            if (try? Digest.sha256(ofFileAt: path)) != entry.digest {
                return .damaged("object \(entry.digest) (\(entry.path)) is corrupt in the store", corrupt: [entry.digest])
            }
        }
        return .hit(record)
    }

    /// Removes store objects found corrupt, so the rebuild stores good copies under their digests.
    func discard(_ corrupt: [Digest]) {
        for digest in corrupt { try? FileManager.default.removeItem(atPath: store.objectPath(for: digest)) }
    }

    /// Imports a finished work directory into the store and writes its record.
    func commit(key: Digest, kind: StepKind, outputDirectory: URL, threads: Int) throws(BuildError) -> StepRecord {
        let imported: DirectoryImport
        do {
            imported = try store.importDirectory(at: outputDirectory.path, threads: threads)
        } catch {
            throw BuildError.io(path: outputDirectory.path, reason: "importing into the store failed: \(error.description)")
        }
        let record = StepRecord(key: key, manifest: imported.digest, files: imported.manifest.entries.map {
            OutputFile(file: $0, releasePath: Self.releasePath(of: $0.path, kind: kind))
        })
        do {
            try BuilderFiles.writeAtomically(Data(try CanonicalJSON.encode(record)), to: recordURL(key))
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.io(path: recordURL(key).path, reason: "\(error)")
        }
        return record
    }

    /// Where an output file of `kind` goes in the release, if it goes there.
    static func releasePath(of path: String, kind: StepKind) -> String? {
        guard let placement = kind.releasePlacement else { return nil }
        if let files = placement.files, !files.contains(path) { return nil }
        return placement.prefix + path
    }

    /// A read-only directory holding the outputs of `record` (exported from the store once, then reused).
    func materialise(_ record: StepRecord) throws(BuildError) -> URL {
        let url = root.appendingPathComponent("outputs/\(record.manifest.hex)")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        try BuilderFiles.makeDirectory(url.deletingLastPathComponent())
        do {
            try store.exportDirectory(record.manifest, to: url.path)
        } catch where FileManager.default.fileExists(atPath: url.path) {
            return url  // another process (a rank, a parallel job) exported the same outputs first
        } catch {
            throw BuildError.io(path: url.path, reason: "exporting \(record.manifest) from the store failed: \(error.description)")
        }
        return url
    }
}
