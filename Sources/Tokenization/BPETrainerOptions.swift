/// Settings of `BPETrainer` (the Builder maps the recipe's `[tokenizer]` section onto these).
public struct BPETrainerOptions: Sendable, Equatable, Codable {
    /// Final vocabulary size, counting special tokens and the 256 byte symbols.
    public var vocabSize: Int
    /// A pair is merged only if it occurs at least this often (weighted count); 0 and 1 mean no limit.
    public var minFrequency: Int
    /// Special tokens, given the first ids in this order.
    public var specialTokens: [String]
    /// Token put before each sequence by the exported post-processor (must be a special token), or nil.
    public var bosToken: String?
    /// End-of-sequence token recorded in tokenizer_config.json (must be a special token), or nil.
    public var eosToken: String?
    /// How text is cut into pieces before counting.
    public var preTokenizer: PreTokenizer
    /// Per-language weight of word counts (language code → weight ≥ 0); missing languages weigh 1.
    /// Weights are quantised to 1/1000; with all weights 1 the merges equal unweighted training.
    public var languageWeights: [String: Double]
    /// Worker threads for counting (the result never depends on it).
    public var threads: Int

    /// Creates options; only the vocabulary size is required.
    public init(vocabSize: Int, minFrequency: Int = 0, specialTokens: [String] = [], bosToken: String? = nil,
                eosToken: String? = nil, preTokenizer: PreTokenizer = .llama3, languageWeights: [String: Double] = [:],
                threads: Int = 1) {
        self.vocabSize = vocabSize
        self.minFrequency = minFrequency
        self.specialTokens = specialTokens
        self.bosToken = bosToken
        self.eosToken = eosToken
        self.preTokenizer = preTokenizer
        self.languageWeights = languageWeights
        self.threads = threads
    }

    /// Every problem with these options, each naming its field (empty when valid).
    public func problems() -> [String] {
        var found: [String] = []
        let distinct = Set(specialTokens)
        if distinct.count != specialTokens.count { found.append("special_tokens: contains duplicates") }
        if specialTokens.contains("") { found.append("special_tokens: contains an empty token") }
        let smallest = 256 + distinct.count
        if vocabSize < smallest {
            found.append("vocab_size: \(vocabSize) is smaller than 256 byte symbols + \(distinct.count) special tokens = \(smallest)")
        }
        if minFrequency < 0 { found.append("min_frequency: must be ≥ 0, got \(minFrequency)") }
        for (name, token) in [("bos_token", bosToken), ("eos_token", eosToken)] {
            if let token, !distinct.contains(token) { found.append("\(name): \(token.debugDescription) is not in special_tokens") }
        }
        for (language, weight) in languageWeights.sorted(by: { $0.key < $1.key }) where !(weight.isFinite && weight >= 0 && weight <= 1000) {
            found.append("language_weights.\(language): must be a number in 0...1000, got \(weight)")
        }
        if threads < 1 { found.append("threads: must be ≥ 1, got \(threads)") }
        return found
    }

    /// Integer count contributed by one word occurrence in `language` (weight × 1000, rounded).
    func unitCount(for language: String) -> UInt64 {
        UInt64((languageWeights[language] ?? 1.0) * 1000.0 + 0.5)
    }
}
