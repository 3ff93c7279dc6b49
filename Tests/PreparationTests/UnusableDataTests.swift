import Foundation
import Testing
@testable import Preparation

/// An empty source, a binary file and a declared language without documents are errors naming the
/// source and the fix, not a release built on nothing.
@Suite("Unusable data is an error")
struct UnusableDataTests {
    private func prepare(_ scratch: Scratch, _ sources: [PreparedInput]) throws(PrepareError) {
        _ = try Preparer(options: PrepareOptions(evalFraction: 0.1, seed: 1)).prepare(sources: sources, into: scratch.url.appendingPathComponent("out"))
    }

    private func expectUnusable(_ sources: (Scratch) throws -> [PreparedInput], source: String, saying words: [String]) throws {
        let scratch = try Scratch()
        do {
            try prepare(scratch, try sources(scratch))
            Issue.record("prepared unusable data")
        } catch {
            guard let error = error as? PrepareError, case let .unusableData(id, _, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(id == source)
            for word in words { #expect(error.description.contains(word), "\(error.description)") }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/stats.json").path))
    }

    @Test func anEmptySourceIsRefused() throws {
        try expectUnusable({ scratch in
            [PreparedInput(id: "good", languages: ["cs"], redistributable: true, license: "MIT", files: [try scratch.file("a.txt", "Dobrý den.\n")]),
             PreparedInput(id: "empty", languages: ["sk"], redistributable: true, license: "MIT", files: [try scratch.file("b.txt", "")])]
        }, source: "empty", saying: ["empty", "remove it"])
    }

    @Test func aBinaryFileIsRefused() throws {
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 0x80) }
        try expectUnusable({ scratch in
            [PreparedInput(id: "png", languages: ["cs"], redistributable: true, license: "MIT", files: [try scratch.file("a.png", binary)])]
        }, source: "png", saying: ["not valid UTF-8", "convert"])
    }

    @Test func aDeclaredLanguageWithoutDocumentsIsRefused() throws {
        try expectUnusable({ scratch in
            [PreparedInput(id: "mix", languages: ["cs", "fi"], redistributable: true, license: "MIT",
                           files: [try scratch.file("mix/cs/a.txt", "Dobrý den.\nAhoj světe.\n")])]
        }, source: "mix", saying: ["'fi' has 0 documents", "mix/fi/"])
    }

    @Test func aFewInvalidBytesAreStillAccepted() throws {
        let scratch = try Scratch()
        let text = Array(String(repeating: "Dobrý den, jak se máte?\n", count: 20).utf8) + [0xFF]
        try prepare(scratch, [PreparedInput(id: "cs", languages: ["cs"], redistributable: true, license: "MIT", files: [try scratch.file("a.txt", text)])])
    }

    @Test func aMixedSourceNotSortedByLanguageIsKept() throws {
        let scratch = try Scratch()
        try prepare(scratch, [PreparedInput(id: "mix", languages: ["cs", "en"], redistributable: true, license: "MIT",
                                            files: [try scratch.file("corpus.txt", "Dobrý den.\nGood morning.\n")])])
    }
}
