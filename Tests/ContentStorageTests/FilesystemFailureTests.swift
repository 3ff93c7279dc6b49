import ContentStorage
import Digests
import Foundation
import Testing
import TestSupport

/// Mounts a small tmpfs (root only); these tests are skipped, with that reason, where mounting fails.
enum ScratchMount {
    static let available: Bool = {
        guard getuid() == 0, let directory = try? TemporaryDirectory() else { return false }
        guard mount(directory.path, size: "64k", readOnly: false) else { return false }
        unmount(directory.path)
        return true
    }()

    static func mount(_ path: String, size: String, readOnly: Bool) -> Bool {
        run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)" + (readOnly ? ",ro" : ""), "tmpfs", path])
    }

    static func unmount(_ path: String) {
        _ = run("/bin/umount", [path])
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

@Suite("Content store on read-only and full file systems", .serialized)
struct FilesystemFailureTests {
    @Test(
        "a read-only store is a clear error that says what to do",
        .enabled(if: ScratchMount.available, "skipped: mounting a tmpfs needs root and mount(8)"))
    func readOnly() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/ro"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(ScratchMount.mount(root, size: "64k", readOnly: true))
        defer { ScratchMount.unmount(root) }
        let store = ContentStore(root: root)
        do {
            try store.put(bytes: Array("data".utf8))
            Issue.record("put succeeded on a read-only store")
        } catch {
            guard case .notWritable = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.description.contains(root))
            #expect(error.description.contains("GLASSBOX_HOME"))
        }
    }

    @Test(
        "a full disk stores nothing, leaves no temporary file, and the store still works afterwards",
        .enabled(if: ScratchMount.available, "skipped: mounting a tmpfs needs root and mount(8)"))
    func fullDisk() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/small"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(ScratchMount.mount(root, size: "256k", readOnly: false))
        defer { ScratchMount.unmount(root) }
        let store = ContentStore(root: root)
        let big = try directory.write("big.bin", patternBytes(count: 1 << 20))
        do {
            try store.put(fileAt: big)
            Issue.record("put of 1 MiB succeeded on a 256 KiB file system")
        } catch {
            guard case let .diskFull(path) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path.hasPrefix(root))
        }
        #expect(try store.list().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp").isEmpty)
        let small = try store.put(bytes: Array("fits".utf8))
        #expect(store.has(small.digest))
    }
}
