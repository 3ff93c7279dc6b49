import ArgumentParser
import Builder
import Foundation

/// `glassbox build RECIPE`: runs the recipe's steps and writes the release directory.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a release from a recipe: run every step that is not cached, write the release and its lock.",
        discussion: """
            Steps: fetch (one per source) → prepare → tokenizer → train → evaluate → package → sign. \
            Each step's outputs go into the content store under the step's key, so a re-run reuses \
            them; after a crash (even kill -9) a re-run only redoes unfinished steps. Steps this \
            glassbox cannot run yet are reported as not-available, and the steps after them as blocked. \
            package is not available yet (model card, EU documents); the release already holds every \
            file Hugging Face loads.

            sign runs last, on the finished release before it is renamed into place, when the recipe \
            names [publish] signing_key (relative to the recipe) or --key is given: it writes \
            provenance.json, SHA256SUMS and model.sig (OpenSSF model-signing; check it with `glassbox \
            verify DIR --key PUB.pem`). It is never cached and not recorded in the lock: an ECDSA \
            signature is randomised and covers recipe.lock.json. The key is read before any step runs, \
            so a wrong path or passphrase fails at once. Without a key the release is unsigned.

            The release directory gets recipe.toml, recipe.lock.json (step keys and output digests, \
            canonical JSON, no timestamps) and the step outputs that belong in a release. It is written \
            beside its final place and renamed, so it is never half-written. The release directory may \
            replace only an earlier glassbox release (one with a recipe.lock.json) or an empty directory; \
            a file or any other folder there is refused, before any step runs, unless --force is given. \
            The parent of --out must be writable; that too is checked before any step runs. The run log \
            (<release>.build.log.jsonl: timings, host, threads) is written next to it and is not hashed.

            --executor slurm submits each step that is not cached as one sbatch job (after its \
            inputs' jobs: --dependency=afterok, --kill-on-invalid-dep=yes) plus a last job that writes \
            the release, prints the job ids and returns; --wait follows them until the release is \
            written. The store must be on a file system every node sees. The train job gets --nodes × \
            --ntasks-per-node MPI ranks (srun --mpi=pmix; same weights as one process). A failed or \
            cancelled job: run the same command again; training resumes from its last checkpoint. \
            `glassbox status RECIPE` shows the jobs. Job scripts: <store>/builder/slurm/. See Docs/hpc.md.

            Exit status: 0 built (even if some steps are not available yet); 1 failure; 64 usage error.

            Examples:
              glassbox build Recipes/tiny-cs.toml
              glassbox build recipe.toml --out Releases/tiny-cs-0.1 --threads 2
              glassbox build recipe.toml --no-cache
              glassbox build recipe.toml --key release-key.pem --passphrase-file pass.txt
              glassbox build recipe.toml --executor slurm --partition small --account project_465000123 \
                --time 02:00:00 --nodes 2 --ntasks-per-node 4 --cpus-per-task 16 --store /scratch/project/glassbox --wait
              glassbox build Recipes/eu24-nano.toml --data-dir partner-data --key eu24-nano.pem
            """)

    @Argument(help: ArgumentHelp("The recipe to build.", valueName: "RECIPE"))
    var recipe: String

    @Option(help: ArgumentHelp("Release directory (default: Releases/<name>-<version>). It may hold only an earlier glassbox release or nothing; anything else is refused unless --force.", valueName: "DIR"))
    var out: String?

    @Flag(help: "Replace whatever is at the release directory, even if it is not an earlier glassbox release (it is deleted).")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Rebuild every step even if its outputs are cached.")
    var noCache = false

    @Option(help: ArgumentHelp("Sign the release with this private key (PEM, ECDSA P-256, e.g. from `glassbox keygen`); overrides the recipe's [publish] signing_key.", valueName: "PRIVATE.pem"))
    var key: String?

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("File whose first line is the passphrase of an encrypted signing key.", valueName: "FILE"))
    var passphraseFile: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Where data the recipe does not ship is: relative file: paths are also looked up here, and a remote source may be supplied as a file or folder named after its id (a git source as a copy of its repository, fetched at the pinned commit). Digests are checked as always.",
        valueName: "DIR"))
    var dataDirectory: String?

    @Flag(help: "Print the lock as JSON on stdout when done (progress lines are then suppressed).")
    var json = false

    @OptionGroup var common: BuildCommandOptions

    @OptionGroup var slurm: SlurmCommandOptions

    func run() async throws {
        let printer = BuildProgressPrinter(quiet: json)
        var options = common.buildOptions(useCache: !noCache, dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) }) { printer.handle($0) }
        options.signingKey = key.map { URL(fileURLWithPath: $0) }
        options.passphraseFile = passphraseFile.map { URL(fileURLWithPath: $0) }
        options.builderVersion = "glassbox \(GlassboxVersion.string)"
        options.replaceAnyOutput = force
        if slurm.executor == .slurm { return try runOnSlurm(options) }
        do {
            let result = try ReleaseBuild(options: options).build(
                recipeAt: URL(fileURLWithPath: recipe), releaseDirectory: out.map { URL(fileURLWithPath: $0) })
            if json {
                Console.out(String(decoding: try result.lock.canonicalJSON(), as: UTF8.self))
                return
            }
            let built = result.lock.steps.filter { $0.status == .built }.count
            Console.out("release \(result.releaseDirectory.path): \(built) of \(result.lock.steps.count) steps built; log \(result.logFile.path)\n")
            let missing = result.lock.steps.filter { $0.status == .notAvailable }.map(\.id)
            if !missing.isEmpty {
                Console.note("not available in this glassbox yet: \(missing.joined(separator: ", ")) (and the steps after them)"
                    + (missing.contains("package") ? "; the release already holds every file Hugging Face loads, the model card and EU documents are not written yet" : ""))
            }
            if let signed = result.signed, let keyPath = result.signingKeyPath {
                Console.out("signed with \(keyPath): \(signed.written.joined(separator: ", ")) (\(signed.signed.count) files)\n")
            } else {
                Console.note("the release is unsigned (no [publish] signing_key, no --key)")
            }
        } catch {
            throw Console.fail(error.description)
        }
    }
}
