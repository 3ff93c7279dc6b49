import ArgumentParser
import ContentStorage
import Digests
import Foundation

/// `glassbox store export DIGEST DEST`: recreate a stored directory (or copy out one object).
struct StoreExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Recreate a stored directory from its digest (or copy one object with --file).",
        discussion: """
            DEST must not exist or be an empty directory (with --file: must not exist, unless --force). Files are written into a temporary folder \
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

    @Flag(help: "With --file: replace DEST if it is an existing file.")
    var force = false

    func run() async throws {
        let parsed: Digest
        do { parsed = try Digest(parsing: digest) } catch { throw Console.fail(error.description, .usage) }
        if file { try refuseExistingFile() }
        do throws(StoreError) {
            if file {
                try options.store.export(parsed, to: destination)
            } else {
                let manifest = try options.store.exportDirectory(parsed, to: destination)
                Console.note("exported \(manifest.entries.count) files (\(Console.bytes(manifest.totalSize))) to \(destination)")
            }
        } catch {
            if case .corruptObject = error { throw Console.fail(error.description, .verificationFailed) }
            throw Console.fail(error.description)
        }
    }

    /// `--file` replaces DEST only with `--force`, and never a folder.
    private func refuseExistingFile() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw Console.fail("\(destination) is a folder; give the file to write with --file")
        }
        if !force { throw Console.fail("\(destination) exists; choose another DEST, or pass --force to replace it") }
    }
}
