/// Finds added tokens in a UTF-8 byte buffer the way `tokenizers`' AddedVocabulary does: a first pass
/// with the non-normalised tokens, then a pass with the normalised ones over the gaps, each pass
/// leftmost-longest, with `lstrip` / `rstrip` absorbing neighbouring whitespace.
struct AddedTokenSplitter: Sendable {
    /// A stretch of input: either plain text (`id == nil`) or one added token.
    struct Segment: Equatable {
        var range: Range<Int>
        var id: Int?
    }

    private struct Pattern: Sendable {
        let bytes: [UInt8]
        let token: AddedToken
    }

    /// Per pass, patterns indexed by their first byte, longest first.
    private let passes: [[UInt8: [Pattern]]]

    init(tokens: [AddedToken]) {
        func index(_ subset: [AddedToken]) -> [UInt8: [Pattern]] {
            var table: [UInt8: [Pattern]] = [:]
            for token in subset where !token.content.isEmpty {
                let bytes = Array(token.content.utf8)
                table[bytes[0], default: []].append(Pattern(bytes: bytes, token: token))
            }
            return table.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
        }
        passes = [index(tokens.filter { !$0.normalized }), index(tokens.filter { $0.normalized })].filter { !$0.isEmpty }
    }

    /// Whether there is nothing to match.
    var isEmpty: Bool { passes.isEmpty }

    /// Cuts `bytes` into text and added-token segments, in order.
    func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Segment] {
        var segments = [Segment(range: 0..<bytes.count, id: nil)]
        for table in passes {
            var next: [Segment] = []
            for segment in segments {
                if segment.id != nil { next.append(segment); continue }
                next.append(contentsOf: split(bytes, segment.range, table))
            }
            segments = next
        }
        return segments
    }

    private func split(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ table: [UInt8: [Pattern]]) -> [Segment] {
        var result: [Segment] = []
        var textStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            guard let pattern = match(bytes, at: index, limit: range.upperBound, table) else {
                index += 1
                continue
            }
            var start = index
            var end = index + pattern.bytes.count
            if pattern.token.lstrip { start = stripLeft(bytes, from: start, floor: textStart) }
            if pattern.token.rstrip { end = stripRight(bytes, from: end, limit: range.upperBound) }
            if start > textStart { result.append(Segment(range: textStart..<start, id: nil)) }
            result.append(Segment(range: start..<end, id: pattern.token.id))
            textStart = end
            index = end
        }
        if textStart < range.upperBound { result.append(Segment(range: textStart..<range.upperBound, id: nil)) }
        return result
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int,
                       _ table: [UInt8: [Pattern]]) -> Pattern? {
        guard let candidates = table[bytes[index]] else { return nil }
        candidateLoop: for pattern in candidates where index + pattern.bytes.count <= limit {
            for (offset, byte) in pattern.bytes.enumerated() where bytes[index + offset] != byte {
                continue candidateLoop
            }
            return pattern
        }
        return nil
    }

    /// Moves `start` left over whitespace code points, not past `floor`.
    private func stripLeft(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, floor: Int) -> Int {
        var position = start
        while position > floor {
            var lead = position - 1
            while lead > floor, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (scalar, length) = ScalarText.decode(bytes, at: lead)
            guard lead + length == position, CharacterClasses.isWhitespace(scalar) else { break }
            position = lead
        }
        return position
    }

    /// Moves `end` right over whitespace code points, not past `limit`.
    private func stripRight(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int, limit: Int) -> Int {
        var position = end
        while position < limit {
            let (scalar, length) = ScalarText.decode(bytes, at: position)
            guard CharacterClasses.isWhitespace(scalar), position + length <= limit else { break }
            position += length
        }
        return position
    }
}
