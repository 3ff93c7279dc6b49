import Foundation
import Testing
import TestSupport

/// No command deletes or replaces what the user did not name: `build --out`, `train --output`,
/// `tokenizer train --out`, `data prepare/fetch --out`, `store export --file`, `sign`, `keygen --out`.
@Suite("glassbox never replaces what it did not write")
struct OutputSafetyTests {
    /// A project folder with a starter recipe, notes and data, as a new user has it.
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let made = try GlassboxProcess.run(["recipe", "init", "--out", "base.toml"], cwd: directory.path)
        #expect(made.status == 0, "\(made.stderr)")
        _ = try directory.write("notes.txt", Array("my notes\n".utf8))
        _ = try directory.write("data/corpus-cs.txt", Array("Ahoj světe.\nDobrý den.\n".utf8))
        return directory
    }

    private func names(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("build --out . refuses the project folder and keeps the recipe, notes and data")
    func buildIntoProjectFolder() throws {
        let directory = try project()
        let before = names(directory.path)
        let result = try GlassboxProcess.run(["build", "base.toml", "--out", "."], env: ["GLASSBOX_HOME": directory.path + "/.store"], cwd: directory.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to replace"), "\(result.stderr)")
        #expect(result.stderr.contains("--force"))
        #expect(names(directory.path).filter { $0 != ".store" } == before)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/data/corpus-cs.txt"))
    }

    @Test("build --out FILE refuses a regular file and leaves it as it was")
    func buildOverAFile() throws {
        let directory = try project()
        let result = try GlassboxProcess.run(["build", "base.toml", "--out", "notes.txt"], env: ["GLASSBOX_HOME": directory.path + "/.store"], cwd: directory.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.txt") && result.stderr.contains("a regular file"), "\(result.stderr)")
        #expect(try String(contentsOfFile: directory.path + "/notes.txt", encoding: .utf8) == "my notes\n")
    }

    @Test("build with an --out that cannot be written fails before any step, naming --out's path")
    func buildUnwritable() throws {
        let directory = try project()
        let result = try GlassboxProcess.run(["build", "base.toml", "--out", "notes.txt/release"], env: ["GLASSBOX_HOME": directory.path + "/.store"], cwd: directory.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.txt/release") && result.stderr.contains("is not a directory"), "\(result.stderr)")
        #expect(!result.stderr.contains(".tmp-"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.store/builder"), "a step ran")
    }

    @Test("train, tokenizer train and data prepare refuse to overwrite files already in their output folder")
    func folderWritersRefuseExistingFiles() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("out/model.safetensors", Array("mine".utf8))
        _ = try directory.write("out/tokenizer.json", Array("mine".utf8))
        _ = try directory.write("out/stats.json", Array("mine".utf8))
        let out = directory.path + "/out"
        let runs: [[String]] = [
            ["train", "--config", "c.json", "--options", "o.json", "--tokens", "t.jsonl", "--output", out],
            ["tokenizer", "train", "--data", "d.txt", "--vocab-size", "300", "--out", out],
            ["data", "prepare", directory.path, "--out", out],
        ]
        for args in runs {
            let result = try GlassboxProcess.run(args, cwd: directory.path)
            #expect(result.status == 1, "\(args[0]): \(result.stderr)")
            #expect(result.stderr.contains("refusing to overwrite") && result.stderr.contains("--force"), "\(args[0]): \(result.stderr)")
        }
        for name in ["model.safetensors", "tokenizer.json", "stats.json"] {
            #expect(try String(contentsOfFile: out + "/" + name, encoding: .utf8) == "mine")
        }
        let onFile = try GlassboxProcess.run(["data", "prepare", directory.path, "--out", out + "/stats.json"], cwd: directory.path)
        #expect(onFile.status == 1 && onFile.stderr.contains("is a file, not a folder"), "\(onFile.stderr)")
    }

    @Test("data fetch --out keeps an existing file with other bytes unless --force; identical bytes are fine")
    func fetchKeepsExistingFiles() throws {
        let directory = try TemporaryDirectory()
        let source = try directory.write("src/corpus.txt", Array("new text\n".utf8))
        _ = try directory.write("out/corpus.txt", Array("my edits\n".utf8))
        let out = directory.path + "/out"
        let refused = try GlassboxProcess.run(["data", "fetch", "file:" + source, "--out", out, "--no-progress"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: out + "/corpus.txt", encoding: .utf8) == "my edits\n")
        #expect(names(out) == ["corpus.txt"])
        let forced = try GlassboxProcess.run(["data", "fetch", "file:" + source, "--out", out, "--no-progress", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out + "/corpus.txt", encoding: .utf8) == "new text\n")
        let again = try GlassboxProcess.run(["data", "fetch", "file:" + source, "--out", out, "--no-progress"])
        #expect(again.status == 0, "identical bytes are not a conflict: \(again.stderr)")
    }

    @Test("keygen --out keys/provider creates keys/")
    func keygenCreatesFolders() throws {
        let directory = try TemporaryDirectory()
        let result = try GlassboxProcess.run(["keygen", "--out", "keys/provider"], cwd: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/keys/provider.pem"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/keys/provider.pub"))
    }

    @Test("store export --file refuses an existing DEST unless --force")
    func storeExportFile() throws {
        let directory = try TemporaryDirectory()
        let home = directory.path + "/store"
        let file = try directory.write("object.txt", Array("stored\n".utf8))
        _ = try directory.write("notes.txt", Array("my notes\n".utf8))
        let put = try GlassboxProcess.run(["store", "put", file], env: ["GLASSBOX_HOME": home])
        let digest = put.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try GlassboxProcess.run(["store", "export", "--file", digest, directory.path + "/notes.txt"], env: ["GLASSBOX_HOME": home])
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: directory.path + "/notes.txt", encoding: .utf8) == "my notes\n")
        let forced = try GlassboxProcess.run(["store", "export", "--file", "--force", digest, directory.path + "/notes.txt"], env: ["GLASSBOX_HOME": home])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: directory.path + "/notes.txt", encoding: .utf8) == "stored\n")
    }

    @Test("sign refuses to replace a SHA256SUMS it did not write (no model.sig beside it)")
    func signKeepsForeignChecksums() throws {
        let directory = try TemporaryDirectory()
        _ = try GlassboxProcess.run(["keygen", "--out", "k"], cwd: directory.path)
        _ = try directory.write("folder/SHA256SUMS", Array("mine\n".utf8))
        _ = try directory.write("folder/a.txt", Array("a\n".utf8))
        let result = try GlassboxProcess.run(["sign", "folder", "--key", "k.pem"], cwd: directory.path)
        #expect(result.status == 1 && result.stderr.contains("--force"), "\(result.stderr)")
        #expect(try String(contentsOfFile: directory.path + "/folder/SHA256SUMS", encoding: .utf8) == "mine\n")
    }
}
