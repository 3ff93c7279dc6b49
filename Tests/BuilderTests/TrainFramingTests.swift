import Foundation
import Testing
import Tokenization
import Training
@testable import Builder

/// The train step frames documents as `generate` and `eval` do: the tokenizer's BOS first, EOS last.
@Suite struct TrainFramingTests {
    @Test func everyTrainingDocumentStartsWithBOSAndEndsWithEOS() throws {
        let options = BPETrainerOptions(vocabSize: 300, specialTokens: ["<s>", "</s>"], bosToken: "<s>", eosToken: "</s>")
        let documents = [TrainingDocument(text: "ahoj světe", language: "cs"), TrainingDocument(text: "dobrý deň", language: "sk")]
        let tokenizer = try BPETrainer(options: options).train(documents: documents)
        let bos = try #require(tokenizer.id(of: "<s>"))
        let eos = try #require(tokenizer.id(of: "</s>"))
        let framed = TrainStep.tokenized(documents, tokenizer: tokenizer, eos: eos, threads: 2)
        #expect(framed.map(\.language) == ["cs", "sk"])
        for (document, tokens) in zip(documents, framed) {
            #expect(tokens.tokens.first == Int32(bos), "BOS must be trained: generate and eval put it first")
            #expect(tokens.tokens.last == Int32(eos))
            #expect(tokens.tokens.dropFirst().dropLast().map(Int.init) == tokenizer.encode(document.text, addSpecialTokens: false))
        }
    }
}
