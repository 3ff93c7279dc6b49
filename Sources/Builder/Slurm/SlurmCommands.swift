import Foundation

/// The Slurm client commands glassbox runs: `sbatch` to submit, `scontrol` (then `squeue`) to ask a
/// job's state, each found on `PATH` (`module load slurm` on sites that need it) and reading
/// `SLURM_CONF` from the environment as usual.
enum SlurmCommands {
    /// Runs `tool args…`; returns its standard output, or throws with its standard error.
    static func run(_ tool: String, _ arguments: [String]) throws(BuildError) -> String {
        guard let executable = find(tool) else {
            throw BuildError.slurm("`\(tool)` is not on PATH; run on a Slurm login node (or `module load slurm`), or build without --executor slurm")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw BuildError.slurm("cannot start \(executable.path): \(error.localizedDescription)")
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stdout, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BuildError.slurm("`\(tool) \(arguments.joined(separator: " "))` failed (exit \(process.terminationStatus)): \(message.isEmpty ? text : message)")
        }
        return text
    }

    /// Submits `script` after `dependencies` (job ids; a failed one cancels this job) and returns its id.
    static func submit(_ script: URL, after dependencies: [String]) throws(BuildError) -> String {
        var arguments = ["--parsable"]
        if !dependencies.isEmpty {
            arguments += ["--dependency=afterok:" + dependencies.joined(separator: ":"), "--kill-on-invalid-dep=yes"]
        }
        let output = try run("sbatch", arguments + [script.path])
        let id = output.split(separator: "\n").last.map { String($0.split(separator: ";").first ?? "") } ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw BuildError.slurm("sbatch \(script.path) printed no job id (output: \(output.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        return id
    }

    /// The state of job `id`: `scontrol -o show job`, else `squeue -h -t all`, else unknown.
    static func state(of id: String) -> SlurmJobState {
        if let line = try? run("scontrol", ["-o", "show", "job", id]), let state = SlurmJobState.parse(scontrol: line) {
            return state
        }
        if let line = try? run("squeue", ["-h", "-t", "all", "-j", id, "-o", "%i|%T|%r"]),
           let state = SlurmJobState.parse(squeue: line.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return state
        }
        return .unknown
    }

    /// `tool` in the directories of `PATH`.
    static func find(_ tool: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
