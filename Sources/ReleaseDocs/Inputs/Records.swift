/// The parts of the recorded JSON files the documents read. Decoding is lenient about fields it does
/// not use, strict about those it does, so a newer file with extra fields still reads.
enum Records {
    /// Counts in `data/stats.json`.
    struct Counts: Decodable, Sendable, Equatable {
        var documents: Int
        var trainDocuments: Int
        var evalDocuments: Int
        var bytes: Int
        var characters: Int
        var removedDuplicates: Int
        var removedShort: Int
        var inputBytes: Int

        enum CodingKeys: String, CodingKey {
            case documents, bytes, characters
            case trainDocuments = "train_documents"
            case evalDocuments = "eval_documents"
            case removedDuplicates = "removed_duplicates"
            case removedShort = "removed_short"
            case inputBytes = "input_bytes"
        }
    }

    /// An input file of a source: name, digest, size.
    struct InputFile: Decodable, Sendable, Equatable {
        var name: String
        var sha256: String
        var bytes: Int
    }

    /// One source in `data/stats.json`.
    struct Source: Decodable, Sendable, Equatable {
        var languages: [String]
        var license: String
        var redistributable: Bool
        var counts: Counts
        var files: [InputFile]
    }

    /// `data/stats.json`.
    struct Statistics: Decodable, Sendable, Equatable {
        var totals: Counts
        var languages: [String: Counts]
        var sources: [String: Source]
    }

    /// One row of `eval/results.json` (or `eval/baseline.json`).
    struct Score: Decodable, Sendable, Equatable {
        var language: String
        var documents: Int
        var bytes: Int
        var tokens: Int
        var bitsPerByte: Double

        enum CodingKeys: String, CodingKey {
            case language, documents, bytes, tokens
            case bitsPerByte = "bits_per_byte"
        }
    }

    /// `eval/results.json`.
    struct Evaluation: Decodable, Sendable, Equatable {
        var contextLength: Int
        var stride: Int
        var method: String
        var languages: [Score]
        /// The same documents scored by each quantized variant (`q8_0`, …), when the release has any.
        var variants: [String: VariantScores]?

        enum CodingKeys: String, CodingKey {
            case stride, method, languages, variants
            case contextLength = "context_length"
        }
    }

    /// The per-language scores of one quantized variant inside `eval/results.json`.
    struct VariantScores: Decodable, Sendable, Equatable {
        var languages: [Score]
    }

    /// One line of `training/log.jsonl`.
    struct LogEntry: Decodable, Sendable, Equatable {
        var step: Int
        var loss: Double
        var learningRate: Double
        var tokensSeen: Int

        enum CodingKeys: String, CodingKey {
            case step, loss
            case learningRate = "learning_rate"
            case tokensSeen = "tokens_seen"
        }
    }

    /// `config.json` (Llama).
    struct ModelConfig: Decodable, Sendable, Equatable {
        var vocabSize: Int
        var hiddenSize: Int
        var intermediateSize: Int
        var numHiddenLayers: Int
        var numAttentionHeads: Int
        var numKeyValueHeads: Int
        var headDim: Int?
        var maxPositionEmbeddings: Int
        var tieWordEmbeddings: Bool?
        var architectures: [String]?
        var torchDtype: String?

        enum CodingKeys: String, CodingKey {
            case architectures
            case vocabSize = "vocab_size"
            case hiddenSize = "hidden_size"
            case intermediateSize = "intermediate_size"
            case numHiddenLayers = "num_hidden_layers"
            case numAttentionHeads = "num_attention_heads"
            case numKeyValueHeads = "num_key_value_heads"
            case headDim = "head_dim"
            case maxPositionEmbeddings = "max_position_embeddings"
            case tieWordEmbeddings = "tie_word_embeddings"
            case torchDtype = "torch_dtype"
        }
    }

    /// One language of `eval/fertility.json`.
    struct Fertility: Decodable, Sendable, Equatable {
        var language: String
        var words: Int
        var bytes: Int
        var tokens: Int
        var tokensPerWord: Double
        var tokensPerByte: Double

        enum CodingKeys: String, CodingKey {
            case language, words, bytes, tokens
            case tokensPerWord = "tokens_per_word"
            case tokensPerByte = "tokens_per_byte"
        }
    }

    /// `eval/fertility.json`.
    struct FertilityReport: Decodable, Sendable, Equatable {
        var languages: [Fertility]
    }

    /// The part of `recipe.lock.json` the documents cite: which step produced which output digest.
    struct Lock: Decodable, Sendable {
        struct Step: Decodable, Sendable {
            var id: String
            var status: String
            var key: String?
            var manifest: String?
        }

        var coreVersion: String
        var steps: [Step]

        enum CodingKeys: String, CodingKey {
            case steps
            case coreVersion = "core_version"
        }
    }
}
