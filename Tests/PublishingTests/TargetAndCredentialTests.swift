import Foundation
import Digests
import Testing
import TestSupport
@testable import Publishing

@Suite("targets, credentials and LFS rules")
struct TargetAndCredentialTests {
    @Test("URLs: the user is split off, git+ and WebDAV forms are recognised, other schemes refused")
    func parsing() throws {
        let git = try PublishTarget.parse("git+https://alice@hf.example/org/model")
        #expect(git.target == .git(url: "https://hf.example/org/model") && git.user == "alice")
        #expect(try PublishTarget.parse("https://dav.example/models/x").target == .webDAV(baseURL: "https://dav.example/models/x/"))
        #expect(try PublishTarget.parse("file:///srv/models/x").target == .directory(path: "/srv/models/x"))
        #expect(try PublishTarget.parse("git+file:///srv/git/m.git").target == .git(url: "file:///srv/git/m.git"))
        #expect(throws: PublishError.unsupportedScheme(url: "s3://bucket/x", scheme: "s3")) { try PublishTarget.parse("s3://bucket/x") }
        #expect { try PublishTarget.parse("https://bob:s3cret@dav.example/x/") } throws: { error in
            let text = (error as? PublishError)?.description ?? ""
            return text.contains("holds a password") && !text.contains("s3cret")
        }
    }

    @Test("credentials: --token-file, then GLASSBOX_TOKEN, then ~/.netrc; user from the URL, then the netrc login")
    func credentialOrder() throws {
        let folder = try TemporaryDirectory()
        let netrc = try folder.write("netrc", text: "machine other login x password y\nmachine dav.example\n  login carol\n  password from-netrc\ndefault login anon password anon-pass\n")
        let tokenFile = try folder.write("token", text: "from-file\nignored\n")
        let env = ["GLASSBOX_TOKEN": "from-env"]
        let fromNetrc = try PublishCredentials.resolve(host: "dav.example", urlUser: nil, tokenFile: nil, environment: [:], netrcPath: netrc)
        #expect(fromNetrc.user == "carol" && fromNetrc.secret == "from-netrc")
        let fromEnv = try PublishCredentials.resolve(host: "dav.example", urlUser: "dave", tokenFile: nil, environment: env, netrcPath: netrc)
        #expect(fromEnv.user == "dave" && fromEnv.secret == "from-env")
        let fromFile = try PublishCredentials.resolve(host: "dav.example", urlUser: nil, tokenFile: tokenFile, environment: env, netrcPath: netrc)
        #expect(fromFile.secret == "from-file" && fromFile.user == "carol")
        let fallback = try PublishCredentials.resolve(host: "elsewhere", urlUser: nil, tokenFile: nil, environment: [:], netrcPath: netrc)
        #expect(fallback.user == "anon" && fallback.secret == "anon-pass")
        let tokenOnly = try PublishCredentials.resolve(host: "h", urlUser: nil, tokenFile: nil, environment: env, netrcPath: "/nonexistent")
        #expect(tokenOnly.user == PublishCredentials.defaultUser)
        #expect(!"\(fromFile)".contains("from-file"))
        #expect(fromFile.redact("a from-file b") == "a *** b")
        #expect(throws: PublishError.self) { try PublishCredentials.resolve(host: "h", urlUser: nil, tokenFile: folder.path + "/none", environment: [:]) }
    }

    @Test(".gitattributes: Hugging Face's line format, existing lines kept, their LFS patterns honoured, large files by path")
    func lfsRules() {
        let existing = "*.7z filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.md text\n"
        let rules = LFSRules(existing: existing, files: [("model.safetensors", 10), ("data/big file.dat", 11 << 20), ("notes.7z", 5), ("README.md", 5)])
        #expect(rules.text == existing + "*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.gguf filter=lfs diff=lfs merge=lfs -text\n"
            + "data/big[[:space:]]file.dat filter=lfs diff=lfs merge=lfs -text\n")
        #expect(rules.isLFS("model.safetensors") && rules.isLFS("sub/x.bin") && rules.isLFS("notes.7z") && rules.isLFS("data/big file.dat"))
        #expect(!rules.isLFS("README.md") && !rules.isLFS("config.json"))
        let fresh = LFSRules(existing: nil, files: [])
        #expect(fresh.text == "*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.gguf filter=lfs diff=lfs merge=lfs -text\n")
    }

    @Test("an LFS pointer is the Git LFS spec v1 text (git-lfs itself reads the committed pointers in GitPublishTests)")
    func pointer() throws {
        let digest = try Digests.Digest(hex: String(repeating: "ab", count: 32))
        #expect(String(decoding: LFSPointer(digest: digest, size: 1234).bytes, as: UTF8.self)
            == "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "ab", count: 32))\nsize 1234\n")
    }
}
