import ArgumentParser
import ContentStore
import Digests

/// `glassbox store export DIGEST DEST`: recreate a stored directory (or copy out one object).
struct StoreExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Recreate a stored directory from its digest (or copy one object with --file).",
        discussion: """
            DEST must not exist or be an empty directory. Files are written into a temporary folder \
            beside DEST, each checked against its digest, and the folder is renamed to DEST last: \
            DEST is complete or absent. Exit status: 0 done; 1 failure (missing object, DEST exists); \
            \(ExitStatus.verificationFailed.rawValue) a stored object is corrupt (run 'glassbox store fsck').
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The directory's digest, as printed by 'glassbox store import'.", valueName: "sha256:HEX"))
    var digest: String

    @Argument(help: ArgumentHelp("Where to recreate it.", valueName: "DEST"))
    var destination: String

    @Flag(help: "DIGEST names a single object: copy it to the file DEST.")
    var file = false

    func run() async throws {
        let parsed: Digest
        do { parsed = try Digest(parsing: digest) } catch { throw HashConsole.fail(error.description, .usage) }
        do throws(StoreError) {
            if file {
                try options.store.export(parsed, to: destination)
            } else {
                let manifest = try options.store.exportDirectory(parsed, to: destination)
                HashConsole.note("exported \(manifest.entries.count) files (\(HashConsole.bytes(manifest.totalSize))) to \(destination)")
            }
        } catch {
            if case .corruptObject = error { throw HashConsole.fail(error.description, .verificationFailed) }
            throw HashConsole.fail(error.description)
        }
    }
}
