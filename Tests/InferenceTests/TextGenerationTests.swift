import Foundation
import Testing
@testable import Inference

/// Text-level generation: streaming pieces add up to the text; stop strings cut it.
@Suite struct TextGenerationTests {
    final class Collected: @unchecked Sendable {
        var pieces: [String] = []
    }

    @Test func streamedPiecesAddUpToTheText() throws {
        let directory = try ModelDirectory(try Goldens.directory("gqa"), threads: 1)
        let goldens = try Goldens(model: "gqa")
        for prompt in goldens.prompts.prefix(4) {
            let collected = Collected()
            let result = try directory.generator.generate(
                prompt: prompt.text, options: GenerationOptions(maxNewTokens: goldens.new_tokens)) { collected.pieces.append($0) }
            #expect(result.promptIDs == prompt.ids)
            #expect(result.generatedIDs == prompt.greedy_ids)
            #expect(result.text == prompt.greedy_text)
            #expect(collected.pieces.joined() == result.text)
        }
    }

    @Test func stopStringCutsTheTextAndIsNeverStreamed() throws {
        let directory = try ModelDirectory(try Goldens.directory("tied"), threads: 1)
        let goldens = try Goldens(model: "tied")
        let prompt = try #require(goldens.prompts.first { $0.greedy_text.count > 6 })
        let full = prompt.greedy_text
        let characters = Array(full)
        let stop = String(characters[3..<5])
        let expected = try #require(full.range(of: stop)).lowerBound
        let collected = Collected()
        let result = try directory.generator.generate(
            prompt: prompt.text, options: GenerationOptions(maxNewTokens: goldens.new_tokens, stopStrings: [stop])
        ) { collected.pieces.append($0) }
        #expect(result.stopReason == .stopString)
        #expect(result.text == String(full[..<expected]))
        #expect(collected.pieces.joined() == result.text)
    }
}
