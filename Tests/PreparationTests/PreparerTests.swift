import Digests
import Foundation
import Testing
@testable import Preparation
import TestSupport

/// A temporary folder for one test, removed afterwards.
final class Scratch {
    let url: URL
    init() throws { url = try TemporaryDirectory.create(prefix: "glassbox-prepare-") }
    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> InputFile {
        let target = url.appendingPathComponent("in").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return InputFile(name: name, url: target)
    }

    func file(_ name: String, _ text: String) throws -> InputFile { try file(name, Array(text.utf8)) }

    func read(_ path: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(path)) }

    func lines(_ path: String) throws -> [[String: String]] {
        try String(decoding: read(path), as: UTF8.self).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        }
    }
}

@Suite("The prepare step end to end")
struct PreparerTests {
    private func sources(_ scratch: Scratch) throws -> [PreparedInput] {
        [
            PreparedInput(id: "cs-web", languages: ["cs"], redistributable: true, license: "CC-BY-4.0", files: [
                try scratch.file("cs/b.txt", "Druhý řádek.\nPrvní řádek.\n"),
                try scratch.file("cs/a.txt", Array("První řádek.\nKrátký\nZlom".utf8) + [0xFF] + Array("ený \"text\"\\".utf8) + [0xC3]),
            ]),
            PreparedInput(id: "mixed", languages: ["de", "en"], redistributable: false, license: "LicenseRef-private", files: [
                try scratch.file("mix/de/x.txt", "Guten Tag.\nPrvní řádek.\n"),
                try scratch.file("mix/en/y.txt", "Good day.\n"),
            ]),
        ]
    }

    private var options: PrepareOptions {
        PrepareOptions(minimumDocumentCharacters: 8, evalFraction: 0.3, seed: 7)
    }

    @Test("documents, duplicates, short lines, invalid bytes and languages are counted")
    func statistics() throws {
        let scratch = try Scratch()
        let summary = try Preparer(options: options).prepare(sources: try sources(scratch), into: scratch.url.appendingPathComponent("out"))
        let stats = summary.statistics
        let cs = try #require(stats.sources["cs-web"]).counts
        #expect(cs.documents == 3)            // První, Zlom…, Druhý (a.txt before b.txt; First line repeated in b)
        #expect(cs.removedDuplicates == 1)
        #expect(cs.removedShort == 1)         // "Krátký" has 6 characters
        #expect(cs.invalidBytes == 2)
        let mixed = try #require(stats.sources["mixed"]).counts
        #expect(mixed.removedDuplicates == 1) // "První řádek." came from cs-web already
        #expect(stats.languages["de"]?.documents == 1)
        #expect(stats.languages["en"]?.documents == 1)
        #expect(stats.totals.documents == 5)
        #expect(stats.totals.trainDocuments + stats.totals.evalDocuments == 5)
        let all = try scratch.lines("out/train.jsonl") + scratch.lines("out/eval.jsonl")
        #expect(all.count == 5)
        #expect(all.contains(["language": "cs", "source": "cs-web", "text": "Zlom\u{FFFD}ený \"text\"\\\u{FFFD}"]))
        #expect(stats.totals.characters == all.reduce(0) { $0 + ($1["text"] ?? "").unicodeScalars.count })
    }

    @Test("non-redistributable sources are listed with digests; only stats.json is releasable")
    func restricted() throws {
        let scratch = try Scratch()
        let inputs = try sources(scratch)
        let summary = try Preparer(options: options).prepare(sources: inputs, into: scratch.url.appendingPathComponent("out"))
        #expect(summary.restrictedSources == ["mixed"])
        #expect(summary.releasableOutputs == ["stats.json"])
        let restricted = try #require(summary.statistics.nonRedistributable.first)
        #expect(restricted.license == "LicenseRef-private")
        #expect(restricted.files.map(\.name) == ["mix/de/x.txt", "mix/en/y.txt"])
        #expect(restricted.files[1].sha256 == Digest.sha256(of: "Good day.\n"))
        #expect(restricted.bytes == Array("Guten Tag.\nPrvní řádek.\n".utf8).count + 10)
        let stats = String(decoding: try scratch.read("out/stats.json"), as: UTF8.self)
        #expect(!stats.contains("Good day"))
        #expect(stats.hasSuffix("}\n"))
    }

    @Test("a second run writes byte-identical outputs")
    func deterministic() throws {
        let scratch = try Scratch()
        let inputs = try sources(scratch)
        let first = try Preparer(options: options).prepare(sources: inputs, into: scratch.url.appendingPathComponent("one"))
        let second = try Preparer(options: options).prepare(sources: inputs, into: scratch.url.appendingPathComponent("two"))
        #expect(first.outputs == second.outputs)
        for name in ["train.jsonl", "eval.jsonl", "stats.json"] {
            #expect(try scratch.read("one/" + name) == scratch.read("two/" + name))
        }
    }

    @Test("the train/eval split of a source does not move when another source is added")
    func stableSplit() throws {
        let scratch = try Scratch()
        let lines = (0..<400).map { "Sentence number \($0) of the corpus." }.joined(separator: "\n")
        let base = PreparedInput(id: "a", languages: ["en"], redistributable: true, license: "CC0-1.0",
                                 files: [try scratch.file("a.txt", lines)])
        let extra = PreparedInput(id: "b", languages: ["en"], redistributable: true, license: "CC0-1.0",
                                  files: [try scratch.file("b.txt", "Another source entirely.\n")])
        _ = try Preparer(options: options).prepare(sources: [base], into: scratch.url.appendingPathComponent("one"))
        _ = try Preparer(options: options).prepare(sources: [extra, base], into: scratch.url.appendingPathComponent("two"))
        let evalOne = try scratch.lines("one/eval.jsonl").map { $0["text"] ?? "" }
        let evalTwo = try scratch.lines("two/eval.jsonl").filter { $0["source"] == "a" }.map { $0["text"] ?? "" }
        #expect(evalOne == evalTwo)
        #expect(evalOne.count > 80 && evalOne.count < 160)  // ≈ 30% of 400
    }

    @Test("bad options and duplicate ids are refused with their names")
    func validation() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("out")
        #expect(throws: PrepareError.invalidOption(name: "eval_fraction", reason: "1.0 is outside [0, 1)")) {
            try Preparer(options: PrepareOptions(evalFraction: 1)).prepare(sources: [], into: out)
        }
        let one = PreparedInput(id: "x", languages: ["en"], redistributable: true, license: "MIT", files: [])
        #expect(throws: PrepareError.duplicateSource("x")) {
            try Preparer().prepare(sources: [one, one], into: out)
        }
    }
}
