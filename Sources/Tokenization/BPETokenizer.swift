/// A byte-level BPE tokenizer: added tokens, a pre-tokenizer, merges over the GPT-2 byte alphabet.
///
/// Encodes exactly as Hugging Face `tokenizers` does for the same tokenizer.json (interop goldens in
/// Tests/TokenizationTests); decoding returns the exact bytes of the ids.
/// Create one with `init(contentsOf:)` / `init(jsonData:)`, with `BPETrainer`, or from parts.
public struct BPETokenizer: Sendable {
    /// Model vocabulary: token (byte-level alphabet) → id. Added tokens may also appear here.
    public let vocabulary: [String: Int]
    /// Merges in rank order (rank 0 first).
    public let merges: [MergeRule]
    /// Tokens matched verbatim before pre-tokenisation.
    public let addedTokens: [AddedToken]
    /// How text is cut into pieces.
    public let preTokenizer: PreTokenizer
    /// Whether a space is put before each text segment that does not start with one (GPT-2 option).
    public let addPrefixSpace: Bool
    /// Whether a piece found whole in the vocabulary is taken as is, without merges (Llama-3 option).
    public let ignoreMerges: Bool
    /// Special tokens added around a sequence by `encode(_:addSpecialTokens: true)`.
    public let template: TokenTemplate
    /// Beginning-of-sequence token (from training options or tokenizer_config.json), if known.
    public var bosToken: String?
    /// End-of-sequence token (from training options or tokenizer_config.json), if known.
    public var eosToken: String?

    let model: BPEModel
    let splitter: AddedTokenSplitter
    /// Bytes of each id (nil where the id is unused).
    let tokenBytes: [[UInt8]?]
    /// Token string of each id (nil where the id is unused).
    let tokenStrings: [String?]
    let specialIDs: Set<Int>

    /// Largest id accepted, to refuse hostile files before allocating per-id tables.
    static let maximumID = 1 << 24

    /// Builds a tokenizer from its parts; throws when a merge names a token missing from the vocabulary
    /// or an id is negative or too large.
    public init(vocabulary: [String: Int], merges: [MergeRule], addedTokens: [AddedToken] = [],
                preTokenizer: PreTokenizer = .llama3, addPrefixSpace: Bool = false, ignoreMerges: Bool = false,
                template: TokenTemplate = TokenTemplate()) throws {
        self.vocabulary = vocabulary
        self.merges = merges
        self.addedTokens = addedTokens
        self.preTokenizer = preTokenizer
        self.addPrefixSpace = addPrefixSpace
        self.ignoreMerges = ignoreMerges
        self.template = template
        bosToken = nil
        eosToken = nil
        let tables = try BPETokenizer.idTables(vocabulary: vocabulary, addedTokens: addedTokens)
        tokenStrings = tables.strings
        tokenBytes = tables.bytes
        for id in template.before + template.after where id < 0 || id >= tables.strings.count || tables.strings[id] == nil {
            throw TokenizerError(.malformedJSON, "post_processor: template id \(id) is not in the vocabulary")
        }
        model = try BPETokenizer.compile(vocabulary: vocabulary, merges: merges, ignoreMerges: ignoreMerges)
        splitter = AddedTokenSplitter(tokens: addedTokens)
        specialIDs = Set(addedTokens.filter(\.special).map(\.id))
    }

    /// Number of ids (one more than the largest id in use).
    public var count: Int { tokenStrings.count }

    /// The id of `token` (added tokens first, then the model vocabulary), or nil.
    public func id(of token: String) -> Int? {
        addedTokens.first { $0.content == token }?.id ?? vocabulary[token]
    }

    /// The token string of `id` (byte-level alphabet for model tokens), or nil.
    public func token(of id: Int) -> String? {
        id >= 0 && id < tokenStrings.count ? tokenStrings[id] : nil
    }

    private static func idTables(vocabulary: [String: Int], addedTokens: [AddedToken]) throws
        -> (strings: [String?], bytes: [[UInt8]?]) {
        var largest = -1
        for (token, id) in vocabulary {
            guard id >= 0, id < maximumID else {
                throw TokenizerError(.malformedJSON, "model.vocab: id \(id) of token \(token.debugDescription) is out of range 0..<\(maximumID)")
            }
            largest = max(largest, id)
        }
        for (index, token) in addedTokens.enumerated() {
            guard token.id >= 0, token.id < maximumID else {
                throw TokenizerError(.malformedJSON, "added_tokens[\(index)].id: \(token.id) is out of range 0..<\(maximumID)")
            }
            largest = max(largest, token.id)
        }
        var strings = [String?](repeating: nil, count: largest + 1)
        var bytes = [[UInt8]?](repeating: nil, count: largest + 1)
        for (token, id) in vocabulary {
            strings[id] = token
            bytes[id] = ByteLevelAlphabet.decode(token) ?? Array(token.utf8)
        }
        for token in addedTokens {
            strings[token.id] = token.content
            bytes[token.id] = Array(token.content.utf8)
        }
        return (strings, bytes)
    }

    private static func compile(vocabulary: [String: Int], merges: [MergeRule], ignoreMerges: Bool) throws -> BPEModel {
        var byteIDs = [Int32](repeating: -1, count: 256)
        for byte in 0..<256 {
            if let id = vocabulary[ByteLevelAlphabet.symbol(for: UInt8(byte))] { byteIDs[byte] = Int32(id) }
        }
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            guard let left = vocabulary[merge.left], let right = vocabulary[merge.right] else {
                let missing = vocabulary[merge.left] == nil ? merge.left : merge.right
                throw TokenizerError(.malformedJSON, "model.merges[\(rank)]: token \(missing.debugDescription) is not in model.vocab")
            }
            guard let merged = vocabulary[merge.merged] else {
                throw TokenizerError(.malformedJSON, "model.merges[\(rank)]: merged token \(merge.merged.debugDescription) is not in model.vocab")
            }
            let key = BPEModel.pairKey(Int32(left), Int32(right))
            table[key] = (UInt64(rank) << 32) | UInt64(merged)  // a repeated pair: the last rank wins, as in tokenizers
        }
        var whole: [[UInt8]: Int32] = [:]
        if ignoreMerges {
            for (token, id) in vocabulary {
                if let bytes = ByteLevelAlphabet.decode(token) { whole[bytes] = Int32(id) }
            }
        }
        return BPEModel(byteIDs: byteIDs, merges: table, wholePieces: whole)
    }
}
