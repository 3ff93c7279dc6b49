/// Counts the pre-tokenised words of a corpus (word bytes → weighted count), in parallel chunks whose
/// counts are summed, so the result is the same for any thread count.
struct WordCounter: Sendable {
    let preTokenizer: PreTokenizer
    let options: BPETrainerOptions

    func count(_ documents: [TrainingDocument], threads: Int) -> [[UInt8]: UInt64] {
        let partials = ParallelChunks.map(count: documents.count, threads: threads) { range in
            var counts: [[UInt8]: UInt64] = [:]
            for document in documents[range] {
                let unit = options.unitCount(for: document.language)
                guard unit > 0 else { continue }
                countWords(of: document.text, unit: unit, into: &counts)
            }
            return counts
        }
        guard var total = partials.first else { return [:] }
        for partial in partials.dropFirst() {
            total.merge(partial, uniquingKeysWith: +)
        }
        return total
    }

    private func countWords(of text: String, unit: UInt64, into counts: inout [[UInt8]: UInt64]) {
        var copy = text
        copy.withUTF8 { bytes in
            guard !bytes.isEmpty else { return }
            if preTokenizer == .none {
                counts[Array(bytes), default: 0] += unit
                return
            }
            let decoded = ScalarText(utf8: bytes)
            var start = 0
            for end in preTokenizer.split(decoded) {
                let word = Array(bytes[decoded.offsets[start]..<decoded.offsets[end]])
                counts[word, default: 0] += unit
                start = end
            }
        }
    }
}
