import Foundation

/// The Debian packages of the HPC tests (Open MPI, Slurm, munge): installed when missing (as root,
/// with apt-get) so the tests run on a clean machine; when that is impossible the tests are disabled
/// and the reason is printed.
enum HPCPackages {
    static let packages = ["openmpi-bin", "libopenmpi-dev", "slurmctld", "slurmd", "slurm-client", "munge"]
    static let tools = ["mpirun", "slurmctld", "slurmd", "sbatch", "scontrol", "squeue", "scancel", "munged", "mungekey"]

    /// True when every tool is on PATH (after installing what was missing).
    static let ready: Bool = {
        if missingTools().isEmpty { return true }
        guard getuid() == 0 else {
            report("not root, cannot install \(packages.joined(separator: " ")); run `make deps` first")
            return false
        }
        let install = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
            + packages.joined(separator: " ")
        let result = try? GlassboxProcess.runTool("/bin/sh", ["-c", install])
        let missing = missingTools()
        if !missing.isEmpty {
            report("apt-get could not install \(packages.joined(separator: " ")) (still missing: \(missing.joined(separator: ", "))): "
                + (result?.stderr.suffix(400).description ?? "apt-get did not run"))
        }
        return missing.isEmpty
    }()

    static func missingTools() -> [String] { tools.filter { path(of: $0) == nil } }

    /// `tool` on PATH (plus the sbin directories, where Debian puts the daemons).
    static func path(of tool: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/sbin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        return nil
    }

    static func report(_ reason: String) {
        FileHandle.standardError.write(Data("HPC tests skipped: \(reason)\n".utf8))
    }

    /// Environment for `mpirun` as root (Open MPI refuses root without these).
    static let mpiEnvironment = ["OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1", "OMPI_MCA_rmaps_base_oversubscribe": "1"]
}
