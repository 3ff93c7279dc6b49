/// A job's state as `scontrol -o show job` (or `squeue -t all`) reports it; no `sacct`, which needs
/// slurmdbd.
public struct SlurmJobState: Sendable, Equatable, Codable {
    /// Where a job is, in glassbox's words.
    public enum Phase: String, Sendable, Codable {
        /// Waiting for resources or for its dependencies.
        case pending
        /// Running (or completing).
        case running
        /// Finished with exit code 0.
        case done
        /// Failed, cancelled, timed out, pre-empted, out of memory, or its dependency failed.
        case failed
        /// Slurm no longer knows the job (purged after MinJobAge) or could not be asked.
        case unknown
    }

    /// Slurm's JobState (`PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, …).
    public let state: String
    /// Slurm's Reason (`Dependency`, `Resources`, `DependencyNeverSatisfied`, `NonZeroExitCode`, …).
    public let reason: String
    /// Slurm's ExitCode (`0:0`, `1:0`, `0:15`).
    public let exitCode: String

    /// A state from Slurm's fields.
    public init(state: String, reason: String = "", exitCode: String = "") {
        self.state = state
        self.reason = reason
        self.exitCode = exitCode
    }

    /// The state of a job Slurm does not know.
    public static let unknown = SlurmJobState(state: "UNKNOWN")

    /// The phase of `state`.
    public var phase: Phase {
        switch state.split(separator: "+").first.map(String.init) ?? state {
        case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED":
            reason == "DependencyNeverSatisfied" ? .failed : .pending
        case "RUNNING", "CONFIGURING", "COMPLETING", "STAGE_OUT", "RESIZING", "SIGNALING":
            .running
        case "COMPLETED":
            .done
        case "UNKNOWN":
            .unknown
        default:
            .failed
        }
    }

    /// Parses one line of `scontrol -o show job ID` (`Key=Value` fields separated by spaces).
    static func parse(scontrol line: String) -> SlurmJobState? {
        var fields: [String: String] = [:]
        for token in line.split(separator: " ") {
            guard let equals = token.firstIndex(of: "=") else { continue }
            let key = String(token[..<equals])
            if fields[key] == nil { fields[key] = String(token[token.index(after: equals)...]) }
        }
        guard let state = fields["JobState"] else { return nil }
        return SlurmJobState(state: state, reason: fields["Reason"] ?? "", exitCode: fields["ExitCode"] ?? "")
    }

    /// Parses `squeue -h -t all -j ID -o '%i|%T|%r'`.
    static func parse(squeue line: String) -> SlurmJobState? {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, !parts[1].isEmpty else { return nil }
        return SlurmJobState(state: parts[1], reason: parts[2])
    }
}
