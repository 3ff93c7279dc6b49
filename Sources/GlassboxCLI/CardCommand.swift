import ArgumentParser
import Builder
import Foundation
import ReleaseDocs

/// `glassbox card DIR`: regenerate a release's model card, charts and EU documents from its recorded
/// files into a review folder, and say which differ from the copies in the release. `glassbox card
/// --from-hf DIR --recipe R`: the quick start for a model trained elsewhere — a starter recipe from a
/// Hugging Face model directory (the same one `recipe init --from-hf` writes).
struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Regenerate a release's model card and EU AI Act documents for review, or start a recipe from a Hugging Face model.",
        discussion: """
            glassbox card DIR: writes README.md, training/loss.svg (not for imported weights: they have \
            no training log), eval/languages.svg and compliance/ into --out (default: \
            ./<release>-card), generated from DIR's recipe.toml, recipe.lock.json and recorded files \
            exactly as the package step of `glassbox build` does, then compares each with DIR's copy: \
            'same', 'differs' or 'missing'. The release itself is never modified (it is signed). --out \
            must not exist, be empty, or be a folder an earlier `glassbox card` wrote.

            glassbox card --from-hf MODEL_DIR --recipe R: the quick start for weights trained \
            elsewhere. Writes R, a recipe with [training] backend = "external" that imports MODEL_DIR \
            (a Hugging Face Llama directory: config.json, safetensors, tokenizer.json): [model] and \
            [tokenizer] from its config.json and tokenizer.json, licence and languages from its \
            README.md front matter, the weights pinned by the directory's digest. What only you know \
            (trainer, hardware, tokens seen, data sources…) is left empty and marked "# FILL IN"; \
            `glassbox recipe check R` names each such key until it is filled, then `glassbox build R` \
            writes the signed release with its card and compliance folder. R is never overwritten \
            unless --force is given. Same output as `glassbox recipe init --from-hf`.

            Exit status: 0 written; 3 with --check, a document in DIR differs or is missing; 1 could \
            not read DIR or write --out (or R); 64 usage.

            Examples:
              glassbox card Releases/eu8-demo-0.1.0 --out review
              glassbox card Releases/eu8-demo-0.1.0 --out review --check --json
              glassbox card --from-hf ./my-llama --recipe my-llama.toml
            """)

    @Argument(help: "The release directory (written by `glassbox build`); not with --from-hf.")
    var directory: String?

    @Option(name: .long, help: "Folder for the regenerated documents (default: ./<release>-card).")
    var out: String?

    @Flag(name: .long, help: "Exit 3 when a document in the release differs from the regeneration.")
    var check = false

    @Flag(name: .long, help: "Print the comparison (with --from-hf: the recipe written) as JSON.")
    var json = false

    @Option(name: .customLong("from-hf"), help: ArgumentHelp("A Hugging Face Llama model directory to write a starter recipe for.", valueName: "MODEL_DIR"))
    var fromHF: String?

    @Option(name: .long, help: ArgumentHelp("With --from-hf: where to write the starter recipe.", valueName: "R"))
    var recipe: String?

    @Flag(name: .long, help: "With --from-hf: overwrite R if it exists.")
    var force = false

    func validate() throws {
        if fromHF != nil {
            guard directory == nil else { throw ValidationError("give either a release DIR or --from-hf MODEL_DIR, not both") }
            guard recipe != nil else { throw ValidationError("--from-hf needs --recipe R, the file to write the starter recipe to") }
            guard out == nil, !check else { throw ValidationError("--out and --check regenerate a release's documents; they do not apply to --from-hf") }
        } else {
            guard directory != nil else { throw ValidationError("give a release directory (glassbox card DIR) or --from-hf MODEL_DIR --recipe R") }
            guard recipe == nil, !force else { throw ValidationError("--recipe and --force only apply with --from-hf MODEL_DIR") }
        }
    }

    func run() throws {
        if let fromHF, let recipe { return try writeStarter(modelDirectory: fromHF, recipe: recipe) }
        guard let directory else { throw ExitStatus.usage.exitCode }
        let release = URL(fileURLWithPath: directory).standardizedFileURL
        let target = URL(fileURLWithPath: out ?? "\(release.lastPathComponent)-card").standardizedFileURL
        let comparison: [String: String]
        let paths: [String]
        do {
            let documents = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release))
            try ReviewFolder.prepare(target)
            try documents.write(to: target)
            comparison = documents.problems(comparedWith: release)
            paths = documents.paths
        } catch {
            throw Console.fail("\(error)")
        }
        let rows = paths.map { path in (path, comparison[path] == nil ? "same" : comparison[path]?.hasPrefix("is missing") == true ? "missing" : "differs") }
        if json {
            struct Compared: Encodable { let output: String; let documents: [String: String] }
            Console.out(try Console.json(Compared(output: target.path, documents: Dictionary(uniqueKeysWithValues: rows.map { ($0.0, $0.1) }))))
        } else {
            for (path, state) in rows { print("\(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(path)") }
            print("wrote \(rows.count) documents to \(target.path); \(comparison.isEmpty ? "all match the release" : "\(comparison.count) differ from the release or are missing in it")")
        }
        if check, !comparison.isEmpty { throw ExitStatus.verificationFailed.exitCode }
    }
}

extension CardCommand {
    /// `--from-hf`: the starter recipe, and what to do next.
    private func writeStarter(modelDirectory: String, recipe: String) throws {
        let marked = try StarterRecipeFile.write(modelDirectory: modelDirectory, to: recipe, force: force)
        if json {
            struct Written: Encodable {
                let recipe: String
                let fillIn: Int
                let marker: String
                enum CodingKeys: String, CodingKey { case recipe, marker; case fillIn = "fill_in" }
            }
            Console.out(try Console.json(Written(recipe: recipe, fillIn: marked, marker: HuggingFaceStarter.marker)))
            return
        }
        Console.out(StarterRecipeFile.summary(path: recipe, marked: marked))
        Console.out("then `glassbox build \(recipe) --out DIR --key KEY.pem` writes the signed release with its model card and compliance folder\n")
    }
}

/// The review folder `glassbox card` writes: created when absent; reused when empty or written by an
/// earlier `glassbox card` (it holds the marker file); anything else is refused, never overwritten.
enum ReviewFolder {
    static let marker = ".glassbox-card"

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func prepare(_ folder: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Refused(description: "\(folder.path) is a file; give --out a folder that does not exist yet")
            }
            let entries = try manager.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty || entries.contains(marker) else {
                throw Refused(description: "\(folder.path) already holds files that `glassbox card` did not write; give --out a new folder")
            }
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("written by glassbox card; safe to delete\n".utf8).write(to: folder.appendingPathComponent(marker))
    }
}
