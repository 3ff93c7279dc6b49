import Testing
@testable import Training

@Suite struct CheckpointOptionsTests {
    /// Equal options must compare equal however their `language_weights` dictionaries were built:
    /// a dictionary's iteration order depends on its history, and resume once failed at random
    /// ("made with different [training] options (language_weights)") because of it.
    @Test func equalLanguageWeightsBuiltInDifferentOrdersAreNotADifference() {
        let languages = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
                         "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"]
        var forward: [String: Double] = [:]
        for (i, lang) in languages.enumerated() { forward[lang] = Double(i + 1) }
        var backward: [String: Double] = [:]
        backward.reserveCapacity(100)
        for (i, lang) in languages.enumerated().reversed() { backward[lang] = Double(i + 1) }
        let a = TrainingOptions(seed: 1, sequenceLength: 8, batchSize: 2, steps: 4, learningRate: 1e-3,
                                languageWeights: forward)
        var b = a
        b.languageWeights = backward
        #expect(Checkpoint.differences(a, b).isEmpty)
        b.languageWeights["cs"] = 99
        #expect(Checkpoint.differences(a, b) == ["language_weights"])
    }
}
