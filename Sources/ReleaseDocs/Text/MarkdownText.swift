/// Escaping for recipe text that reaches Markdown: a hostile string (newlines, `---`, `|`, HTML,
/// backticks, link syntax) renders as the literal text it is and cannot start a block, close a table
/// cell, open a code span or inject HTML.
enum MarkdownText {
    /// `text` as inline Markdown: whitespace runs (newlines included) become one space, Markdown
    /// punctuation is backslash-escaped, `<`, `>` and `&` become entities, and a leading block marker
    /// (`-`, `+`, `=`, an ordered-list `1. `) is escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if Self.isBreaking(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}": out += "\\" + String(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return escapeLeadingMarker(out)
    }

    /// A table cell: inline text (pipes are already escaped), never empty.
    static func cell(_ text: String) -> String {
        let escaped = inline(text)
        return escaped.isEmpty ? "—" : escaped
    }

    /// `text` as a code span: literal content (no entity or backslash escaping applies inside), line
    /// breaks as spaces, delimited by a backtick run longer than any inside it; in a table cell, pipes
    /// are written `\|`, which GitHub-flavoured Markdown requires even inside code spans.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var content = ""
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            let replaced: Unicode.Scalar = isBreaking(scalar) || scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
            run = replaced == "`" ? run + 1 : 0
            longest = max(longest, run)
            if inTable, replaced == "|" { content += "\\|" } else { content.unicodeScalars.append(replaced) }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = content.hasPrefix("`") || content.hasSuffix("`") ? " \(content) " : content
        return fence + padded + fence
    }

    /// A URL for a Markdown link target: only `https://` URLs without spaces, brackets or quotes;
    /// anything else is shown as text instead of linked.
    static func link(_ label: String, url: String) -> String {
        let unsafe = url.unicodeScalars.contains { $0.value <= 0x20 || "<>()[]\"'`\\".unicodeScalars.contains($0) || $0.value == 0x7F }
        guard url.hasPrefix("https://"), !unsafe else { return inline(label) + " (" + inline(url) + ")" }
        return "[\(inline(label))](\(url))"
    }

    private static func isBreaking(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Escapes what would open a block if `text` started a line: `-`, `+` or `=` first, or an ordered
    /// list marker (CommonMark §5.2: one to nine digits, then `.` or `)`, then a space or the end; the
    /// escaped text may be followed by more on its line, so the end counts). A dot or parenthesis
    /// anywhere else is literal text (`5.23.0`, `2.5 hours`) and stays as it is.
    private static func escapeLeadingMarker(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count)
        guard (1...9).contains(digits.count), let marker = rest.first, marker == "." || marker == ")" else { return text }
        let next = rest.dropFirst().first
        return next == nil || next == " " ? String(digits) + "\\" + rest : text
    }
}
