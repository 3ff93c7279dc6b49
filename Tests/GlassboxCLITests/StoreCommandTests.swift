import Foundation
import Testing
import TestSupport

@Suite("glassbox store, across processes")
struct StoreCommandTests {
    private func objectFiles(_ home: String) -> [String] {
        let objects = home + "/objects/sha256"
        let prefixes = (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
        return prefixes.flatMap { prefix in
            ((try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + prefix)) ?? []).map { prefix + "/" + $0 }
        }
    }

    private func temporaryFiles(_ home: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: home + "/tmp")) ?? []
    }

    @Test("two processes putting the same object at once both succeed and store it once")
    func twoProcesses() async throws {
        let directory = try TemporaryDirectory()
        let home = directory.path + "/store"
        let file = try directory.write("big.bin", patternBytes(count: 24 << 20))
        let expected = try GlassboxProcess.runTool("/usr/bin/sha256sum", [file]).stdout.prefix(64)
        for round in 0..<3 {
            async let first = GlassboxProcess.run(["store", "put", file], env: ["GLASSBOX_HOME": home])
            async let second = GlassboxProcess.run(["store", "put", file], env: ["GLASSBOX_HOME": home])
            for output in try await [first, second] {
                #expect(output.status == 0, "round \(round): \(output.stderr)")
                #expect(output.stdout == "sha256:\(expected)\n")
            }
            #expect(objectFiles(home).count == 1)
            #expect(temporaryFiles(home).isEmpty)
            if round < 2 { try FileManager.default.removeItem(atPath: home) }
        }
        let fsck = try GlassboxProcess.run(["store", "fsck"], env: ["GLASSBOX_HOME": home])
        #expect(fsck.status == 0)
    }

    @Test("a put killed with SIGKILL leaves no object under a real name, and the next put succeeds")
    func killedDuringPut() throws {
        let directory = try TemporaryDirectory()
        let home = directory.path + "/store"
        let content = Data(patternBytes(count: 4 << 20))
        let (process, input) = try GlassboxProcess.start(["store", "put", "-"], env: ["GLASSBOX_HOME": home])
        input.fileHandleForWriting.write(content.prefix(1 << 20))
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let partial = temporaryFiles(home).compactMap { name -> Int? in
                let attributes = try? FileManager.default.attributesOfItem(atPath: home + "/tmp/" + name)
                return (attributes?[.size] as? NSNumber)?.intValue
            }
            if partial.contains(where: { $0 > 0 }) { break }
            usleep(20_000)
        }
        #expect(!temporaryFiles(home).isEmpty, "the child never started writing")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(GlassboxProcess.exitStatus(process) == 128 + SIGKILL)
        #expect(objectFiles(home).isEmpty)
        let retry = try GlassboxProcess.run(["store", "put", "-"], stdin: content, env: ["GLASSBOX_HOME": home])
        #expect(retry.status == 0)
        let expected = try GlassboxProcess.runTool("/usr/bin/sha256sum", [], stdin: content).stdout.prefix(64)
        #expect(retry.stdout == "sha256:\(expected)\n")
        #expect(objectFiles(home).count == 1)
        let fsck = try GlassboxProcess.run(["store", "fsck"], env: ["GLASSBOX_HOME": home])
        #expect(fsck.status == 0)
    }

    @Test("import, ls, export, fsck (exit 3 on a flipped byte) and gc through the CLI")
    func lifecycle() throws {
        let directory = try TemporaryDirectory()
        let env = ["GLASSBOX_HOME": directory.path + "/store"]
        try directory.write("data/a.txt", text: "alpha")
        try directory.write("data/b/c.bin", patternBytes(count: 50_000))
        let imported = try GlassboxProcess.run(["store", "import", "data"], env: env, cwd: directory.path)
        #expect(imported.status == 0)
        let digest = imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(digest.hasPrefix("sha256:"))
        let listing = try GlassboxProcess.run(["store", "ls"], env: env)
        #expect(listing.stdout.split(separator: "\n").count == 3)
        let exported = try GlassboxProcess.run(["store", "export", digest, "copy"], env: env, cwd: directory.path)
        #expect(exported.status == 0)
        let diff = try GlassboxProcess.runTool("/usr/bin/diff", ["-r", "data", "copy"], cwd: directory.path)
        #expect(diff.status == 0)
        let stray = try directory.write("stray.txt", text: "unreferenced")
        let put = try GlassboxProcess.run(["store", "put", stray], env: env)
        let strayDigest = put.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lock = try directory.write("recipe.lock.json", text: "{\"steps\":[{\"outputs\":{\"tree\":\"\(digest)\"}}]}")
        let gc = try GlassboxProcess.run(["store", "gc", "--keep", lock], env: env)
        #expect(gc.status == 0)
        #expect(gc.stdout.contains("removed \(strayDigest)"))
        #expect(gc.stdout.contains("12 bytes"))
        let hex = String(digest.dropFirst("sha256:".count))
        let manifestPath = directory.path + "/store/objects/sha256/\(hex.prefix(2))/\(hex)"
        chmod(manifestPath, 0o644)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        bytes[bytes.startIndex + 5] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: manifestPath))
        let fsck = try GlassboxProcess.run(["store", "fsck"], env: env)
        #expect(fsck.status == 3)
        #expect(fsck.stdout.contains("corrupt: \(digest)"))
        let after = try GlassboxProcess.run(["store", "fsck"], env: env)
        #expect(after.status == 0)
    }

    @Test("a store under a path that cannot be created is an error naming it, with status 1")
    func unwritableStore() throws {
        let directory = try TemporaryDirectory()
        let blocker = try directory.write("file-not-dir", text: "x")
        let file = try directory.write("input", text: "y")
        let result = try GlassboxProcess.run(["store", "put", file], env: ["GLASSBOX_HOME": blocker + "/store"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(blocker))
    }
}
