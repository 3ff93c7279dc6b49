/// Hand-written matchers for the two pre-tokenizer regexes, reproducing the reference engine's
/// leftmost-first alternation and backtracking (derivations in Docs/tokenizer.md).
struct RegexScanner {
    let scalars: UnsafeBufferPointer<UInt32>
    let flags: UnsafeBufferPointer<UInt8>

    private static let letter = CharacterClasses.letter
    private static let number = CharacterClasses.number
    private static let space = CharacterClasses.space
    private static let apostrophe: UInt32 = 0x27
    private static let blank: UInt32 = 0x20

    /// End of the Llama-3 regex match that starts at `index`.
    func llama3(at index: Int) -> Int {
        let count = scalars.count
        let value = scalars[index]
        let flag = flags[index]
        if value == Self.apostrophe, let end = contraction(at: index, caseInsensitive: true) { return end }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if flag & Self.letter != 0 { return run(from: index, Self.letter) }
        if value != 0x0D, value != 0x0A, flag & (Self.letter | Self.number) == 0,
           index + 1 < count, flags[index + 1] & Self.letter != 0 {
            return run(from: index + 1, Self.letter)
        }
        // \p{N}{1,3}
        if flag & Self.number != 0 {
            var end = index + 1
            while end < count, end < index + 3, flags[end] & Self.number != 0 { end += 1 }
            return end
        }
        // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
        if let end = other(at: index) { return newlines(from: end) }
        guard flag & Self.space != 0 else { return index + 1 }
        // \s*[\r\n]+ : ends after the last CR/LF of the whitespace run, if it has one.
        let end = run(from: index, Self.space)
        var last = end - 1
        while last >= index {
            if scalars[last] == 0x0A || scalars[last] == 0x0D { return last + 1 }
            last -= 1
        }
        return whitespaceTail(index, end)
    }

    /// End of the GPT-2 regex match that starts at `index`.
    func gpt2(at index: Int) -> Int {
        let count = scalars.count
        let value = scalars[index]
        if value == Self.apostrophe, let end = contraction(at: index, caseInsensitive: false) { return end }
        var start = index
        if value == Self.blank, index + 1 < count, flags[index + 1] & Self.space == 0 { start = index + 1 }
        let flag = flags[start]
        if flag & Self.letter != 0 { return run(from: start, Self.letter) }
        if flag & Self.number != 0 { return run(from: start, Self.number) }
        if flag & Self.space == 0 { return otherRun(from: start) }
        return whitespaceTail(index, run(from: index, Self.space))
    }

    /// `\s+(?!\S)|\s+` for the whitespace run `index..<end`.
    private func whitespaceTail(_ index: Int, _ end: Int) -> Int {
        if end == scalars.count || end - index == 1 { return end }
        return end - 1
    }

    /// ` ?[^\s\p{L}\p{N}]+` at `index`, or nil.
    private func other(at index: Int) -> Int? {
        if isOther(index) { return otherRun(from: index) }
        if scalars[index] == Self.blank, index + 1 < scalars.count, isOther(index + 1) {
            return otherRun(from: index + 1)
        }
        return nil
    }

    @inline(__always)
    private func isOther(_ index: Int) -> Bool {
        flags[index] & (Self.letter | Self.number | Self.space) == 0
    }

    private func otherRun(from index: Int) -> Int {
        var end = index
        while end < scalars.count, isOther(end) { end += 1 }
        return end
    }

    private func newlines(from index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end] == 0x0A || scalars[end] == 0x0D { end += 1 }
        return end
    }

    @inline(__always)
    private func run(from index: Int, _ bit: UInt8) -> Int {
        var end = index
        while end < scalars.count, flags[end] & bit != 0 { end += 1 }
        return end
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d` (optionally case-insensitive, with the engine's case folds) at `index`.
    private func contraction(at index: Int, caseInsensitive: Bool) -> Int? {
        guard index + 1 < scalars.count else { return nil }
        let first = scalars[index + 1]
        let second: UInt32? = index + 2 < scalars.count ? scalars[index + 2] : nil
        if caseInsensitive {
            if UnicodeTables.contractionSingle.contains(first) { return index + 2 }
            guard let second else { return nil }
            if UnicodeTables.contractionReVe.contains(first), UnicodeTables.contractionE.contains(second) { return index + 3 }
            if UnicodeTables.contractionL.contains(first), UnicodeTables.contractionL.contains(second) { return index + 3 }
            return nil
        }
        switch first {
        case 0x73, 0x74, 0x6D, 0x64: return index + 2  // s t m d
        case 0x72, 0x76: return second == 0x65 ? index + 3 : nil  // re ve
        case 0x6C: return second == 0x6C ? index + 3 : nil  // ll
        default: return nil
        }
    }
}
