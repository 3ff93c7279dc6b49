extension ModelCard {
    func evaluation() -> String {
        let e = facts.evaluation
        var text = "## Evaluation\n\nBits per byte on the held-out split of each language (lower is better), from \(context.recorded(.evaluation)), "
        text += facts.imported == nil ? "beside the same architecture at its initialisation (same seed, no training step), from \(context.recorded(.baseline)). "
            : "beside the same architecture as initialised by Glassbox's own initialiser (seed \(facts.recipe.training.seed); not the external trainer's initialisation, no training step), from \(context.recorded(.baseline)). "
        if facts.imported != nil { text += "These scores are **measured by Glassbox** on the imported weights, and re-measured by `glassbox reproduce`. " }
        text += "Windows of \(e.contextLength) tokens every \(e.stride) tokens. Method: \(MarkdownText.inline(e.method)).\n\n"
        var table = MarkdownTable(headers: ["Language", "Documents", "Bytes", "Bits per byte", "Untrained baseline", "Reduction"], rightAligned: [1, 2, 3, 4, 5])
        for row in e.languages {
            let reduction = row.baselineBitsPerByte.map { $0 > 0 ? Numbers.percent(1 - row.bitsPerByte / $0) : "—" } ?? "—"
            table.rows.append([MarkdownText.cell(row.language), Numbers.grouped(row.documents), Numbers.grouped(row.bytes),
                               Numbers.fixed(row.bitsPerByte, 4), row.baselineBitsPerByte.map { Numbers.fixed($0, 4) } ?? "—", reduction])
        }
        text += table.render()
        text += "![Bits per byte per language, trained and untrained](eval/languages.svg)\n\n"
        text += quantizationCost()
        text += "No benchmark of capabilities, safety or bias was run; the figures above measure only how well the model predicts held-out text.\n\n"
        return text
    }

    func limitations() -> String {
        var text = "## Limitations\n\n"
        if let declared = facts.declared.knownLimitations.value {
            text += declared.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n") + "\n"
        }
        let thin = facts.data.thinLanguages
        if !thin.isEmpty {
            let named = thin.map { "\(MarkdownText.inline($0.code)): \(Numbers.grouped($0.bytes)) B, \(Numbers.percent($0.share))" }
            text += "- Thin languages (under half an equal share of the text): \(named.joined(separator: "; ")). Expect poor text in these languages.\n"
        }
        text += "- The training data is described in the table above and nowhere else; the model reproduces its biases and errors, which were not measured.\n"
        text += "- The model has not been evaluated or tuned for safety; it must not be used for decisions about people.\n\n"
        return text
    }

    func euAIAct() -> String {
        var text = "## EU AI Act\n\n"
        text += facts.classification.reasoning.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n") + "\n\n"
        text += "Documents in this release (generated from the same recorded facts; which fields are complete and which are missing is listed by `glassbox comply`):\n\n"
        text += "- [Technical documentation (Annex XI)](compliance/technical-documentation.md)\n"
        text += "- [Information for downstream providers (Annex XII)](compliance/downstream-information.md)\n"
        text += "- [Public summary of training content (Art. 53(1)(d), AI Office template)](compliance/training-content-summary.md)\n"
        text += "- [Copyright policy (Art. 53(1)(c))](compliance/copyright-policy.md)\n"
        text += "- [Machine-readable record](compliance/compliance.json)\n\n"
        text += "Model Openness Framework: **\(facts.openness.label)**"
        let missing = facts.openness.missingForNextClass
        if !missing.isEmpty { text += "; for the next class it lacks: " + missing.map { "\($0.name) (\(MarkdownText.inline($0.evidence)))" }.joined(separator: "; ") }
        return text + ".\n\n"
    }
}
