import Foundation
import TestSupport

/// Runs the built `glassbox` binary (or any tool) as a child process, for end-to-end CLI tests.
///
/// The binary is the one next to the test bundle (`.build/release/glassbox` under `make test`); set
/// `GLASSBOX_BIN` to test another. Output goes through temporary files, so a chatty child never blocks.
///
///     let result = try GlassboxProcess.run(["hash", "file.txt"], env: ["GLASSBOX_HOME": store])
///     #expect(result.status == 0)
///     #expect(result.stdout == "…  file.txt\n")
enum GlassboxProcess {
    /// What a finished child process left behind.
    struct Output: Sendable {
        /// Exit status (or 128 + signal number when killed by a signal).
        let status: Int32
        /// Raw standard output.
        let stdoutData: Data
        /// Raw standard error.
        let stderrData: Data
        /// Standard output as UTF-8 text.
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    }

    /// Failures of the harness itself (not of the command under test).
    struct HarnessError: Error, CustomStringConvertible {
        let description: String
    }

    /// The `glassbox` executable under test.
    static func executable() throws -> String {
        if let override = ProcessInfo.processInfo.environment["GLASSBOX_BIN"], !override.isEmpty { return override }
        var candidates = [String]()
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("glassbox").path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/release/glassbox").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw HarnessError(description: "glassbox binary not found (looked at \(candidates)); run `make build` "
            + "or `swift build -c release --product glassbox` first, or set GLASSBOX_BIN")
    }

    /// Runs `glassbox args…` to completion. `env` is added to (and overrides) this process's environment.
    static func run(
        _ args: [String], stdin: Data? = nil, env: [String: String] = [:], cwd: String? = nil
    ) throws -> Output {
        try runTool(try executable(), args, stdin: stdin, env: env, cwd: cwd)
    }

    /// Runs any executable (e.g. `/usr/bin/sha256sum`) the same way, for side-by-side comparisons.
    static func runTool(
        _ tool: String, _ args: [String], stdin: Data? = nil, env: [String: String] = [:], cwd: String? = nil
    ) throws -> Output {
        let scratch = try TemporaryDirectory.create(prefix: "glassbox-proc-")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try (stdin ?? Data()).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = configured(tool, args, env: env, cwd: cwd)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: exitStatus(process), stdoutData: try Data(contentsOf: outURL), stderrData: try Data(contentsOf: errURL))
    }

    /// Starts `glassbox args…` with a pipe on its standard input and returns at once (for kill tests).
    /// Standard output and error are discarded.
    static func start(_ args: [String], env: [String: String] = [:], cwd: String? = nil) throws -> (Process, Pipe) {
        let process = configured(try executable(), args, env: env, cwd: cwd)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, input)
    }

    /// The exit status of a finished process, with 128 + signal for a killed one (as a shell reports it).
    static func exitStatus(_ process: Process) -> Int32 {
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    private static func configured(_ tool: String, _ args: [String], env: [String: String], cwd: String?) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = args
        process.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        return process
    }
}
