import ArgumentParser
import Builder
import ContentStorage
import Digests

/// `glassbox store gc --keep LOCK…`: remove objects no lock file references.
struct StoreGCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Remove every object that none of the given lock files references.",
        discussion: """
            A lock file is any JSON file; every 'sha256:<64 hex>' string in it (key or value, at any \
            depth) is kept, and so is every file listed by a kept directory manifest. At least one \
            --keep is required, so a typo cannot empty the store. The builder's files under builder/ go \
            the same way: step records, materialised outputs, scratch checkpoints of interrupted builds and \
            work folders whose step key or manifest no kept lock names, and lock files no running build \
            holds (a running build's files are skipped). Exit status: 0 done; 1 a lock file could not be \
            read (nothing removed) or removing failed.
            """)

    @OptionGroup var options: StoreOptions

    @Option(name: .customLong("keep"), parsing: .upToNextOption, help: ArgumentHelp(
        "JSON lock files whose digests must be kept (e.g. recipe.lock.json).", valueName: "LOCKFILE"))
    var lockFiles: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Report what would be removed; remove nothing.")
    var dryRun = false

    func validate() throws {
        guard !lockFiles.isEmpty else {
            throw ValidationError("give at least one --keep LOCKFILE (objects it references are kept)")
        }
    }

    func run() async throws {
        let report: GCReport
        var keys = Set<Digest>()
        do {
            for path in lockFiles { keys.formUnion(try LockReferences.digests(inLockFile: path)) }
            report = try options.store.collectGarbage(keeping: keys, dryRun: dryRun)
        } catch {
            throw Console.fail(error.description)
        }
        let builder = BuilderStorage(storeRoot: options.store.root).collect(keeping: keys, dryRun: dryRun)
        if options.json {
            Console.out(try Console.json(Output(objects: report, builder: builder)))
            return
        }
        let verb = dryRun ? "would remove" : "removed"
        Console.out(report.removed.map { "\(verb) \($0.digest)  \($0.size)\n" }.joined())
        Console.out(
            "\(verb) \(report.removed.count) objects, \(report.bytesFreed) bytes (\(Console.bytes(report.bytesFreed))) "
                + "\(dryRun ? "would be " : "")freed; kept \(report.keptObjects) objects (\(Console.bytes(report.keptBytes)))\n")
        Console.out(builder.removed.map { "\(verb) builder/\($0)\n" }.joined())
        Console.out("builder/: \(verb) \(builder.removed.count) entries, \(Console.bytes(builder.bytesFreed))"
            + (builder.busy.isEmpty ? "" : "; \(builder.busy.count) in use by a running build, kept") + "\n")
    }

    /// `--json`: the objects' report and the builder's.
    struct Output: Encodable {
        let objects: GCReport
        let builder: BuilderStorage.Collection
    }
}
