import Digests
import Foundation
import Testing

@testable import Verification

/// SHA256SUMS in `sha256sum -c` format.
struct ChecksumFileTests {
    static let a = Digest.sha256(of: "a")
    static let b = Digest.sha256(of: "b")

    @Test func rendersCoreutilsFormatAndParsesItBack() throws {
        let file = ChecksumFile(entries: [("config.json", Self.a), ("dir/x y.bin", Self.b), ("odd\\name\nx", Self.a)])
        let text = file.render()
        #expect(text.hasPrefix(Self.a.hex + "  config.json\n" + Self.b.hex + "  dir/x y.bin\n"))
        #expect(text.hasSuffix("\\" + Self.a.hex + "  odd\\\\name\\nx\n"))
        #expect(try ChecksumFile(parsing: text, path: "SHA256SUMS") == file)
    }

    @Test func readsBinaryFlagAndBSDTags() throws {
        let text = "\(Self.a.hex) *model.bin\nSHA256 (tok (1).json) = \(Self.b.hex)\n"
        let parsed = try ChecksumFile(parsing: text, path: "S")
        #expect(parsed.digests == ["model.bin": Self.a, "tok (1).json": Self.b])
    }

    @Test(arguments: [
        ("", "not a checksum line"), ("zz  x", "not a checksum line"),
        ("\(String(repeating: "g", count: 64))  x", "hex"), ("\(Digest.sha256(of: "a").hex)  ../etc/passwd", "not a plain relative path"),
        ("\(Digest.sha256(of: "a").hex)  /abs", "not a plain relative path"),
        ("\(Digest.sha256(of: "a").hex)  x\n\(Digest.sha256(of: "b").hex)  x", "listed twice"),
    ])
    func refusesMalformedLines(text: String, fragment: String) {
        do {
            _ = try ChecksumFile(parsing: text + "\n", path: "SHA256SUMS")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("SHA256SUMS:"))
        }
    }
}
