import BaseIO
import Digests
import Foundation

/// `provenance.json`: an in-toto Statement v1 whose predicate is SLSA Provenance v1.
///
/// Subjects: every release file (but the signature outputs and this file) with its SHA-256. Build
/// definition: build type `https://glassbox.dev/release/v1`, the recipe and lock digests as external
/// parameters and as resolved dependencies, every fetched source as a resolved dependency. Run
/// details: builder id `https://glassbox.dev/builder` with the Glassbox version. No timestamps, so the
/// same release always gives the same bytes (canonical JSON: sorted keys, trailing newline).
public struct ProvenanceStatement: Codable, Sendable, Equatable {
    /// The conventional file name.
    public static let fileName = "provenance.json"
    /// SLSA provenance v1 predicate type.
    public static let slsaPredicateType = "https://slsa.dev/provenance/v1"
    /// Glassbox's build type URI.
    public static let buildType = "https://glassbox.dev/release/v1"

    /// An in-toto resource descriptor (subject or dependency).
    public struct ResourceDescriptor: Codable, Sendable, Equatable {
        /// Name (a relative path for subjects, the source id or file name for dependencies).
        public let name: String
        /// URI of the resource, when it has one.
        public let uri: String?
        /// Digests by algorithm (`sha256` → hex).
        public let digest: [String: String]
    }

    /// SLSA `buildDefinition`.
    public struct BuildDefinition: Codable, Sendable, Equatable {
        /// The build type URI.
        public let buildType: String
        /// Recipe and lock digests.
        public let externalParameters: [String: String]
        /// Recipe, lock and fetched sources.
        public let resolvedDependencies: [ResourceDescriptor]
    }

    /// SLSA `runDetails` (builder only; no timestamps).
    public struct RunDetails: Codable, Sendable, Equatable {
        /// The builder identity and version.
        public let builder: Builder
    }

    /// SLSA builder.
    public struct Builder: Codable, Sendable, Equatable {
        /// Builder id URI.
        public let id: String
        /// Versions of the builder's components.
        public let version: [String: String]
    }

    /// SLSA provenance v1 predicate.
    public struct Predicate: Codable, Sendable, Equatable {
        /// How the release was defined.
        public let buildDefinition: BuildDefinition
        /// Who built it.
        public let runDetails: RunDetails
    }

    /// `https://in-toto.io/Statement/v1`.
    public let type: String
    /// The release files.
    public let subject: [ResourceDescriptor]
    /// `https://slsa.dev/provenance/v1`.
    public let predicateType: String
    /// The SLSA predicate.
    public let predicate: Predicate

    enum CodingKeys: String, CodingKey {
        case type = "_type", subject, predicateType, predicate
    }

    /// Builds the statement for `files` (path → digest, in release order).
    public init(files: [(path: String, digest: Digest)], inputs: ProvenanceInputs) {
        type = "https://in-toto.io/Statement/v1"
        subject = files.map { ResourceDescriptor(name: $0.path, uri: nil, digest: ["sha256": $0.digest.hex]) }
        predicateType = Self.slsaPredicateType
        var parameters: [String: String] = [:]
        var dependencies: [ResourceDescriptor] = []
        if let recipe = inputs.recipeDigest {
            parameters["recipe"] = recipe.description
            dependencies.append(.init(name: "recipe.toml", uri: nil, digest: ["sha256": recipe.hex]))
        }
        if let lock = inputs.lockDigest {
            parameters["lock"] = lock.description
            dependencies.append(.init(name: "recipe.lock.json", uri: nil, digest: ["sha256": lock.hex]))
        }
        dependencies += inputs.dependencies.map { .init(name: $0.name, uri: $0.uri, digest: ["sha256": $0.digest.hex]) }
        predicate = Predicate(
            buildDefinition: BuildDefinition(
                buildType: Self.buildType, externalParameters: parameters, resolvedDependencies: dependencies),
            runDetails: RunDetails(builder: Builder(id: "https://glassbox.dev/builder", version: ["glassbox": inputs.builderVersion])))
    }

    /// Canonical JSON bytes (`BaseIO.CanonicalJSON`: RFC 8785 and a trailing newline).
    public func canonicalJSON() throws(VerificationError) -> [UInt8] {
        do { return try CanonicalJSON.encode(self) } catch {
            throw .refused("cannot encode provenance.json: \(error)")
        }
    }
}
