/// Receives per-file progress while a release is published (the CLI draws a line from it on a terminal).
public protocol PublishProgress: AnyObject {
    /// `path` (`size` bytes) starts being sent.
    func started(_ path: String, size: Int64)
    /// `bytes` of the current file have been sent.
    func advanced(_ bytes: Int64)
    /// `path` is done: sent, or skipped because the target already has it.
    func finished(_ path: String, size: Int64, skipped: Bool)
    /// A free-form note (a retry, an LFS batch…).
    func note(_ text: String)
}
