import ArgumentParser
import ContentStorage
import Foundation

/// `glassbox store fsck`: re-hash every object, quarantine corrupt ones.
struct StoreFsckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Re-hash every object; move each corrupt one to quarantine/ and report it.",
        discussion: """
            Prints one line per corrupt object ('corrupt: <digest> …, moved to <path>') and a summary. \
            Temporary files left by writes interrupted more than an hour ago are removed. \
            Exit status: 0 every object is intact; \(ExitStatus.verificationFailed.rawValue) corrupt objects were found \
            (re-import them); 1 the store could not be read.
            """)

    @OptionGroup var options: StoreOptions

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    func run() async throws {
        let store = options.store
        let total = ((try? store.list()) ?? []).reduce(Int64(0)) { $0 + $1.size }
        let progress = HashProgress.start(label: "checking", total: total)
        let report: FsckReport
        do { report = try store.fsck(threads: threads, progress: progress?.reporter) } catch {
            progress?.finish()
            throw Console.fail(error.description)
        }
        progress?.finish()
        if options.json {
            Console.out(try Console.json(report))
        } else {
            for object in report.corrupt {
                let place = object.quarantinedAt.map { "moved to \($0)" } ?? "could not be moved"
                Console.out("corrupt: \(object.digest) (\(object.reason)), \(place)\n")
            }
            Console.out(
                "checked \(report.checkedObjects) objects (\(Console.bytes(report.checkedBytes))): "
                    + "\(report.corrupt.count) corrupt, \(report.removedTemporaryFiles) stale temporary files removed\n")
        }
        if !report.passed { throw ExitStatus.verificationFailed.exitCode }
    }
}
