extension BPETokenizer {
    /// The exact bytes the ids stand for (added tokens as their UTF-8 text); with `skipSpecialTokens`,
    /// special tokens are left out. Throws when an id is not in the vocabulary, naming its position.
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = false) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(ids.count * 4)
        for (position, id) in ids.enumerated() {
            guard id >= 0, id < tokenBytes.count, let bytes = tokenBytes[id] else {
                throw TokenizerError(.invalidInput, "id \(id) at position \(position) is not in the vocabulary (0..<\(count))",
                                     hint: "decode ids produced by this tokenizer")
            }
            if skipSpecialTokens, specialIDs.contains(id) { continue }
            output.append(contentsOf: bytes)
        }
        return output
    }

    /// The text of the ids; byte sequences that are not valid UTF-8 become U+FFFD.
    public func decodeToString(_ ids: [Int], skipSpecialTokens: Bool = false) throws -> String {
        String(decoding: try decode(ids, skipSpecialTokens: skipSpecialTokens), as: UTF8.self)
    }
}
