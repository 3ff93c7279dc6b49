import Foundation

/// Loads training documents from files: `.jsonl` in the prepare step's format
/// (`{"language":"cs","source":"id","text":"..."}` per line) or plain text (one document per line).
/// Invalid UTF-8 is an error naming the file, line and byte offset.
public enum TrainingCorpus {
    /// The documents of `files`, in file order then line order; `language` labels plain-text files.
    public static func load(files: [URL], language: String = "") throws -> [TrainingDocument] {
        var documents: [TrainingDocument] = []
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw TokenizerError(.io, "cannot read training data \(file.path): \(error.localizedDescription)",
                                     hint: "check the path given to --data")
            }
            let bytes = [UInt8](data)
            try validateUTF8(bytes, file: file)
            let text = String(decoding: bytes, as: UTF8.self)
            let isJSONLines = file.pathExtension.lowercased() == "jsonl"
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                if isJSONLines {
                    documents.append(try parse(line, file: file, line: index + 1))
                } else {
                    documents.append(TrainingDocument(text: String(line), language: language))
                }
            }
        }
        return documents
    }

    private static func parse(_ line: Substring, file: URL, line number: Int) throws -> TrainingDocument {
        let row = try? JSONReader.parse(Array(line.utf8))
        guard case .string(let text) = row?["text"] else {
            throw TokenizerError(.invalidTrainingInput, "\(file.path):\(number): not a JSON object with a string \"text\"",
                                 hint: "use the prepare step's train.jsonl format, or a .txt file with one document per line")
        }
        var language = ""
        if case .string(let code) = row?["language"] { language = code }
        return TrainingDocument(text: text, language: language)
    }

    /// Throws at the first invalid UTF-8 sequence, naming the file, line and byte offset.
    public static func validateUTF8(_ bytes: [UInt8], file: URL) throws {
        var index = 0
        var line = 1
        while index < bytes.count {
            let (scalar, length) = ScalarText.decode(bytes, at: index)
            let replaced = scalar == 0xFFFD && length == 1
            if replaced || isOverlongOrSurrogate(scalar, length) {
                throw TokenizerError(.invalidInput, "\(file.path):\(line): invalid UTF-8 at byte offset \(index)",
                                     hint: "re-encode the file as UTF-8 (the prepare step replaces or drops invalid bytes)")
            }
            if scalar == 0x0A { line += 1 }
            index += length
        }
    }

    private static func isOverlongOrSurrogate(_ scalar: UInt32, _ length: Int) -> Bool {
        (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF
            || (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x10000)
    }
}
