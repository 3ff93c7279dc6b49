import Kernels

/// Token windows from the tokenised training split, in an order fixed by the seed.
///
/// Per language, documents are concatenated in the order given (each followed by the separator,
/// if any) into one stream; window w is tokens [w·T, w·T + T] (inputs the first T, targets the
/// last T). Sample i picks a language with probability ∝ its weight (Philox key = seed, stream
/// "loader/language", index i → uniform in [0,1) against the cumulative weights in sorted language
/// order), then takes that language's next window in a per-epoch permutation (Fisher–Yates with
/// Philox stream "loader/<language>", counter (epoch, position)). The state is just the sample
/// counter and per-language counters (`LoaderState`), saved in checkpoints.
public struct DataLoader {
    /// Tokens of one language and its window count.
    struct Language {
        let name: String
        let stream: [Int32]
        let windows: Int
        let weight: Double
    }

    let languages: [Language]
    let cumulative: [Double]
    let seqLen: Int
    let philox: Philox
    /// Where the next sample comes from.
    public private(set) var state: LoaderState
    var permutations: [String: (epoch: Int, order: [Int])] = [:]

    /// A loader; throws when a language with positive weight cannot fill one window.
    public init(documents: [TokenizedDocument], options: TrainingOptions, state: LoaderState = LoaderState()) throws(TrainingError) {
        seqLen = options.sequenceLength
        philox = Philox(key: options.seed)
        self.state = state
        var streams: [String: [Int32]] = [:]
        for doc in documents {
            streams[doc.language, default: []].append(contentsOf: doc.tokens)
            if let sep = options.documentSeparator { streams[doc.language, default: []].append(sep) }
        }
        var langs: [Language] = []
        for name in streams.keys.sorted() {
            let stream = streams[name] ?? []
            let windows = max(0, (stream.count - 1) / seqLen)
            let weight = options.languageWeights.isEmpty ? Double(windows) : options.languageWeights[name] ?? 0
            if weight > 0 && windows == 0 {
                throw .insufficientData("language '\(name)' has \(stream.count) tokens, fewer than sequence_length + 1 = \(seqLen + 1); add data or drop it from language_weights")
            }
            if weight > 0 { langs.append(Language(name: name, stream: stream, windows: windows, weight: weight)) }
        }
        for name in options.languageWeights.keys.sorted() where (options.languageWeights[name] ?? 0) > 0 && streams[name] == nil {
            throw .insufficientData("language_weights names '\(name)' but the training split has no document in that language")
        }
        guard !langs.isEmpty else {
            let total = streams.values.reduce(0) { $0 + $1.count }
            throw .insufficientData("the training split has \(total) tokens; one window needs sequence_length + 1 = \(seqLen + 1) tokens of one language")
        }
        languages = langs
        let sum = langs.reduce(0) { $0 + $1.weight }
        var acc = 0.0
        cumulative = langs.map { acc += $0.weight / sum; return acc }
    }

    /// Windows available per language (for statistics).
    public var windowsPerLanguage: [String: Int] {
        Dictionary(uniqueKeysWithValues: languages.map { ($0.name, $0.windows) })
    }

    /// Writes the next B windows: tokens[B·T] and targets[B·T].
    public mutating func nextBatch(batch: Int, tokens: UnsafeMutablePointer<Int32>, targets: UnsafeMutablePointer<Int32>) {
        for b in 0..<batch {
            let (lang, window) = nextWindow()
            let start = window * seqLen
            let s = languages[lang].stream
            for t in 0..<seqLen {
                tokens[b * seqLen + t] = s[start + t]
                targets[b * seqLen + t] = s[start + t + 1]
            }
        }
    }

    /// Advances past the next B windows without reading them (a data-parallel rank skipping another
    /// rank's micro-batch: the order, and so every later window, stays the global one).
    public mutating func skipBatch(batch: Int) {
        for _ in 0..<batch { _ = nextWindow() }
    }

    /// (language index, window index) of the next sample; advances the state.
    mutating func nextWindow() -> (Int, Int) {
        let i = state.nextSample
        var lang = 0
        if languages.count > 1 {
            let w = philox.block(index: UInt64(i), stream: Philox.streamID("loader/language"))
            let u = Philox.unitInterval(w.0, w.1)
            lang = cumulative.firstIndex { u < $0 } ?? languages.count - 1
        }
        let name = languages[lang].name
        let position = state.perLanguage[name, default: 0]
        let n = languages[lang].windows
        let epoch = position / n
        if permutations[name]?.epoch != epoch {
            permutations[name] = (epoch, permutation(count: n, language: name, epoch: epoch))
        }
        state.nextSample += 1
        state.perLanguage[name] = position + 1
        return (lang, permutations[name]?.order[position % n] ?? position % n)
    }

    /// Fisher–Yates: for k = n−1 … 1, swap k with j = ⌊u32 · (k+1) / 2³²⌋, u32 = word 0 of
    /// Philox(seed) at counter (epoch, k, stream "loader/<language>").
    func permutation(count n: Int, language: String, epoch: Int) -> [Int] {
        var order = Array(0..<n)
        let stream = Philox.streamID("loader/" + language)
        var k = n - 1
        while k > 0 {
            let w = philox.block(UInt32(truncatingIfNeeded: epoch), UInt32(truncatingIfNeeded: k),
                                 UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32))
            let j = Int((UInt64(w.0) &* UInt64(k + 1)) >> 32)
            order.swapAt(k, j)
            k -= 1
        }
        return order
    }
}

/// Position of the data loader: samples drawn so far, overall and per language.
public struct LoaderState: Sendable, Equatable, Codable {
    /// Index of the next sample.
    public var nextSample: Int = 0
    /// Samples drawn from each language.
    public var perLanguage: [String: Int] = [:]

    /// The start of the data.
    public init() {}

    enum CodingKeys: String, CodingKey { case nextSample = "next_sample", perLanguage = "per_language" }
}
