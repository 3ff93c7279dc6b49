import ArgumentParser
import ContentStorage

/// `glassbox store …`: inspect and maintain the content-addressed store.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect and maintain the content-addressed store.",
        discussion: """
            Every artifact Glassbox makes or fetches is an object in the store, named by its SHA-256 \
            digest. The store lives in $GLASSBOX_HOME (default ~/.cache/glassbox; --store overrides \
            both). Objects are written to a temporary file, fsynced, checked and renamed, so an \
            interrupted write never leaves a partial object, and two processes may store the same \
            object at once. A directory is stored as its files plus its manifest (sorted paths, \
            sizes, digests); the manifest's digest names the directory.

            Examples:
              glassbox store import data/            # prints the directory's digest
              glassbox store export sha256:… copy/   # recreates the directory
              glassbox store ls
              glassbox store fsck                    # re-hash all, quarantine bad ones
              glassbox store gc --keep recipe.lock.json
            """,
        subcommands: [
            StoreListCommand.self, StorePutCommand.self, StoreImportCommand.self, StoreExportCommand.self,
            StoreFsckCommand.self, StoreGCCommand.self,
        ]
    )
}
