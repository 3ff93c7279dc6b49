import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("glassbox-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `url` + `path`.
    func path(_ path: String) -> URL { url.appendingPathComponent(path) }

    /// Writes `data` at `path` (parents created) and returns its URL.
    @discardableResult
    func write(_ data: Data, to path: String) throws -> URL {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target
    }

    /// The sorted relative paths of every entry under `path` (hidden ones included).
    func listing(_ path: String) -> [String] {
        (FileManager.default.enumerator(atPath: url.appendingPathComponent(path).path)?.allObjects as? [String] ?? []).sorted()
    }
}

/// Runs a command to completion; throws with its output if it fails.
@discardableResult
func shell(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw ShellFailure(command: arguments.joined(separator: " "), output: text)
    }
    return text
}

struct ShellFailure: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "`\(command)` failed: \(output)" }
}

/// Deterministic pseudo-random bytes (a 64-bit LCG), so tests need no fixture files.
func sampleBytes(_ count: Int, seed: UInt64 = 1) -> Data {
    var state = seed
    var bytes = [UInt8](repeating: 0, count: count)
    for index in 0..<count {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
    }
    return Data(bytes)
}
