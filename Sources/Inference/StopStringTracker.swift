/// Follows the decoded text of a generation: finds stop strings and says which new text is safe to
/// stream (it holds back an incomplete UTF-8 character and any tail that could start a stop string).
struct StopStringTracker {
    let stopStrings: [String]
    /// Characters of the text already streamed.
    private(set) var emitted = 0

    /// The text before the first stop string of `text`, or nil when none occurs.
    func cut(_ text: String) -> String? {
        var earliest: String.Index?
        for stop in stopStrings {
            if let range = text.range(of: stop), earliest.map({ range.lowerBound < $0 }) ?? true {
                earliest = range.lowerBound
            }
        }
        return earliest.map { String(text[..<$0]) }
    }

    /// The part of `text` that can be streamed now and was not streamed yet.
    mutating func streamable(_ text: String, final: Bool) -> String {
        let characters = Array(text)
        var end = characters.count
        if !final {
            while end > emitted, characters[end - 1] == "\u{FFFD}" { end -= 1 }
            end -= heldBack(characters[..<end])
        }
        guard end > emitted else { return "" }
        let piece = String(characters[emitted..<end])
        emitted = end
        return piece
    }

    /// Length of the longest tail of `text` that is a proper prefix of a stop string.
    private func heldBack(_ text: ArraySlice<Character>) -> Int {
        var longest = 0
        for stop in stopStrings {
            let s = Array(stop)
            for length in stride(from: min(s.count - 1, text.count), to: longest, by: -1)
            where Array(text.suffix(length)) == Array(s.prefix(length)) {
                longest = length
                break
            }
        }
        return longest
    }
}
