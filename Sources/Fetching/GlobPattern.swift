/// A path glob: `*` and `?` within one path segment, `**` across segments, `[abc]`, `[a-z]`, `[!x]`.
///
/// A pattern without `/` matches a file's name in any folder (`*.txt` selects `a/b/c.txt`); a pattern
/// with `/` matches the whole `/`-separated relative path (`docs/**/*.md`).
struct GlobPattern: Sendable, Hashable {
    let text: String
    private let pattern: [UInt8]
    private let matchesName: Bool

    init(_ text: String) {
        self.text = text
        var bytes = Array(text.utf8)
        while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        pattern = bytes
        matchesName = !bytes.contains(UInt8(ascii: "/"))
    }

    /// Whether `path` (relative, `/`-separated) is selected.
    func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        if matchesName, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
            return Self.match(pattern[...], Array(bytes[(slash + 1)...])[...])
        }
        return Self.match(pattern[...], bytes[...])
    }

    /// True when any of `patterns` selects `path`; an empty list selects everything.
    static func anyMatches(_ patterns: [GlobPattern], _ path: String) -> Bool {
        patterns.isEmpty || patterns.contains { $0.matches(path) }
    }

    private static let slash = UInt8(ascii: "/")

    private static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case UInt8(ascii: "*"):
            if rest.first == UInt8(ascii: "*") {
                var after = rest.dropFirst()
                let slashFollows = after.first == slash
                if slashFollows { after = after.dropFirst() }
                for start in text.startIndex...text.endIndex {
                    if slashFollows, start != text.startIndex, text[start - 1] != slash { continue }
                    if match(after, text[start...]) { return true }
                }
                return false
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex, text[index] != slash else { return false }
                index += 1
            }
        case UInt8(ascii: "?"):
            guard let character = text.first, character != slash else { return false }
            return match(rest, text.dropFirst())
        case UInt8(ascii: "["):
            guard let character = text.first, character != slash,
                  let (matched, after) = matchClass(rest, character) else {
                return text.first == first && match(rest, text.dropFirst())
            }
            return matched && match(after, text.dropFirst())
        default:
            return text.first == first && match(rest, text.dropFirst())
        }
    }

    /// Matches `character` against a class body (after `[`); returns nil if the class is not closed.
    private static func matchClass(_ body: ArraySlice<UInt8>, _ character: UInt8) -> (Bool, ArraySlice<UInt8>)? {
        var index = body.startIndex
        var negated = false
        if index < body.endIndex, body[index] == UInt8(ascii: "!") || body[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < body.endIndex {
            let current = body[index]
            if current == UInt8(ascii: "]") && !first {
                return (matched != negated, body[(index + 1)...])
            }
            first = false
            if index + 2 < body.endIndex, body[index + 1] == UInt8(ascii: "-"), body[index + 2] != UInt8(ascii: "]") {
                if current <= character && character <= body[index + 2] { matched = true }
                index += 3
            } else {
                if current == character { matched = true }
                index += 1
            }
        }
        return nil
    }
}
