extension BPETokenizer {
    /// Default capacity of the per-call pre-token cache.
    public static let defaultCacheCapacity = 50_000

    /// The ids of `text` (no special tokens added), exactly as `tokenizers`' `encode(text, add_special_tokens=False)`.
    public func encode(_ text: String) -> [Int] {
        encode(text, addSpecialTokens: false)
    }

    /// The ids of `text`; with `addSpecialTokens`, the template's tokens (e.g. BOS) are placed around it.
    public func encode(_ text: String, addSpecialTokens: Bool) -> [Int] {
        var cache = PieceCache(capacity: Self.defaultCacheCapacity)
        var copy = text
        return copy.withUTF8 { encode(utf8: $0, addSpecialTokens: addSpecialTokens, cache: &cache) }
    }

    /// The ids of raw bytes: invalid UTF-8 is first replaced by U+FFFD (as Python's
    /// `bytes.decode("utf-8", errors="replace")` does), then encoded.
    public func encode(bytes: [UInt8], addSpecialTokens: Bool = false) -> [Int] {
        encode(String(decoding: bytes, as: UTF8.self), addSpecialTokens: addSpecialTokens)
    }

    func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, addSpecialTokens: Bool, cache: inout PieceCache) -> [Int] {
        var output: [Int] = []
        output.reserveCapacity(bytes.count / 3 + 4)
        if addSpecialTokens { output.append(contentsOf: template.before) }
        if splitter.isEmpty {
            encodeText(bytes, 0..<bytes.count, into: &output, cache: &cache)
        } else {
            for segment in splitter.split(bytes) {
                if let id = segment.id {
                    output.append(id)
                } else {
                    encodeText(bytes, segment.range, into: &output, cache: &cache)
                }
            }
        }
        if addSpecialTokens { output.append(contentsOf: template.after) }
        return output
    }

    /// Pre-tokenises and encodes one stretch of text without added tokens.
    private func encodeText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [Int],
                            cache: inout PieceCache) {
        guard !range.isEmpty else { return }
        if addPrefixSpace, bytes[range.lowerBound] != 0x20 {
            var prefixed: [UInt8] = [0x20]
            prefixed.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            prefixed.withUnsafeBufferPointer { encodePieces($0, into: &output, cache: &cache) }
            return
        }
        encodePieces(UnsafeBufferPointer(rebasing: bytes[range]), into: &output, cache: &cache)
    }

    private func encodePieces(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [Int], cache: inout PieceCache) {
        if preTokenizer == .none {
            cache.encode(bytes, model: model, into: &output)
            return
        }
        let text = ScalarText(utf8: bytes)
        var start = 0
        for end in preTokenizer.split(text) {
            let piece = UnsafeBufferPointer(rebasing: bytes[text.offsets[start]..<text.offsets[end]])
            cache.encode(piece, model: model, into: &output)
            start = end
        }
    }
}
