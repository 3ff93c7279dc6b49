extension ModelCard {
    /// "What quantization costs in each language": every quantized variant's bits per byte beside the
    /// float32 model's, language by language, with the relative increase — small languages often lose
    /// more, and this shows where. Empty when the release has no `[[quantize]]` variants.
    func quantizationCost() -> String {
        let e = facts.evaluation
        guard !e.variants.isEmpty else { return "" }
        var text = "### What quantization costs in each language\n\n"
        text += "The quantized variants of this release (" + e.variants.map { "`model-\($0.type).gguf`" }.joined(separator: ", ")
        text += ", GGUF for llama.cpp) scored by Glassbox's own quantized inference on the same documents and windows: bits per byte "
        text += "(lower is better) and the increase over float32. Q8_0 and Q4_0 products quantize the activations to 8 bits as llama.cpp does.\n\n"
        var headers = ["Language", "Bytes", "float32"]
        for variant in e.variants { headers += [variant.type, "Δ \(variant.type)"] }
        var table = MarkdownTable(headers: headers, rightAligned: Set(1..<headers.count))
        var worst: [String: (language: String, increase: Double)] = [:]
        for row in e.languages {
            var cells = [MarkdownText.cell(row.language), Numbers.grouped(row.bytes), Numbers.fixed(row.bitsPerByte, 4)]
            for variant in e.variants {
                guard let bpb = variant.bitsPerByte[row.language], row.bitsPerByte > 0 else {
                    cells += ["—", "—"]
                    continue
                }
                let increase = bpb / row.bitsPerByte - 1
                cells += [Numbers.fixed(bpb, 4), (increase >= 0 ? "+" : "") + Numbers.percent(increase)]
                if increase > (worst[variant.type]?.increase ?? -.infinity) { worst[variant.type] = (row.language, increase) }
            }
            table.rows.append(cells)
        }
        text += table.render()
        let notes = e.variants.compactMap { variant in
            worst[variant.type].map { "\(variant.type) costs most in \(MarkdownText.inline($0.language)) (\((($0.increase >= 0) ? "+" : "") + Numbers.percent($0.increase)))" }
        }
        if !notes.isEmpty { text += notes.joined(separator: "; ") + ".\n\n" }
        return text
    }
}
