import Foundation
import Testing
import TestSupport
@testable import GlassboxCLI

/// Usage errors exit 64 everywhere, negative numbers reach validation, one `--threads` default, and
/// the messages of issue 18 that a user can act on.
@Suite("usage errors and messages")
struct UsageErrorTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceTests/Fixtures/models/glassbox").path

    @Test("eval --context beyond the model's context exits 64, naming the option")
    func evalContextTooLarge() throws {
        let directory = try TemporaryDirectory()
        let data = try directory.write("eval.jsonl", Array("{\"language\":\"cs\",\"text\":\"Dobrý den.\"}\n".utf8))
        let result = try GlassboxProcess.run(["eval", Self.model, "--data", data, "--context", "1000", "--threads", "1"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("context"), "\(result.stderr)")
    }

    @Test("negative numbers reach validation: --temperature -1 and --threads -1 exit 64 with the option's rule")
    func negativeNumbers() throws {
        let temperature = try GlassboxProcess.run(["generate", Self.model, "--prompt", "a", "--temperature", "-1"])
        #expect(temperature.status == 64)
        #expect(temperature.stderr.contains("temperature") && temperature.stderr.contains("-1"), "\(temperature.stderr)")
        #expect(!temperature.stderr.contains("Missing value"), "\(temperature.stderr)")
        let threads = try GlassboxProcess.run(["hash", "--threads", "-1", #filePath])
        #expect(threads.status == 64)
        #expect(threads.stderr.contains("--threads must be at least 1 (got -1)"), "\(threads.stderr)")
    }

    @Test("--threads has one default, stated once, in every command that takes it")
    func oneThreadsDefault() throws {
        let commands: [[String]] = [["build"], ["train"], ["tokenizer", "train"], ["tokenize"], ["generate"], ["eval"],
                                    ["verify"], ["hash"], ["store", "fsck"], ["reproduce"], ["train-bench"]]
        for command in commands {
            let help = try GlassboxProcess.run(command + ["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let options = help.components(separatedBy: "--threads <N>")
            #expect(options.count >= 2, "\(command): the --threads option is listed")
            let line = String(options.last?.prefix(160) ?? "")
            #expect(line.contains("(default: the number of CPU cores)"), "\(command): \(line)")
            #expect(help.components(separatedBy: "(default: the number of CPU cores)").count == 2, "\(command): default stated once")
            #expect(!line.contains("(default: 1)") && !line.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"), "\(command)")
        }
    }

    private func writeResults(_ directory: TemporaryDirectory, _ name: String, digest: String) throws -> String {
        let json = """
            {"context_length":16,"documents_sha256":"\(digest)","format":1,"languages":[{"bits_per_byte":1,"bytes":10,"documents":1,"language":"cs","nll_nats":6.931471805599453,"token_perplexity":2,"tokens":10}],"method":"m","overall":{"bits_per_byte":1,"bytes":10,"documents":1,"language":"all","nll_nats":6.931471805599453,"token_perplexity":2,"tokens":10},"stride":16}
            """
        return URL(fileURLWithPath: try directory.write("\(name)/eval/results.json", Array(json.utf8))).deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test("eval --compare without --data refuses results scored on different documents")
    func compareNeedsSameDocuments() throws {
        let directory = try TemporaryDirectory()
        let a = try writeResults(directory, "a", digest: "sha256:" + String(repeating: "a", count: 64))
        let b = try writeResults(directory, "b", digest: "sha256:" + String(repeating: "b", count: 64))
        let c = try writeResults(directory, "c", digest: "sha256:" + String(repeating: "a", count: 64))
        let refused = try GlassboxProcess.run(["eval", a, "--compare", b])
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("different documents") && refused.stderr.contains("--data"), "\(refused.stderr)")
        let same = try GlassboxProcess.run(["eval", a, "--compare", c])
        #expect(same.status == 0, "\(same.stderr)")
    }

    @Test("build and recipe check on a directory say so, not NSCocoaErrorDomain")
    func directoryAsRecipe() throws {
        let directory = try TemporaryDirectory()
        for args in [["build", directory.path], ["recipe", "check", directory.path]] {
            let result = try GlassboxProcess.run(args, env: ["GLASSBOX_HOME": directory.path + "/store"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("is a directory; give the recipe file"), "\(args): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("recipe plan right after recipe init shows the graph with the missing input marked")
    func planWithMissingInput() throws {
        let directory = try TemporaryDirectory()
        _ = try GlassboxProcess.run(["recipe", "init", "--out", "recipe.toml"], cwd: directory.path)
        let plan = try GlassboxProcess.run(["recipe", "plan", "recipe.toml"], env: ["GLASSBOX_HOME": directory.path + "/store"], cwd: directory.path)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("missing-input") && plan.stdout.contains("does not exist yet"), "\(plan.stdout)")
        let json = try GlassboxProcess.run(["recipe", "plan", "--json", "recipe.toml"], env: ["GLASSBOX_HOME": directory.path + "/store"], cwd: directory.path)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"state\" : \"missing-input\""), "\(json.stdout)")
    }

    @Test("generate that stops at once on EOS says so, with the way out")
    func emptyGenerationIsExplained() {
        let note = GenerateCommand.emptyOutputNote(generated: 0, stoppedAtEndOfSequence: true, greedy: true)
        #expect(note?.contains("end-of-sequence") == true && note?.contains("--ignore-eos") == true && note?.contains("greedy") == true)
        #expect(GenerateCommand.emptyOutputNote(generated: 3, stoppedAtEndOfSequence: true, greedy: true) == nil)
        #expect(GenerateCommand.emptyOutputNote(generated: 0, stoppedAtEndOfSequence: false, greedy: true) == nil)
    }
}
