import ArgumentParser
import Digests
import Foundation

/// `glassbox hash FILE|DIR…` and `glassbox hash --check SUMSFILE`: SHA-256 like `sha256sum`, over threads.
struct HashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print or check SHA-256 digests, byte for byte like sha256sum.",
        discussion: """
            Each FILE gets one line '<64 hex>  <name>', exactly as sha256sum prints it (a name holding \
            a backslash, newline or carriage return is escaped and its line starts with '\\'). A DIR \
            is walked recursively and each regular file under it is printed as DIR/<path>, sorted by \
            the bytes of the path; a symbolic link or special file inside a DIR is an error naming it. \
            '-' (or no argument) reads standard input.

            --check SUMSFILE reads a list in sha256sum format ('<hex>  <name>', '<hex> *<name>' or \
            'SHA256 (<name>) = <hex>'; '#' comments and empty lines skipped) and prints '<name>: OK', \
            '<name>: FAILED' or '<name>: FAILED open or read' for each line, then warnings on stderr, \
            like 'sha256sum -c'.

            Files are hashed by --threads threads at once (one file per thread); output order never \
            depends on it. On a terminal a progress line shows on stderr after a second.

            Exit status: 0 all files read (and, with --check, all matched); 1 a file could not be \
            read, or --check found a mismatch or no checksum line (the same status as sha256sum); \
            64 usage error.

            Examples:
              glassbox hash model.safetensors tokenizer.json
              glassbox hash Releases/demo-1.0 > SHA256SUMS
              glassbox hash --check SHA256SUMS
              glassbox hash --json --threads 4 data/
            """)

    @Argument(help: ArgumentHelp("Files or directories to hash ('-' for standard input).", valueName: "FILE|DIR"))
    var paths: [String] = []

    @Option(name: [.customShort("c"), .long], help: ArgumentHelp(
        "Verify the files listed in SUMSFILE (sha256sum format) instead of printing digests.",
        valueName: "SUMSFILE"))
    var check: String?

    @Flag(help: "Print one JSON document (paths, sizes, digests; directory digests; errors) instead of text.")
    var json = false

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Flag(help: "With --check: do not print 'OK' lines.")
    var quiet = false

    @Flag(help: "With --check: print nothing; the exit status says it all.")
    var status = false

    @Flag(help: "With --check: exit 1 if any line of SUMSFILE is improperly formatted.")
    var strict = false

    @Flag(name: .customLong("ignore-missing"), help: "With --check: skip listed files that do not exist (no line, no failure); exit 1 if none was checked.")
    var ignoreMissing = false

    @Flag(name: .customLong("no-progress"), help: "Never draw the progress line, even on a terminal.")
    var noProgress = false

    func validate() throws {
        if check != nil, !paths.isEmpty {
            throw ValidationError("give either --check SUMSFILE or files to hash, not both")
        }
        if check == nil, quiet || status || strict || ignoreMissing {
            throw ValidationError("--quiet, --status, --strict and --ignore-missing only apply with --check SUMSFILE")
        }
    }

    func run() async throws {
        if let check {
            let ok = try HashCheckRun(options: self).run(listPath: check)
            if !ok { throw ExitStatus.failure.exitCode }
        } else {
            let ok = HashPrintRun(options: self).run(inputs: paths.isEmpty ? ["-"] : paths)
            if !ok { throw ExitStatus.failure.exitCode }
        }
    }
}
