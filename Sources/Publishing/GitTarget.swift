import Fetching
import Foundation

/// Publishes into a git repository: fetch the branch into a scratch bare repository, commit the
/// release on top of it (LFS pointers for large files, see `LFSRules`), upload the LFS objects the
/// server lacks, then push. Identical trees mean the repository already holds the release: nothing is
/// uploaded or pushed. The scratch repository is deleted afterwards; credentials never touch its config.
struct GitTarget {
    /// `http(s)://…` or `file://…` (without `git+` and user information).
    let url: String
    let session: RemoteSession
    let options: PublishOptions

    /// The state between looking at the remote and changing it.
    final class Prepared {
        let scratch: URL
        let repository: GitPushRepository
        let tip: String?
        let plan: GitTreePlan
        var report: PublishReport

        init(scratch: URL, repository: GitPushRepository, tip: String?, plan: GitTreePlan, report: PublishReport) {
            self.scratch = scratch
            self.repository = repository
            self.tip = tip
            self.plan = plan
            self.report = report
        }

        deinit { try? FileManager.default.removeItem(at: scratch) }
    }

    func publish(_ payload: ReleasePayload, progress: PublishProgress?) throws(PublishError) -> PublishReport {
        let prepared = try prepare(payload, progress: progress)
        if prepared.report.unchanged || options.dryRun { return prepared.report }
        return try complete(prepared, payload: payload, progress: progress)
    }

    /// Fetches the branch and builds the new tree; says which files change, or that none does.
    func prepare(_ payload: ReleasePayload, progress: PublishProgress?) throws(PublishError) -> Prepared {
        var report = PublishReport(target: "git+\(url)", kind: "git", dryRun: options.dryRun)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("glassbox-publish-\(UUID().uuidString).git")
        let repository: GitPushRepository
        do {
            repository = try Self.wrap(url) { () throws(FetchError) in try GitPushRepository(path: scratch) }
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        if let caBundle = options.caBundle { try Self.wrap(url) { () throws(FetchError) in try GitPushRepository.useCABundle(caBundle) } }
        let credentials = session.credentials.basic
        let tip = try retrying { () throws(FetchError) in try repository.fetch(url: url, branch: options.branch, credentials: credentials) }
        let remoteFiles = try tip.map { commit throws(PublishError) in try Self.wrap(url) { () throws(FetchError) in try repository.files(ofCommit: commit) } } ?? []
        let plan = try GitTreePlan(payload: payload, remoteFiles: remoteFiles, repository: repository)
        let remote = Dictionary(remoteFiles.map { ($0.path, $0.blobID) }, uniquingKeysWith: { first, _ in first })
        for file in payload.files {
            if remote[file.path] == plan.blobIDs[file.path] {
                report.skipped.append(file.path)
            } else {
                report.sent.append(file.path)
                report.bytesSent += file.size
            }
        }
        if !plan.kept.isEmpty { progress?.note("kept in the repository, not part of the release: \(plan.kept.joined(separator: ", "))") }
        if tip != nil, Set(remoteFiles) == Set(plan.entries) {
            report.commit = tip
            report.unchanged = true
        }
        return Prepared(scratch: scratch, repository: repository, tip: tip, plan: plan, report: report)
    }

    /// Uploads the LFS objects, commits and pushes.
    func complete(_ prepared: Prepared, payload: ReleasePayload, progress: PublishProgress?) throws(PublishError) -> PublishReport {
        var report = prepared.report
        report.lfsObjectsSent = try uploadObjects(prepared.plan.lfsObjects, progress: progress)
        let message = options.message ?? "Publish \(payload.directory.lastPathComponent) with Glassbox"
        let commit = try Self.wrap(url) { () throws(FetchError) in
            try prepared.repository.commit(
                files: prepared.plan.entries, parent: prepared.tip, branch: options.branch, message: message, author: options.author)
        }
        progress?.note("pushing commit \(commit.commit.prefix(12)) to \(options.branch)")
        let credentials = session.credentials.basic
        try retrying { () throws(FetchError) in
            try prepared.repository.push(url: url, branch: options.branch, force: options.force, credentials: credentials)
        }
        report.commit = commit.commit
        return report
    }

    /// LFS objects to the server's batch API, or into the repository folder for `file://`.
    private func uploadObjects(_ objects: [ReleaseFile], progress: PublishProgress?) throws(PublishError) -> Int {
        guard !objects.isEmpty else { return 0 }
        if url.hasPrefix("file://"), let path = URLComponents(string: url)?.path {
            return try LocalLFSStore(repository: path).store(objects, progress: progress).count
        }
        return try LFSClient(repositoryURL: url, session: session).upload(objects, branch: options.branch, progress: progress).count
    }

    /// Runs `body`, trying again (up to `maxAttempts`) after a dropped connection.
    private func retrying<T>(_ body: () throws(FetchError) -> T) throws(PublishError) -> T {
        var attempt = 1
        while true {
            do {
                return try body()
            } catch {
                if case .transport(_, _, true) = error, attempt < options.maxAttempts {
                    Thread.sleep(forTimeInterval: options.backoff * pow(2, Double(attempt - 1)))
                    attempt += 1
                    continue
                }
                throw mapped(error)
            }
        }
    }
}
