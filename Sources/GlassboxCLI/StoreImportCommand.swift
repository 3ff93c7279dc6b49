import ArgumentParser
import ContentStorage
import Foundation

/// `glassbox store import DIR`: store a directory and print its manifest digest.
struct StoreImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store every file of a directory and its manifest; print the directory's digest.",
        discussion: """
            The directory must hold only regular files and folders (a symbolic link or special file \
            is an error naming it). Its digest is the SHA-256 of its canonical manifest; give it to \
            'glassbox store export' to recreate the tree. Exit status: 0 stored; 1 failure.
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The directory to store.", valueName: "DIR"))
    var directory: String

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    func run() async throws {
        let store = options.store
        let progress = HashProgress.start(label: "importing", total: 0)
        defer { progress?.finish() }
        let result: DirectoryImport
        do { result = try store.importDirectory(at: directory, threads: threads, progress: progress?.reporter) } catch {
            throw Console.fail(error.description)
        }
        progress?.finish()
        if options.json {
            Console.out(try Console.json(ImportSummary(result)))
            return
        }
        Console.out("\(result.digest)\n")
        Console.note(
            "imported \(result.manifest.entries.count) files (\(Console.bytes(result.manifest.totalSize))) "
                + "from \(directory): \(result.newObjects) new objects, \(Console.bytes(result.newBytes)) added to \(store.root)")
    }

    /// The `--json` form of an import.
    private struct ImportSummary: Encodable {
        let digest: String
        let files: Int
        let size: Int64
        let newObjects: Int
        let newBytes: Int64

        init(_ result: DirectoryImport) {
            digest = result.digest.description
            files = result.manifest.entries.count
            size = result.manifest.totalSize
            newObjects = result.newObjects
            newBytes = result.newBytes
        }
    }
}
