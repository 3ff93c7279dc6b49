import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-node Slurm 22.05 cluster on loopback, all of it inside a temporary directory: munged,
/// slurmctld and slurmd started by the test and stopped (by pid) when it is released. The node
/// claims 8 CPUs (`SlurmdParameters=config_overrides`), so a 2-core machine runs 4 ranks.
final class SlurmTestCluster {
    let directory: String
    private var pids: [pid_t] = []

    /// Environment for the Slurm clients (and for glassbox, which runs them).
    var environment: [String: String] { ["SLURM_CONF": directory + "/slurm.conf"] }

    /// Starts munged, slurmctld and slurmd and waits until the node is idle.
    init(directory: String) throws {
        self.directory = directory
        for sub in ["munge", "state", "spool", "log"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        chmod(directory + "/munge", 0o755)
        try tool("mungekey", ["--create", "--keyfile=\(directory)/munge.key"])
        try daemon("munged", ["--socket=\(directory)/munge/munge.sock", "--key-file=\(directory)/munge.key",
                              "--pid-file=\(directory)/munge/munged.pid", "--log-file=\(directory)/log/munged.log",
                              "--seed-file=\(directory)/munge/seed", "--force"], pidFile: directory + "/munge/munged.pid")
        try Data(try configuration().utf8).write(to: URL(fileURLWithPath: directory + "/slurm.conf"))
        try daemon("slurmctld", ["-f", directory + "/slurm.conf", "-i"], pidFile: directory + "/slurmctld.pid")
        try daemon("slurmd", ["-f", directory + "/slurm.conf", "-N", Self.hostName], pidFile: directory + "/slurmd.pid")
        try waitFor { (try? self.tool("sinfo", ["-h", "-o", "%t"]).stdout.hasPrefix("idle")) == true }
    }

    deinit {
        for pid in pids.reversed() { kill(pid, SIGTERM) }
        for pid in pids.reversed() {
            for _ in 0..<50 where Self.alive(pid) { usleep(100_000) }
            if Self.alive(pid) { kill(pid, SIGKILL) }
        }
    }

    /// Starts a daemon (it forks into the background) and records its pid from `pidFile`. It is
    /// started through bash with every inherited descriptor above 2 closed: Foundation's Process
    /// watches each child through a socket the child inherits, and a daemon keeping one of those
    /// open would leave that Process waiting forever.
    private func daemon(_ name: String, _ arguments: [String], pidFile: String) throws {
        guard let path = HPCPackages.path(of: name) else { throw GlassboxProcess.HarnessError(description: "\(name) is not installed") }
        let closeAndExec = "for fd in /proc/$$/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done 2>/dev/null; exec \"$0\" \"$@\""
        let output = try GlassboxProcess.runTool("/bin/bash", ["-c", closeAndExec, path] + arguments, env: environment)
        guard output.status == 0 else {
            throw GlassboxProcess.HarnessError(description: "\(name) failed to start: \(output.stderr)\(logs())")
        }
        try waitFor {
            guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                  let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), Self.alive(pid) else { return false }
            pids.append(pid)
            return true
        }
    }

    /// Polls `ready` every 0.1 s for up to 20 s.
    private func waitFor(_ ready: () -> Bool) throws {
        for _ in 0..<200 {
            if ready() { return }
            usleep(100_000)
        }
        throw GlassboxProcess.HarnessError(description: "the test cluster did not start\(logs())")
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        return String(cString: buffer).split(separator: ".").first.map(String.init) ?? "localhost"
    }

    /// The slurm.conf: the node line from `slurmd -C` with 8 CPUs, every path in `directory`.
    func configuration() throws -> String {
        let host = Self.hostName
        let (controller, node) = (try Self.freePort(), try Self.freePort())
        let d = directory
        return """
            ClusterName=glassboxtest
            SlurmctldHost=\(host)(127.0.0.1)
            SlurmctldPort=\(controller)
            SlurmdPort=\(node)
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket=\(d)/munge/munge.sock
            CredType=cred/munge
            StateSaveLocation=\(d)/state
            SlurmdSpoolDir=\(d)/spool
            SlurmctldPidFile=\(d)/slurmctld.pid
            SlurmdPidFile=\(d)/slurmd.pid
            SlurmctldLogFile=\(d)/log/slurmctld.log
            SlurmdLogFile=\(d)/log/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            MpiDefault=pmix
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            JobAcctGatherType=jobacct_gather/none
            MailProg=/bin/true
            ReturnToService=2
            EnforcePartLimits=ALL
            DependencyParameters=kill_invalid_depend
            SchedulerParameters=batch_sched_delay=0
            MinJobAge=3600
            KillWait=5
            SlurmdParameters=config_overrides
            NodeName=\(host) NodeAddr=127.0.0.1 CPUs=8 RealMemory=2000 State=UNKNOWN
            PartitionName=debug Nodes=\(host) Default=YES MaxTime=INFINITE State=UP

            """
    }

    /// Runs a Slurm or munge tool to completion; throws with its stderr on failure.
    @discardableResult
    func tool(_ name: String, _ arguments: [String]) throws -> GlassboxProcess.Output {
        guard let path = HPCPackages.path(of: name) else { throw GlassboxProcess.HarnessError(description: "\(name) is not installed") }
        let output = try GlassboxProcess.runTool(path, arguments, env: environment)
        guard output.status == 0 else {
            throw GlassboxProcess.HarnessError(description: "\(name) \(arguments.joined(separator: " ")) failed: \(output.stderr)\(logs())")
        }
        return output
    }

    /// The state of job `id` (`JobState=` of `scontrol -o show job`).
    func jobState(_ id: String) throws -> String {
        let line = try tool("scontrol", ["-o", "show", "job", id]).stdout
        return line.split(separator: " ").first { $0.hasPrefix("JobState=") }.map { String($0.dropFirst(9)) } ?? "?"
    }

    /// The tails of the daemon logs, for failure messages.
    func logs() -> String {
        ["slurmctld.log", "slurmd.log", "munged.log"].map { name in
            let text = (try? String(contentsOfFile: directory + "/log/" + name, encoding: .utf8)) ?? ""
            return "\n--- \(name):\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
        }.joined()
    }

    /// A process is alive when /proc/PID/stat exists and its state is not Z (PID 1 here does not reap).
    static func alive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// A free TCP port on 127.0.0.1 (bound with SO_REUSEADDR, as the daemons will bind it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw GlassboxProcess.HarnessError(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
