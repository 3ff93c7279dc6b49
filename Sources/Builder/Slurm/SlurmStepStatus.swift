import Foundation

/// One line of `glassbox status`: a step of a Slurm submission and where its job is.
public struct SlurmStepStatus: Codable, Sendable, Equatable {
    /// Step id, or `release`.
    public let step: String
    /// Slurm job id (nil for a step that was cached and not submitted).
    public let jobID: String?
    /// pending, running, done, failed, unknown; `cached` for a step not submitted because its outputs were in the store.
    public let phase: String
    /// Slurm's state, reason and exit code (nil for cached steps).
    public let slurm: SlurmJobState?
    /// The job's log (Slurm's output file).
    public let log: String?

    enum CodingKeys: String, CodingKey {
        case step, phase, slurm, log
        case jobID = "job_id"
    }

    /// The statuses of every step of `submission`: cached steps first, then each job as Slurm reports it.
    public static func of(_ submission: SlurmSubmission) -> [SlurmStepStatus] {
        submission.cached.map { SlurmStepStatus(step: $0, jobID: nil, phase: "cached", slurm: nil, log: nil) }
            + submission.jobs.map { job in
                let state = SlurmCommands.state(of: job.jobID)
                return SlurmStepStatus(step: job.step, jobID: job.jobID, phase: state.phase.rawValue, slurm: state, log: job.log)
            }
    }

    /// The last line of a running job's log (its newest progress line), if any.
    public var latestLogLine: String? {
        guard phase == "running", let log, let data = FileManager.default.contents(atPath: log) else { return nil }
        let tail = data.suffix(4096)
        return String(decoding: tail, as: UTF8.self).split(separator: "\n").last.map(String.init)
    }

    /// A one-line description: `train  job 12  running`, `evaluate  job 13  failed (FAILED, exit 1:0) log …`.
    public var line: String {
        let job = jobID.map { "job \($0)" } ?? "-"
        var text = "\(step.padding(toLength: max(step.count, 18), withPad: " ", startingAt: 0)) \(job.padding(toLength: 10, withPad: " ", startingAt: 0)) \(phase)"
        if let slurm, phase != "done" {
            let details = [slurm.state, slurm.reason.isEmpty || slurm.reason == "None" ? nil : slurm.reason,
                           phase == "failed" && !slurm.exitCode.isEmpty ? "exit \(slurm.exitCode)" : nil].compactMap { $0 }
            text += " (\(details.joined(separator: ", ")))"
        }
        if phase == "failed", let log { text += " — log: \(log)" }
        return text
    }
}
