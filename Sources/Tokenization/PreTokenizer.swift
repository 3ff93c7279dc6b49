/// The pre-tokenisation rule that cuts text into pieces before BPE merges are applied inside each piece.
///
/// Both regexes are implemented as hand-written scanners that reproduce the leftmost-first matching
/// of the reference regex engine (see Docs/tokenizer.md); `\p{L}`, `\p{N}` and `\s` come from tables
/// probed out of `tokenizers` itself.
public enum PreTokenizer: String, Sendable, Codable, CaseIterable {
    /// Llama-3 / GPT-4 style:
    /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
    case llama3
    /// GPT-2 style: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// No regex split: each text segment is one piece (ByteLevel with `use_regex: false` alone).
    case none

    /// The regex this rule implements, as written in a tokenizer.json (empty for `.none`).
    public var pattern: String {
        switch self {
        case .llama3:
            return #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
        case .gpt2:
            return #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
        case .none:
            return ""
        }
    }

    /// Cuts `text` into pieces; returns the end index (in code points) of each piece, in order.
    func split(_ text: ScalarText) -> [Int] {
        var ends: [Int] = []
        ends.reserveCapacity(text.count / 3 + 1)
        var index = 0
        text.scalars.withUnsafeBufferPointer { scalars in
            text.flags.withUnsafeBufferPointer { flags in
                let scanner = RegexScanner(scalars: scalars, flags: flags)
                while index < scalars.count {
                    let end: Int
                    switch self {
                    case .llama3: end = scanner.llama3(at: index)
                    case .gpt2: end = scanner.gpt2(at: index)
                    case .none: end = scalars.count
                    }
                    index = max(end, index + 1)
                    ends.append(index)
                }
            }
        }
        return ends
    }

    /// Cuts `text` into pieces and returns them as strings (for tests and the CLI's `--pieces`).
    public func pieces(of text: String) -> [String] {
        let utf8 = Array(text.utf8)
        let decoded = ScalarText(utf8: utf8)
        var start = 0
        return split(decoded).map { end in
            defer { start = end }
            return String(decoding: utf8[decoded.offsets[start]..<decoded.offsets[end]], as: UTF8.self)
        }
    }
}
