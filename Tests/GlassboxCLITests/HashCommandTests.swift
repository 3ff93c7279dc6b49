import Foundation
import Testing
import TestSupport

@Suite("glassbox hash against sha256sum")
struct HashCommandTests {
    /// A tree whose names exercise Unicode, spaces and sha256sum's escaping.
    private func makeTree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("tree/plain.txt", text: "plain\n")
        try directory.write("tree/with space.txt", text: "spaced")
        try directory.write("tree/čeština/ünï côdé.txt", text: "Dobrý den, světe")
        try directory.write("tree/emoji 😀/日本語", patternBytes(count: 100_000))
        try directory.write("tree/back\\slash", text: "b")
        try directory.write("tree/new\nline", text: "n")
        try directory.write("tree/car\rriage", text: "r")
        try directory.write("tree/tab\tname", text: "t")
        try directory.write("tree/ lead space", text: "l")
        try directory.write("tree/empty", [])
        try directory.write("tree/big.bin", patternBytes(count: (1 << 20) + 1, seed: 7))
        return directory
    }

    private func sha256sum(_ args: [String], cwd: String) throws -> GlassboxProcess.Output {
        try GlassboxProcess.runTool("/usr/bin/sha256sum", args, cwd: cwd)
    }

    @Test("a directory prints exactly what sha256sum prints for its files in byte order")
    func directoryMatchesSha256sum() throws {
        let directory = try makeTree()
        let reference = try GlassboxProcess.runTool(
            "/bin/sh", ["-c", "find tree -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum"], cwd: directory.path)
        #expect(reference.status == 0)
        for threads in ["1", "3"] {
            let ours = try GlassboxProcess.run(["hash", "--threads", threads, "tree"], cwd: directory.path)
            #expect(ours.status == 0)
            #expect(ours.stdoutData == reference.stdoutData)
            #expect(ours.stderr.isEmpty)
        }
        #expect(reference.stdout.contains("\\"))
    }

    @Test("files given one by one print exactly what sha256sum prints")
    func filesMatchSha256sum() throws {
        let directory = try makeTree()
        let names = ["tree/with space.txt", "tree/new\nline", "tree/back\\slash", "tree/čeština/ünï côdé.txt",
                     "tree/empty", "tree/plain.txt", "tree/car\rriage"]
        let ours = try GlassboxProcess.run(["hash"] + names, cwd: directory.path)
        let reference = try sha256sum(names, cwd: directory.path)
        #expect(ours.status == 0)
        #expect(ours.stdoutData == reference.stdoutData)
        let stdin = try GlassboxProcess.run(["hash"], stdin: Data("from stdin".utf8))
        let referenceStdin = try GlassboxProcess.runTool("/usr/bin/sha256sum", [], stdin: Data("from stdin".utf8))
        #expect(stdin.stdoutData == referenceStdin.stdoutData)
    }

    @Test("--check agrees with sha256sum -c on a good list, a tampered list, and with --quiet/--status")
    func checkMatchesSha256sumCheck() throws {
        let directory = try makeTree()
        try writeSums(in: directory)
        try compareCheck(in: directory, expectedStatus: 0)
        try directory.write("tree/plain.txt", text: "tampered\n")
        try FileManager.default.removeItem(atPath: directory.path + "/tree/with space.txt")
        var sums = try String(contentsOfFile: directory.path + "/SUMS", encoding: .utf8)
        sums += "this line is not a checksum\n# a comment\n\n"
        sums += String(repeating: "0", count: 64) + " *tree/back\\slash\n"
        try directory.write("SUMS", text: sums)
        try compareCheck(in: directory, expectedStatus: 1)
    }

    @Test("--ignore-missing agrees with sha256sum: missing files skipped, other failures kept, none checked fails")
    func ignoreMissing() throws {
        let directory = try makeTree()
        try writeSums(in: directory)
        try FileManager.default.removeItem(atPath: directory.path + "/tree/plain.txt")
        try compareCheck(in: directory, expectedStatus: 0, extra: ["--ignore-missing"])
        try FileManager.default.removeItem(atPath: directory.path + "/tree/empty")
        try FileManager.default.createDirectory(atPath: directory.path + "/tree/empty", withIntermediateDirectories: false)
        try compareCheck(in: directory, expectedStatus: 1, extra: ["--ignore-missing"])
        try directory.write("SUMS", text: String(repeating: "0", count: 64) + "  gone\n" + String(repeating: "1", count: 64) + "  also-gone\n")
        try compareCheck(in: directory, expectedStatus: 1, extra: ["--ignore-missing"])
        let ours = try GlassboxProcess.run(["hash", "--check", "SUMS", "--ignore-missing"], cwd: directory.path)
        #expect(ours.stderr == "error: SUMS: no file was verified\n")
        let json = try GlassboxProcess.run(["hash", "--check", "SUMS", "--ignore-missing", "--json"], cwd: directory.path)
        #expect(json.status == 1)
    }

    /// SUMS: sha256sum's list of every file under tree/, in byte order.
    private func writeSums(in directory: TemporaryDirectory) throws {
        let list = try GlassboxProcess.runTool(
            "/bin/sh", ["-c", "find tree -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum > SUMS"],
            cwd: directory.path)
        #expect(list.status == 0)
    }

    private func compareCheck(in directory: TemporaryDirectory, expectedStatus: Int32, extra: [String] = []) throws {
        for flags in [[], ["--quiet"], ["--status"]].map({ $0 + extra }) {
            let ours = try GlassboxProcess.run(["hash", "--check", "SUMS"] + flags, cwd: directory.path)
            let reference = try sha256sum(["-c"] + flags + ["SUMS"], cwd: directory.path)
            #expect(ours.status == expectedStatus, "flags \(flags)")
            #expect(reference.status == expectedStatus, "flags \(flags)")
            #expect(ours.stdoutData == reference.stdoutData, "flags \(flags)")
            let warnings = reference.stderr.split(separator: "\n").filter { $0.contains("WARNING") }.count
            #expect(ours.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }.count == warnings)
        }
    }

    @Test("a list with no checksum line fails like sha256sum")
    func emptyList() throws {
        let directory = try TemporaryDirectory()
        try directory.write("SUMS", text: "nothing here\n")
        let ours = try GlassboxProcess.run(["hash", "-c", "SUMS"], cwd: directory.path)
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("error: SUMS: no properly formatted checksum lines found"))
        let missing = try GlassboxProcess.run(["hash", "-c", "absent-SUMS"], cwd: directory.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: ") && missing.stderr.contains("absent-SUMS"))
    }

    @Test("a missing file is reported on stderr with status 1; the others are still printed")
    func missingFile() throws {
        let directory = try makeTree()
        let ours = try GlassboxProcess.run(["hash", "tree/empty", "nope.txt", "tree/plain.txt"], cwd: directory.path)
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("error: cannot open 'nope.txt': No such file or directory"))
        #expect(ours.stdout.split(separator: "\n").count == 2)
    }

    @Test("a symbolic link inside a directory is an error naming it")
    func symlinkInTree() throws {
        let directory = try makeTree()
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/tree/link", withDestinationPath: "empty")
        let ours = try GlassboxProcess.run(["hash", "tree"], cwd: directory.path)
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("tree/link' is a symbolic link"))
    }

    @Test("--json gives sizes, digests and the directory's manifest digest")
    func json() throws {
        let directory = try makeTree()
        let ours = try GlassboxProcess.run(["hash", "--json", "tree"], cwd: directory.path)
        #expect(ours.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: ours.stdoutData) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 11)
        let directories = try #require(object["directories"] as? [[String: Any]])
        let digest = try #require(directories.first?["digest"] as? String)
        let home = directory.path + "/store"
        let imported = try GlassboxProcess.run(["store", "import", "tree"], env: ["GLASSBOX_HOME": home], cwd: directory.path)
        #expect(imported.stdout == digest + "\n")
    }

    @Test("usage errors exit 64", arguments: [
        ["hash", "--threads", "0", "x"], ["hash", "--check", "SUMS", "extra"], ["hash", "--quiet", "x"],
        ["no-such-command"], ["store", "gc"], ["store", "put", "--expect", "md5:00", "x"],
    ])
    func usage(args: [String]) throws {
        let result = try GlassboxProcess.run(args, env: ["GLASSBOX_HOME": NSTemporaryDirectory() + "glassbox-unused"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: "), "usage errors use the same `error:` prefix as every other error")
    }

    @Test("--help reads like a manual")
    func help() throws {
        let root = try GlassboxProcess.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("hash") && root.stdout.contains("store"))
        let hash = try GlassboxProcess.run(["hash", "--help"])
        #expect(hash.stdout.contains("Exit status") && hash.stdout.contains("Examples"))
    }
}
