import Digests
import Testing

@Suite("sha256sum-format lines")
struct ChecksumLineTests {
    let digest = Digest.sha256(of: "x")

    @Test("plain names print as '<hex>  <name>'")
    func plain() {
        #expect(ChecksumLine(digest: digest, path: "a b/č.txt").formatted == digest.hex + "  a b/č.txt\n")
    }

    @Test("backslash, newline and CR are escaped and the line starts with a backslash")
    func escaped() {
        let line = ChecksumLine(digest: digest, path: "a\\b\nc\rd")
        #expect(line.formatted == "\\" + digest.hex + "  a\\\\b\\nc\\rd\n")
        #expect(line.checkDisplayName == "\\a\\\\b\\nc\\rd")
        #expect(ChecksumLine(digest: digest, path: "a\\b").checkDisplayName == "a\\b")
    }

    @Test("formatted lines parse back", arguments: ["plain", "with space", "a\\b", "new\nline", "cr\rx", " lead", "*star"])
    func roundTrip(name: String) throws {
        let formatted = ChecksumLine(digest: digest, path: name).formatted
        let parsed = try #require(ChecksumLine(parsing: Substring(formatted.dropLast())))
        #expect(parsed == ChecksumLine(digest: digest, path: name))
    }

    @Test("binary marker, tab separator and the BSD tagged form")
    func variants() throws {
        #expect(ChecksumLine(parsing: Substring(digest.hex + " *bin"))?.path == "bin")
        #expect(ChecksumLine(parsing: Substring(digest.hex + "\tname"))?.path == "name")
        #expect(ChecksumLine(parsing: Substring("SHA256 (a (b)) = " + digest.hex))?.path == "a (b)")
        #expect(ChecksumLine(parsing: Substring("  " + digest.hex + "  x\r"))?.path == "x")
    }

    @Test("truncated and malformed lines are refused", arguments: [
        "abc  file", String(repeating: "a", count: 64), String(repeating: "a", count: 64) + " ",
        String(repeating: "g", count: 64) + "  file", "\\" + String(repeating: "a", count: 64) + "  bad\\escape",
        "MD5 (x) = d41d8cd98f00b204e9800998ecf8427e",
    ])
    func malformed(line: String) {
        #expect(ChecksumLine(parsing: Substring(line)) == nil)
    }

    @Test("lists skip comments and blank lines and count bad lines; a first BSD line fixes the format")
    func lists() {
        let hex = digest.hex
        let list = ChecksumList(text: "# comment\n\n\(hex)  a\ngarbage\n\(hex) *b\r\n")
        #expect(list.lines.map(\.path) == ["a", "b"])
        #expect(list.improperlyFormattedLines == [4])
        let reversed = ChecksumList(text: "\(hex) a\n\(hex)  b\n")
        #expect(reversed.lines.map(\.path) == ["a", " b"])
        let standard = ChecksumList(text: "\(hex)  a\n\(hex) b\n")
        #expect(standard.lines.map(\.path) == ["a"])
        #expect(standard.improperlyFormattedLines == [2])
    }
}
