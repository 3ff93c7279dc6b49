import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// Recipe strings that reach the card and the EU documents (newlines, `---`, pipes, HTML, backticks,
/// link syntax, YAML 1.1 look-alikes, line separators) are escaped: the card re-parses with the same
/// front matter, headings, code fences and table shapes as the benign card, and the Hub parser accepts it.
struct HostileStringTests {
    static let payloads = [
        "line one\n---\nlicense: mit\n---\n# Injected heading",
        "| cell | injection |\n|---|---|",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "```\nrm -rf /\n``` and `code`",
        "[click](javascript:alert(1)) ![x](https://evil.example/x.png)",
        "no", "1. item", "- item", "> quote", "~", "{bibtex}} @misc{x,",
        "sep\u{2028}arators\u{85}and\u{FEFF}bom\u{7F}\u{1B}[31m",
    ]

    /// The fixture recipe with every free-text field set to hostile payloads.
    static func hostileRecipe() throws -> String {
        var text = try FixtureRelease.recipeText()
        func toml(_ value: String) -> String {
            var out = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let all = payloads.joined(separator: " ")
        let list = "[" + payloads.map(toml).joined(separator: ", ") + "]"
        let replacements: [(String, String)] = [
            ("license = \"Apache-2.0\"\n", "license = \"MIT OR Apache-2.0\"\nlicense_link = \(toml("https://x.example/\"\n---\nlicense: mit <script>"))\n"),
            ("authors = [\"Glassbox developers\"]", "authors = \(list)"),
            ("provider = \"Glassbox developers\"", "provider = \(toml(all))"),
            ("contact = \"glassbox@example.org\"", "contact = \(toml(payloads[0]))"),
            ("intended_uses = [\"demonstrating reproducible, verifiable model releases\"]", "intended_uses = \(list)"),
            ("known_limitations = [\"far too small to produce meaningful text\", \"trained on 40 KB per language\"]", "known_limitations = \(list)"),
            ("public_url = \"https://example.org/glassbox/eu8-demo-0.1.0\"", "public_url = \(toml("https://x.example/a b)\n[x](y)"))"),
            ("grid_region = ", "grid_region = \(toml(all))\n# "),
        ]
        for (old, new) in replacements {
            guard text.contains(old) else { throw HostileError.fixtureChanged(old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        text = text.replacingOccurrences(of: "\nnotes = \"", with: "\nnotes = \(toml(all)) # \"")
        text = text.replacingOccurrences(of: "description = \"", with: "description = \(toml(all)) # \"")
        return text
    }

    enum HostileError: Error { case fixtureChanged(String) }

    @Test func hostileStringsCannotChangeTheCardsStructure() throws {
        let benign = try Self.card(try FixtureRelease.documents())
        let hostile = try Self.card(try FixtureRelease.documents(recipe: try Self.hostileRecipe()))
        #expect(CardStructure(hostile).headings == CardStructure(benign).headings)
        #expect(CardStructure(hostile).fences == CardStructure(benign).fences)
        let keys = CardStructure(hostile).frontMatterKeys
        #expect(Set(keys) == Set(CardStructure(benign).frontMatterKeys).union(["license_name", "license_link"]), "\(keys)")
        for problem in CardStructure(hostile).tableProblems { Issue.record("\(problem)") }
        // Raw payloads may appear only where they are inert: inside quoted YAML scalars and fenced code blocks.
        let prose = CardStructure(hostile).prose.joined(separator: "\n")
        for raw in ["<script", "<img", "[click](javascript:", "\n---\nlicense: mit"] {
            #expect(!prose.contains(raw), "raw \(raw) reached the card's Markdown")
        }
        #expect(!hostile.contains("\n---\nlicense: mit"))
        #expect(hostile.contains("&lt;script&gt;"))
        let link = try #require(CardStructure(hostile).frontMatter.first { $0.hasPrefix("license_link: ") })
        #expect(YAMLDecoding.doubleQuoted(String(link.dropFirst("license_link: ".count))) == "https://x.example/\"\n---\nlicense: mit <script>")
    }

    @Test func hostileStringsStayInertInEveryDocument() throws {
        let documents = try FixtureRelease.documents(recipe: try Self.hostileRecipe())
        for (path, data) in documents.files where path.hasSuffix(".md") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!CardStructure(text).prose.joined(separator: "\n").contains("<script"), "\(path) carries raw HTML")
            #expect(!text.contains("\n# Injected"), "\(path) carries an injected heading")
            for problem in CardStructure(text).tableProblems { Issue.record("\(path): \(problem)") }
        }
        let record = try #require(documents.files["compliance/compliance.json"])
        #expect((try? JSONSerialization.jsonObject(with: record)) != nil, "compliance.json stays valid JSON")
    }

    @Test func hubParserAcceptsTheHostileCard() throws {
        guard let python = ModelCardChecker.available() else {
            print("skipped: python3 with huggingface_hub is not available (pip install huggingface_hub) — the Swift structure checks above still ran")
            return
        }
        let temporary = try TemporaryDirectory()
        let card = try temporary.write("README.md", [UInt8](try #require(try FixtureRelease.documents(recipe: try Self.hostileRecipe()).files["README.md"])))
        let result = try ModelCardChecker.run(python, card: card, languages: "cs,de,el,en,fr,ga,pl,uk")
        #expect(result.status == 0, "\(result.output)")
    }

    static func card(_ documents: ReleaseDocuments) throws -> String {
        String(decoding: try #require(documents.files["README.md"]), as: UTF8.self)
    }
}
