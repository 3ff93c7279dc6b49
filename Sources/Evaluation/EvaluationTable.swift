import Foundation

/// Plain-text tables of evaluation results, one row per language, for terminals.
public enum EvaluationTable {
    /// One model: language, documents, bytes, tokens, bits per byte, token perplexity.
    public static func render(_ results: EvaluationResults) -> String {
        var rows = [["language", "docs", "bytes", "tokens", "bits/byte", "perplexity"]]
        for score in results.languages + [results.overall] {
            rows.append([
                score.language, "\(score.documents)", "\(score.bytes)", "\(score.tokens)",
                format(score.bitsPerByte), format(score.tokenPerplexity),
            ])
        }
        var text = layout(rows)
        if let extra = results.extraFiles, !extra.isEmpty {
            var extraRows = [["extra file", "docs", "bytes", "tokens", "bits/byte", "perplexity"]]
            for score in extra {
                extraRows.append([score.language, "\(score.documents)", "\(score.bytes)", "\(score.tokens)",
                                  format(score.bitsPerByte), format(score.tokenPerplexity)])
            }
            text += "\n" + layout(extraRows)
        }
        return text + "context \(results.contextLength) tokens, stride \(results.stride)\n"
    }

    /// Two models side by side: bits per byte of each, the difference (B − A), and perplexities.
    /// Languages present in only one of them show "–" for the other.
    public static func compare(_ a: EvaluationResults, _ b: EvaluationResults, names: (String, String)) -> String {
        var rows = [["language", "bpb \(names.0)", "bpb \(names.1)", "Δ bpb", "ppl \(names.0)", "ppl \(names.1)"]]
        let languages = Set(a.languages.map(\.language)).union(b.languages.map(\.language)).sorted()
        func lookup(_ r: EvaluationResults, _ language: String) -> LanguageScore? {
            if language.hasPrefix("extra: ") {
                return r.extraFiles?.first { "extra: " + $0.language == language }
            }
            return language == "all" ? r.overall : r.languages.first { $0.language == language }
        }
        let extras = Set((a.extraFiles ?? []).map(\.language)).union((b.extraFiles ?? []).map(\.language)).sorted().map { "extra: " + $0 }
        for language in languages + ["all"] + extras {
            let x = lookup(a, language), y = lookup(b, language)
            let delta = x.flatMap { x in y.map { format($0.bitsPerByte - x.bitsPerByte, signed: true) } } ?? "–"
            rows.append([
                language, x.map { format($0.bitsPerByte) } ?? "–", y.map { format($0.bitsPerByte) } ?? "–", delta,
                x.map { format($0.tokenPerplexity) } ?? "–", y.map { format($0.tokenPerplexity) } ?? "–",
            ])
        }
        var text = layout(rows)
        if (a.contextLength, a.stride) != (b.contextLength, b.stride) {
            text += "note: the two results used different windows (context \(a.contextLength)/stride \(a.stride) "
                + "vs \(b.contextLength)/\(b.stride)); scores are not strictly comparable\n"
        }
        return text
    }

    private static func format(_ value: Double, signed: Bool = false) -> String {
        let text = String(format: "%.4f", value)
        return signed && value >= 0 ? "+" + text : text
    }

    /// Left-aligned first column, right-aligned numbers, two spaces between columns.
    private static func layout(_ rows: [[String]]) -> String {
        guard let width = rows.first?.count else { return "" }
        let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
