import Foundation
import Verification

/// Publishes a release directory to a target: checks that it verifies, then sends what the target
/// lacks, in an order that never shows a reader half a release under final names.
///
/// ```swift
/// let publisher = Publisher(target: "git+https://huggingface.co/org/model", credentials: credentials, options: options)
/// let report = try publisher.publish(URL(fileURLWithPath: "Releases/tiny-1.0"), progress: nil)
/// ```
public struct Publisher {
    /// Where the release goes.
    public let target: PublishTarget
    /// The user and secret sent to the target.
    public let credentials: PublishCredentials
    /// How.
    public let options: PublishOptions

    /// A publisher for an already parsed target.
    public init(target: PublishTarget, credentials: PublishCredentials, options: PublishOptions) {
        self.target = target
        self.credentials = credentials
        self.options = options
    }

    /// Verifies `directory` and publishes it; nothing is sent when it does not verify.
    public func publish(_ directory: URL, progress: PublishProgress?) throws(PublishError) -> PublishReport {
        let payload = try ReleasePayload(directory: directory, publicKey: options.publicKey)
        return try publish(payload, progress: progress)
    }

    /// Publishes an already verified payload.
    public func publish(_ payload: ReleasePayload, progress: PublishProgress?) throws(PublishError) -> PublishReport {
        switch target {
        case let .directory(path):
            return try DirectoryTarget(root: URL(fileURLWithPath: path)).publish(payload, options: options, progress: progress)
        case let .webDAV(baseURL):
            let session = try RemoteSession(credentials: credentials, options: options, progress: progress)
            return try WebDAVTarget(baseURL: baseURL).publish(payload, session: session, options: options, progress: progress)
        case let .git(url):
            let session = try RemoteSession(credentials: credentials, options: options, progress: progress)
            return try GitTarget(url: url, session: session, options: options).publish(payload, progress: progress)
        }
    }
}
