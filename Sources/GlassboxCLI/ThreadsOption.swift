import ArgumentParser
import Foundation

/// `--threads N`, shared by every command that works on several cores, with one default for all of
/// them — the number of CPU cores — stated once in the help line. No command's output depends on it.
struct ThreadsOption: ParsableArguments {
    /// The default: every core this process may use.
    static var defaultCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .customLong("threads"), parsing: .unconditional, help: ArgumentHelp(
        "Worker threads (default: the number of CPU cores). Results never depend on it.", valueName: "N"))
    var requested: Int?

    /// The thread count to use.
    var threads: Int { requested ?? Self.defaultCount }

    func validate() throws {
        if let requested, requested < 1 { throw ValidationError("--threads must be at least 1 (got \(requested))") }
    }
}
