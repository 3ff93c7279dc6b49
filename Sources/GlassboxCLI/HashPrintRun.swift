#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Foundation

/// The printing half of `glassbox hash`: expand directories, hash in parallel, print sha256sum lines or JSON.
struct HashPrintRun {
    let options: HashCommand

    /// One directory argument: its path and its manifest digest (JSON output only).
    private struct DirectoryResult: Encodable {
        let path: String
        let digest: Digest
        let files: Int
        let size: Int64
    }

    /// One input that could not be hashed.
    private struct Failure: Encodable {
        let path: String
        let message: String
    }

    private struct Report: Encodable {
        let files: [FileHash]
        let directories: [DirectoryResult]
        let errors: [Failure]
    }

    /// A directory argument and the range of `files` its walk produced.
    private struct Walked {
        let tree: FileTree
        let range: Range<Int>
    }

    /// Hashes `inputs` and prints; returns false if anything could not be read.
    func run(inputs: [String]) -> Bool {
        var files = [String]()
        var walked = [Walked]()
        var failures = [Failure]()
        for input in inputs {
            guard isDirectory(input) else {
                files.append(input)
                continue
            }
            do throws(DigestError) {
                let tree = try FileTree(walking: input)
                let start = files.count
                files += tree.paths
                walked.append(Walked(tree: tree, range: start..<files.count))
            } catch {
                failures.append(Failure(path: input, message: error.description))
            }
        }
        let total = files.reduce(Int64(0)) { $0 + (fileSize($1) ?? 0) }
        let progress = HashProgress.start(label: "hashing", total: total, enabled: !options.noProgress)
        let results = ParallelHasher.hash(files: files, threads: options.threads, progress: progress?.reporter)
        progress?.finish()
        return emit(files: files, results: results, walked: walked, earlyFailures: failures)
    }

    private func emit(
        files: [String], results: [Result<FileHash, DigestError>], walked: [Walked], earlyFailures: [Failure]
    ) -> Bool {
        var hashes = [FileHash]()
        var failures = earlyFailures
        for (path, result) in zip(files, results) {
            switch result {
            case let .success(hash): hashes.append(hash)
            case let .failure(error): failures.append(Failure(path: path, message: error.description))
            }
        }
        if options.json {
            let directories = walked.compactMap { directoryResult($0, results: results) }
            Console.out((try? Console.json(Report(files: hashes, directories: directories, errors: failures))) ?? "")
        } else {
            Console.out(ChecksumList.format(hashes))
        }
        for failure in failures { Console.error(failure.message) }
        return failures.isEmpty
    }

    private func directoryResult(_ walked: Walked, results: [Result<FileHash, DigestError>]) -> DirectoryResult? {
        var entries = [Manifest.Entry]()
        for (relative, result) in zip(walked.tree.relativePaths, results[walked.range]) {
            guard case let .success(hash) = result else { return nil }
            entries.append(Manifest.Entry(path: relative, size: hash.size, digest: hash.digest))
        }
        guard let manifest = try? Manifest(entries: entries) else { return nil }
        return DirectoryResult(
            path: walked.tree.root, digest: manifest.digest, files: entries.count, size: manifest.totalSize)
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func fileSize(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }
}
