/// Per-language fertility (tokens per word and per byte) and parity against a reference language,
/// measured on evaluation documents; Codable (snake_case) for the release's `eval/` files and model card.
///
/// Parity is the ratio of tokens per word to the reference language's. On parallel text this is the
/// usual "premium"; on comparable (non-parallel) text, as the eval splits are, it is an estimate.
public struct FertilityReport: Sendable, Equatable, Codable {
    /// The language parity is measured against.
    public var referenceLanguage: String
    /// One entry per language, sorted by code.
    public var languages: [LanguageFertility]

    enum CodingKeys: String, CodingKey {
        case languages
        case referenceLanguage = "reference_language"
    }

    /// Measures `tokenizer` on `documents`, grouped by language, on `threads` threads (same result for any count).
    public init(tokenizer: BPETokenizer, documents: [TrainingDocument], referenceLanguage: String = "en", threads: Int = 1) {
        self.referenceLanguage = referenceLanguage
        let ids = tokenizer.encodeBatch(documents.map(\.text), threads: threads)
        var totals: [String: (documents: Int, words: Int, bytes: Int, tokens: Int)] = [:]
        for (document, encoded) in zip(documents, ids) {
            var entry = totals[document.language] ?? (0, 0, 0, 0)
            entry.documents += 1
            entry.words += Self.wordCount(document.text)
            entry.bytes += document.text.utf8.count
            entry.tokens += encoded.count
            totals[document.language] = entry
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let reference = totals[referenceLanguage].map { ratio($0.tokens, $0.words) }
        languages = totals.keys.sorted().compactMap { language in
            guard let total = totals[language] else { return nil }
            let perWord = ratio(total.tokens, total.words)
            return LanguageFertility(language: language, documents: total.documents, words: total.words,
                                     bytes: total.bytes, tokens: total.tokens, tokensPerWord: perWord,
                                     tokensPerByte: ratio(total.tokens, total.bytes),
                                     parity: reference.flatMap { $0 > 0 ? perWord / $0 : nil })
        }
    }

    /// Maximal runs of non-whitespace code points (White_Space as in the pre-tokenizer tables).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let space = CharacterClasses.isWhitespace(scalar.value)
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
