import BaseIO
import Digests
import RecipeFormat
import Foundation

/// What `glassbox build --executor slurm` submitted, written beside the release as
/// `<release>.slurm.json` (canonical JSON) for `glassbox status` and `--wait`, and read by the next
/// submission so that jobs still pending or running are depended on instead of submitted twice.
public struct SlurmSubmission: Codable, Sendable, Equatable {
    /// One submitted job.
    public struct Job: Codable, Sendable, Equatable {
        /// Step id, or `release` for the job that writes the release directory.
        public let step: String
        /// Slurm job id.
        public let jobID: String
        /// The batch script.
        public let script: String
        /// Slurm's log of the job.
        public let log: String

        enum CodingKeys: String, CodingKey {
            case step, script, log
            case jobID = "job_id"
        }
    }

    /// Record format.
    public var format = 1
    /// The recipe (absolute path).
    public let recipe: String
    /// Digest of the recipe's canonical form.
    public let recipeDigest: Digest
    /// The release directory the last job writes.
    public let release: String
    /// The store every job uses.
    public let store: String
    /// Steps whose outputs were already in the store (not submitted).
    public let cached: [String]
    /// Steps this glassbox cannot run yet, and the steps after them (not submitted).
    public let notAvailable: [String]
    /// The jobs, in graph order, the release job last.
    public let jobs: [Job]

    enum CodingKeys: String, CodingKey {
        case format, recipe, release, store, cached, jobs
        case recipeDigest = "recipe_digest"
        case notAvailable = "not_available"
    }

    /// `<release>.slurm.json`, beside the release directory.
    public static func recordURL(release: URL) -> URL {
        release.deletingLastPathComponent().appendingPathComponent("\(release.lastPathComponent).slurm.json")
    }

    /// Reads the record of `release`, naming the file in errors.
    public static func read(release: URL) throws(BuildError) -> SlurmSubmission {
        let url = recordURL(release: release)
        guard let data = try? Data(contentsOf: url) else {
            throw BuildError.slurm("no Slurm submission recorded for \(release.path) (\(url.path) is missing); "
                + "submit with `glassbox build RECIPE --executor slurm`")
        }
        do { return try JSONDecoder().decode(SlurmSubmission.self, from: data) } catch {
            throw BuildError.slurm("\(url.path) is not a glassbox Slurm submission record (\(error)); submit again to rewrite it")
        }
    }

    /// Writes the record atomically.
    func write(release: URL) throws(BuildError) {
        do {
            try BuilderFiles.writeAtomically(Data(try CanonicalJSON.encode(self)), to: Self.recordURL(release: release))
        } catch let error as BuildError { throw error } catch {
            throw BuildError.io(path: Self.recordURL(release: release).path, reason: "\(error)")
        }
    }
}
