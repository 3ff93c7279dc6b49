/// Merging one pair inside one training word, reporting pair-count changes exactly as `tokenizers`'
/// `Word::merge` does (left to right, each occurrence once; -1 for destroyed pairs, +1 for new ones).
enum WordMerge {
    static func apply(_ word: inout [Int32], left: Int32, right: Int32, replacement: Int32,
                      changes: inout [(UInt64, Int64)]) {
        var index = 0
        while index < word.count {
            if word[index] == left, index + 1 < word.count, word[index + 1] == right {
                if index > 0 {
                    changes.append((BPEModel.pairKey(word[index - 1], left), -1))
                    changes.append((BPEModel.pairKey(word[index - 1], replacement), 1))
                }
                word[index] = replacement
                word.remove(at: index + 1)
                if index < word.count - 1 {
                    changes.append((BPEModel.pairKey(right, word[index + 1]), -1))
                    changes.append((BPEModel.pairKey(replacement, word[index + 1]), 1))
                }
            }
            index += 1
        }
    }
}
