import ArgumentParser
import ContentStorage
import Digests

/// `glassbox store put FILE`: store one file (or standard input) and print its digest.
struct StorePutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put",
        abstract: "Store one file ('-' for standard input) and print its digest.",
        discussion: """
            The bytes are streamed into a temporary file in the store, fsynced, checked against \
            --expect if given, and renamed into place. Exit status: 0 stored; 1 could not read or \
            write; \(ExitStatus.verificationFailed.rawValue) the content does not have the --expect digest (nothing stored).
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The file to store, or '-' for standard input.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Refuse to store unless the content has this digest.", valueName: "sha256:HEX"))
    var expect: String?

    func run() async throws {
        var expected: Digest?
        if let expect {
            do { expected = try Digest(parsing: expect) } catch { throw Console.fail(error.description, .usage) }
        }
        do {
            let object = try options.store.put(fileAt: file, expected: expected)
            Console.out(options.json ? try Console.json(object) : "\(object.digest)\n")
        } catch let error as StoreError {
            if case .digestMismatch = error { throw Console.fail(error.description, .verificationFailed) }
            throw Console.fail(error.description)
        }
    }
}
