import Digests
import Foundation

/// Per-file work of the `prepare` step, with the state that spans sources (the set of seen documents).
struct DocumentProcessor {
    let options: PrepareOptions
    let train: JSONLWriter
    let eval: JSONLWriter
    private var seen = Set<DocumentKey>()
    private var splitter: DocumentSplitter

    init(options: PrepareOptions, train: JSONLWriter, eval: JSONLWriter) {
        self.options = options
        self.train = train
        self.eval = eval
        splitter = DocumentSplitter(mode: options.split)
    }

    /// Counts of one source, in total and per language.
    struct SourceCounts {
        var total = DocumentCounts()
        var perLanguage: [String: DocumentCounts] = [:]
    }

    /// Processes every file of `source` and returns its counts and file records.
    mutating func process(_ source: PreparedInput) throws(PrepareError) -> (SourceCounts, [InputFileRecord]) {
        var counts = SourceCounts()
        var records: [InputFileRecord] = []
        let files = source.files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file.url, options: .alwaysMapped) } catch {
                throw .unreadable(source: source.id, file: file.name, reason: error.localizedDescription)
            }
            let language = Self.language(of: file, in: source)
            var fileCounts = DocumentCounts()
            fileCounts.inputBytes = data.count
            records.append(InputFileRecord(name: file.name, sha256: Digest.sha256(of: data), bytes: data.count))
            let text = decode(data, counts: &fileCounts)
            try text.withUnsafeBufferPointer { (buffer) throws(PrepareError) in
                try emitDocuments(buffer, source: source.id, language: language, counts: &fileCounts)
            }
            counts.total.add(fileCounts)
            counts.perLanguage[language, default: DocumentCounts()].add(fileCounts)
        }
        return (counts, records)
    }

    /// The language a file's documents are tagged with (see `PreparedInput.languages`).
    static func language(of file: InputFile, in source: PreparedInput) -> String {
        if source.languages.count == 1 { return source.languages[0] }
        let components = file.name.split(separator: "/").map(String.init)
        return components.first { source.languages.contains($0) } ?? "mul"
    }

    /// UTF-8 repair then NFC, line by line: only lines that may not be NFC already go through
    /// Foundation (a newline never takes part in composition, so this equals normalising the whole text).
    private func decode(_ data: Data, counts: inout DocumentCounts) -> [UInt8] {
        let (repaired, invalid) = data.withUnsafeBytes { raw in
            UTF8Repair.repair(raw.bindMemory(to: UInt8.self), policy: options.invalidUTF8)
        }
        counts.invalidBytes = invalid
        let bytes = repaired ?? [UInt8](data)
        guard options.normalization == .nfc else { return bytes }
        return bytes.withUnsafeBufferPointer { NFCQuickCheck.normalizeLines($0) } ?? bytes
    }

    private mutating func emitDocuments(
        _ text: UnsafeBufferPointer<UInt8>, source: String, language: String, counts: inout DocumentCounts
    ) throws(PrepareError) {
        let sourceBytes = Array(source.utf8), languageBytes = Array(language.utf8)
        var failure: PrepareError?
        var localCounts = counts
        var seen = Set<DocumentKey>()
        swap(&seen, &self.seen)
        let needsKey = options.dedup == .exact || options.evalFraction > 0
        let hasher = try? SHA256Hasher()
        splitter.split(text) { document in
            guard failure == nil else { return }
            let characters = Self.scalarCount(document)
            if characters < options.minimumDocumentCharacters {
                localCounts.removedShort += 1
                return
            }
            var toEval = false
            if needsKey {
                let bytes = UnsafeRawBufferPointer(document)
                let key = DocumentKey(hasher?.digest(of: bytes) ?? Digest.sha256(of: bytes))
                if options.dedup == .exact && !seen.insert(key).inserted {
                    localCounts.removedDuplicates += 1
                    return
                }
                toEval = EvalSplit.isEval(key, seed: options.seed, fraction: options.evalFraction)
            }
            do throws(PrepareError) { try (toEval ? eval : train).write(language: languageBytes, source: sourceBytes, text: document) } catch {
                failure = error
            }
            localCounts.documents += 1
            if toEval { localCounts.evalDocuments += 1 } else { localCounts.trainDocuments += 1 }
            localCounts.bytes += document.count
            localCounts.characters += characters
        }
        self.seen = seen
        counts = localCounts
        if let failure { throw failure }
    }

    /// Unicode scalars in valid UTF-8: bytes that are not continuation bytes (`10xxxxxx`), counted
    /// eight bytes at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var continuation = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            continuation += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return bytes.count - continuation
    }
}
