import Digests
import Foundation

/// The `--check` half of `glassbox hash`: the same lines, warnings and exit status as `sha256sum -c`.
struct HashCheckRun {
    let options: HashCommand

    private struct JSONItem: Encodable {
        let path: String
        let expected: Digest
        let actual: Digest?
        let status: String
        let error: String?
    }

    private struct JSONReport: Encodable {
        let files: [JSONItem]
        let improperlyFormattedLines: [Int]
        /// Listed files that do not exist, skipped by --ignore-missing.
        let missing: [String]
        let passed: Bool
    }

    /// Checks the list at `listPath`; returns true when sha256sum -c would exit 0.
    func run(listPath: String) throws -> Bool {
        let list: ChecksumList
        do { list = try ChecksumList(contentsOf: listPath) } catch {
            throw Console.fail(error.description)
        }
        let progress = HashProgress.start(label: "checking", total: 0, enabled: !options.noProgress && !options.json)
        let verification = ChecksumVerification(
            checking: list, threads: options.threads, ignoringMissing: options.ignoreMissing, progress: progress?.reporter)
        progress?.finish()
        if verification.isEmpty {
            if !options.status {
                Console.error("\(listPath): no properly formatted checksum lines found")
            }
            return false
        }
        if verification.nothingVerified {
            if !options.status { Console.error("\(listPath): no file was verified") }
            return false
        }
        if options.json {
            Console.out(try Console.json(jsonReport(verification)))
        } else if !options.status {
            printLines(verification)
            printWarnings(verification)
        }
        let strictFailure = options.strict && !verification.improperlyFormattedLines.isEmpty
        return verification.passed && !strictFailure
    }

    private func printLines(_ verification: ChecksumVerification) {
        var text = ""
        for item in verification.items {
            let name = item.line.checkDisplayName
            switch item.outcome {
            case .ok where !options.quiet: text += name + ": OK\n"
            case .ok: break
            case .mismatch: text += name + ": FAILED\n"
            case let .unreadable(error):
                Console.out(text)
                text = ""
                Console.error(error.description)
                text += name + ": FAILED open or read\n"
            }
        }
        Console.out(text)
    }

    private func printWarnings(_ verification: ChecksumVerification) {
        let bad = verification.improperlyFormattedLines.count
        if bad > 0 {
            Console.warning(bad == 1 ? "1 line is improperly formatted" : "\(bad) lines are improperly formatted")
        }
        let unreadable = verification.unreadableCount
        if unreadable > 0 {
            Console.warning(
                unreadable == 1 ? "1 listed file could not be read" : "\(unreadable) listed files could not be read")
        }
        let mismatches = verification.mismatchCount
        if mismatches > 0 {
            Console.warning(
                mismatches == 1
                    ? "1 computed checksum did NOT match" : "\(mismatches) computed checksums did NOT match")
        }
    }

    private func jsonReport(_ verification: ChecksumVerification) -> JSONReport {
        let items = verification.items.map { item -> JSONItem in
            switch item.outcome {
            case .ok:
                JSONItem(path: item.line.path, expected: item.line.digest, actual: item.line.digest, status: "ok", error: nil)
            case let .mismatch(actual):
                JSONItem(path: item.line.path, expected: item.line.digest, actual: actual, status: "mismatch", error: nil)
            case let .unreadable(error):
                JSONItem(
                    path: item.line.path, expected: item.line.digest, actual: nil, status: "unreadable",
                    error: error.description)
            }
        }
        return JSONReport(
            files: items, improperlyFormattedLines: verification.improperlyFormattedLines,
            missing: verification.missing.map(\.path), passed: verification.passed && !(options.strict && !verification.improperlyFormattedLines.isEmpty))
    }
}
