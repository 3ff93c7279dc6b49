import ArgumentParser
import Foundation
import Training
import Transformer

/// Shared helpers of `glassbox train` and `glassbox train-bench`.
enum TrainCommandSupport {
    /// Prints `error: …` (with the rank) and, in a data-parallel run, ends every rank: the others
    /// would otherwise wait for this one forever.
    static func fail(_ message: String, group: (any ProcessGroup)?) -> ExitCode {
        guard let group else { return Console.fail(message) }
        FileHandle.standardError.write(Data("error: rank \(group.rank) of \(group.size): \(message)\n".utf8))
        group.abort(code: ExitStatus.failure.exitCode.rawValue)
    }

    /// Joins the MPI world (`--distributed mpi`).
    static func joinWorld() throws -> any ProcessGroup {
        do { return try MPIProcessGroup.initialize() } catch { throw Console.fail(error.description) }
    }

    /// Decodes a JSON file, naming the file and key on failure.
    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Console.fail("cannot read \(path): \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw Console.fail("\(path): \(describe(error))")
        } catch {
            throw Console.fail("\(path): \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): "missing key '\(key.stringValue)'"
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx):
            "wrong type at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let .dataCorrupted(ctx): ctx.debugDescription
        @unknown default: "\(error)"
        }
    }

    struct DocumentLine: Decodable {
        let language: String
        let tokens: [Int32]
    }

    /// Reads JSON lines {"language", "tokens"}.
    static func readDocuments(_ path: String) throws -> [TokenizedDocument] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw Console.fail("cannot read \(path): \(error.localizedDescription)")
        }
        var docs: [TokenizedDocument] = []
        let decoder = JSONDecoder()
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            do {
                let d = try decoder.decode(DocumentLine.self, from: Data(line.utf8))
                docs.append(TokenizedDocument(language: d.language, tokens: d.tokens))
            } catch {
                throw Console.fail("\(path):\(i + 1): expected {\"language\": \"…\", \"tokens\": [ids…]}")
            }
        }
        return docs
    }

    struct Summary: Encodable {
        let completedSteps: Int
        let resumedFromStep: Int?
        let finalLoss: Double?
        let output: String
        let files: [String]
        enum CodingKeys: String, CodingKey {
            case completedSteps = "completed_steps", resumedFromStep = "resumed_from_step", finalLoss = "final_loss", output, files
        }
    }

    static func printResult(_ r: TrainingResult, json: Bool, output: String) throws {
        let summary = Summary(completedSteps: r.completedSteps, resumedFromStep: r.resumedFromStep, finalLoss: r.log.last?.loss,
                              output: output, files: r.outputFiles)
        if json {
            try Console.printJSONLine(summary)
        } else {
            let resumed = r.resumedFromStep.map { " (resumed from step \($0))" } ?? ""
            print("trained \(r.completedSteps) steps\(resumed); final loss \(r.log.last.map { "\($0.loss)" } ?? "n/a"); wrote \(output)")
        }
    }
}

/// A one-line progress display on stderr, only when stderr is a terminal.
final class ProgressLine {
    let enabled = Console.stderrIsTerminal
    var shown = false

    func show(_ line: String) {
        guard enabled else { return }
        Console.progress(line)
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}
