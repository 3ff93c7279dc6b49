import Foundation

extension SlurmBuild {
    /// Blocks until the release job of `submission` finished, reporting each step whose phase changed
    /// (polling `scontrol` every `interval` seconds) and each new last line of a running job's log
    /// (`progress`). Throws when a job failed, naming its log.
    public static func wait(
        for submission: SlurmSubmission, interval: Double = 2, report: ([SlurmStepStatus]) -> Void,
        progress: (SlurmStepStatus, String) -> Void = { _, _ in }
    ) throws(BuildError) {
        var lastLines: [String: String] = [:]
        var last = Dictionary(uniqueKeysWithValues: submission.cached.map { ($0, "cached") })
        var unknownPolls = 0
        while true {
            let statuses = SlurmStepStatus.of(submission)
            let changed = statuses.filter { last[$0.step] != $0.phase }
            if !changed.isEmpty { report(changed) }
            for status in statuses { last[status.step] = status.phase }
            for status in statuses {
                if let line = status.latestLogLine, line != lastLines[status.step] {
                    lastLines[status.step] = line
                    progress(status, line)
                }
            }
            if let failed = statuses.first(where: { $0.phase == "failed" }) {
                throw BuildError.slurm("step \(failed.step) failed: job \(failed.jobID ?? "?") \(failed.slurm?.state ?? "")"
                    + (failed.slurm.map { $0.reason.isEmpty ? "" : " (\($0.reason), exit \($0.exitCode))" } ?? "")
                    + "; log: \(failed.log ?? "none"). Fix the cause and run `glassbox build \(submission.recipe) --executor slurm` "
                    + "again: finished steps are cached and training resumes from its last checkpoint")
            }
            if statuses.last?.phase == "done" { return }
            unknownPolls = statuses.contains { $0.phase == "unknown" } ? unknownPolls + 1 : 0
            if unknownPolls >= 15 {
                let lost = statuses.filter { $0.phase == "unknown" }.map { "\($0.step) (job \($0.jobID ?? "?"))" }
                throw BuildError.slurm("Slurm does not know the jobs \(lost.joined(separator: ", ")) any more; check `squeue`, "
                    + "then run `glassbox build \(submission.recipe) --executor slurm` again (finished steps are cached)")
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
