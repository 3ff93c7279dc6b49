import RecipeFormat

extension Records {
    /// `training/import.json`, written by the `import` step (Builder's `ImportRecord`): the provider's
    /// declared training facts as the step recorded them, where the weights came from, and what the
    /// verification checked. Only the fields the documents print are read.
    struct Import: Decodable, Sendable, Equatable {
        /// Where the weights came from.
        struct Source: Decodable, Sendable, Equatable {
            var uri: String
            var sha256: String
            var commit: String?
        }

        /// What the import step verified.
        struct Verified: Decodable, Sendable, Equatable {
            var parameters: Int
            var vocabSize: Int
            var tokenizerTokens: Int
            var checks: [String]

            enum CodingKeys: String, CodingKey {
                case parameters, checks
                case vocabSize = "vocab_size"
                case tokenizerTokens = "tokenizer_tokens"
            }
        }

        var reproducibility: String
        var declared: DeclaredTraining
        var source: Source
        var configFile: String?
        var verified: Verified

        enum CodingKeys: String, CodingKey {
            case reproducibility, declared, source, verified
            case configFile = "config_file"
        }
    }
}
