import BaseIO
import Digests
import RecipeFormat

/// The recipe fields each step reads, as encodable values: a field that is not here cannot change the
/// step's key (editing a source's `notes` rebuilds nothing but the package).
enum StepConfigs {
    struct Fetch: Encodable {
        let id: String
        let uri: String
        let sha256: Digest?
        let archive: String
        let members: [String]
    }

    struct PreparedSource: Encodable {
        let id: String
        let languages: [String]
        let license: String
        let redistributable: Bool
    }

    struct Prepare: Encodable {
        let normalization: String
        let invalidUTF8: String
        let split: String
        let dedup: String
        let minDocumentChars: Int
        let evalFraction: Double
        let seed: Int
        let sources: [PreparedSource]

        enum CodingKeys: String, CodingKey {
            case normalization, split, dedup, seed, sources
            case invalidUTF8 = "invalid_utf8"
            case minDocumentChars = "min_document_chars"
            case evalFraction = "eval_fraction"
        }

        init(_ data: DataSection) {
            normalization = data.normalization
            invalidUTF8 = data.invalidUTF8
            split = data.split
            dedup = data.dedup
            minDocumentChars = data.minDocumentChars
            evalFraction = data.evalFraction
            seed = data.seed
            sources = data.sources.map {
                PreparedSource(id: $0.id, languages: $0.languages, license: $0.license, redistributable: $0.redistributable)
            }
        }
    }

    struct Train: Encodable {
        let model: ModelSection
        let training: TrainingSection
    }

    struct Import: Encodable {
        let model: ModelSection
        let tokenizer: TokenizerSection
        let training: TrainingSection
    }

    /// The variants' types and the GGUF `general.name` (`<release name>-<version>`).
    struct Quantize: Encodable {
        let name: String
        let types: [String]
    }

    struct Evaluate: Encodable {
        let evaluation: EvaluationSection
    }

    struct Package: Encodable {
        let release: ReleaseSection
        let compliance: ComplianceSection
        let sources: [DataSource]
    }

    /// Canonical JSON text of `value`.
    static func text<Value: Encodable>(_ value: Value) throws(BuildError) -> String {
        do {
            let bytes = try CanonicalJSON.encode(value)
            return String(decoding: bytes.dropLast(), as: UTF8.self)
        } catch {
            throw BuildError.recipe(error.description)
        }
    }
}
