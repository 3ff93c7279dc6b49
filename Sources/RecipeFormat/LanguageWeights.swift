/// Reads `[*.language_weights]` tables: language code → non-negative weight.
enum LanguageWeights {
    static func read(_ reader: TableReader, key: String) -> [String: Double] {
        guard let table = reader.table(key) else { return [:] }
        var weights: [String: Double] = [:]
        for language in table.table.keys.sorted() {
            let shown = String(language.prefix(20))
            if !LanguageCodes.isValid(language) {
                table.report(shown, "\"\(shown)\" is not an ISO 639-1 or ISO 639-3 language code")
            }
            if let weight = table.double(language, required: true, [.atLeast(0)]) {
                weights[language] = weight
            }
        }
        if !weights.isEmpty, weights.values.allSatisfy({ $0 == 0 }) {
            reader.report(key, "at least one weight must be > 0")
        }
        return weights
    }
}
