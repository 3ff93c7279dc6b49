import Testing
@testable import ReleaseDocs

/// The escaping primitives every recipe string goes through.
struct EscapingTests {
    @Test func yamlScalarsAreAlwaysDoubleQuotedAndRoundTrip() {
        for text in ["no", "yes", "on", "1.0", "2026-12-05", "~", "null", "a: b", "- x", "\"q\" \\ b", "tab\tnl\ncr\r", "\u{85}\u{2028}\u{FEFF}\u{7F}\u{1B}", "Dobrý den 😀"] {
            let quoted = YAMLText.quoted(text)
            #expect(quoted.hasPrefix("\"") && quoted.hasSuffix("\"") && !quoted.contains("\n"))
            #expect(YAMLDecoding.doubleQuoted(quoted) == text, "\(quoted)")
        }
        #expect(YAMLText.decimal(3.0, 4) == "3.0000")
    }

    @Test func markdownInlineTextCannotOpenBlocksOrMarkup() {
        #expect(MarkdownText.inline("a\n---\n# h") == "a --- \\# h")
        #expect(MarkdownText.inline("<b>&") == "&lt;b&gt;&amp;")
        #expect(MarkdownText.inline("x | y") == "x \\| y")
        #expect(MarkdownText.inline("- item") == "\\- item")
        #expect(MarkdownText.inline("1. item") == "1\\. item")
        #expect(MarkdownText.inline("[a](b) `c` *d* _e_") == "\\[a\\](b) \\`c\\` \\*d\\* \\_e\\_")
        #expect(MarkdownText.cell("") == "—")
    }

    @Test func onlyAnOrderedListMarkerAtTheStartIsEscaped() {
        for literal in ["5.23.0", "0.1.0", "2.5 hours", "14.2", "1.x", "3)x", "v1. item", "a 1. b", "1234567890. item", "2026-12-05"] {
            #expect(MarkdownText.inline(literal) == literal, "\(literal)")
        }
        #expect(MarkdownText.inline("1. item") == "1\\. item")
        #expect(MarkdownText.inline("12) item") == "12\\) item")
        #expect(MarkdownText.inline("1.") == "1\\.", "the text may be followed by more on its line")
        #expect(MarkdownText.inline("7.\nnext") == "7\\. next")
        #expect(MarkdownText.inline("123456789. item") == "123456789\\. item")
    }

    @Test func codeSpansOutrunTheirContent() {
        #expect(MarkdownText.code("plain") == "`plain`")
        #expect(MarkdownText.code("a``b") == "```a``b```")
        #expect(MarkdownText.code("`x`") == "`` `x` ``")
        #expect(MarkdownText.code("a|b", inTable: true) == "`a\\|b`")
        #expect(CodeBlock.render("x ``` y").hasPrefix("````\n"))
    }

    @Test func linksOnlyFromSafeHttpsURLs() {
        #expect(MarkdownText.link("L", url: "https://example.org/x") == "[L](https://example.org/x)")
        #expect(MarkdownText.link("L", url: "javascript:alert(1)") == "L (javascript:alert(1))")
        #expect(MarkdownText.link("L", url: "https://x/a b)") == "L (https://x/a b))")
    }

    @Test func numbersAreFormattedWithoutLocale() {
        #expect(Numbers.flop(4.287e11) == "4.29 × 10¹¹")
        #expect(Numbers.flop(9.996e22) == "1.00 × 10²³")
        #expect(Numbers.grouped(1234567) == "1,234,567")
        #expect(Numbers.bytes(41013) == "41,013 B (40.1 KiB)")
        #expect(Numbers.carbon(kilograms: 0.0883) == "88.3 g CO₂e")
    }
}
