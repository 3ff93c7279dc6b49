/// The release's `README.md`: Hugging Face front matter and the sections a stranger needs (what the
/// model is and is not for, architecture, tokenizer, data, training, evaluation, limitations, EU AI Act
/// status, how to verify and reproduce, licence, citation), every number from the recorded facts.
struct ModelCard {
    let facts: ReleaseFacts
    var context: DocumentContext { DocumentContext(facts: facts) }

    /// The card's text.
    func render() -> String {
        var text = FrontMatter(facts: facts).render()
        // Name and version are validated identifiers (letters, digits, `.`, `_`, `+`, `-`), safe mid-line.
        text += "\n# \(facts.recipe.release.name) \(facts.recipe.release.version)\n\n"
        if !facts.recipe.release.description.isEmpty { text += MarkdownText.inline(facts.recipe.release.description) + "\n\n" }
        text += summary()
        text += uses()
        text += architecture()
        text += tokenizer()
        text += trainingData()
        text += facts.imported.map(importedTrainingProcedure) ?? trainingProcedure()
        text += evaluation()
        text += limitations()
        text += euAIAct()
        text += verification()
        text += provenance()
        text += licence()
        text += citation()
        return text
    }

    private func summary() -> String {
        let languages = facts.data.languages.map(\.code).joined(separator: ", ")
        var rows: [(String, String)] = [
            ("**Provider**", context.text(facts.declared.provider)),
            ("**Contact**", context.text(facts.declared.contact)),
            ("**Authors**", facts.recipe.release.authors.isEmpty ? "—" : facts.recipe.release.authors.map(MarkdownText.inline).joined(separator: ", ")),
            ("**Release date**", context.text(facts.declared.releaseDate)),
            ("**Licence (weights)**", MarkdownText.code(facts.recipe.release.license, inTable: true)),
            ("**Languages**", MarkdownText.inline(languages)),
            ("**Parameters**", Numbers.grouped(facts.model.parameters)),
            ("**Context length**", "\(facts.model.contextLength) tokens"),
            ("**Training compute**", "\(Numbers.flop(facts.compute.reported.flop)) FLOP"),
            ("**EU AI Act**", Self.tierLabel(facts.classification)),
            ("**Model Openness Framework**", facts.openness.label),
            ("**Built by**", "Glassbox, \(facts.inputs.coreVersion); recipe digest `\(facts.inputs.recipeDigest)`"),
        ]
        if let imported = facts.imported { rows = importedSummary(rows, imported) }
        return MarkdownTable.fields(rows)
    }

    static func tierLabel(_ classification: Classification) -> String {
        if let modification = classification.modification { return MarkdownText.inline(modification.label) }
        return switch classification.tier {
        case .belowIndicativeCriterion: "below the 10²³ FLOP indicative GPAI criterion; documents prepared voluntarily"
        case .generalPurpose: "general-purpose AI model (Art. 53 applies)"
        case .systemicRiskPresumed: "general-purpose AI model with systemic risk presumed (Art. 51(2))"
        case .followsBaseModel: "follows the base model's status"
        }
    }

    private func uses() -> String {
        var text = "## Uses\n\n### Intended uses\n\n" + context.bullets(facts.declared.intendedUses)
        text += "### Out of scope\n\n" + context.bullets(facts.declared.outOfScopeUses)
        text += "### Acceptable use policy\n\n" + context.text(facts.declared.acceptableUsePolicy) + "\n\n"
        return text
    }

    private func architecture() -> String {
        let m = facts.model
        let gqa = m.keyValueHeads < m.attentionHeads ? " (grouped-query attention)" : ""
        return "## Model details\n\nA decoder-only transformer (`\(m.architecture)`: RMSNorm, rotary position embeddings, SwiGLU MLP), "
            + "read from `config.json`.\n\n"
            + MarkdownTable(headers: ["Property", "Value"], rows: [
                ["Parameters", "\(Numbers.grouped(m.parameters)) (\(Numbers.grouped(m.matrixParameters)) in weight matrices)"],
                ["Layers", "\(m.layers)"], ["Hidden size", "\(m.hiddenSize)"], ["MLP size", "\(m.intermediateSize)"],
                ["Attention heads", "\(m.attentionHeads) query, \(m.keyValueHeads) key/value\(gqa), \(m.headDimension) dimensions each"],
                ["Context length", "\(m.contextLength) tokens"], ["Vocabulary", "\(Numbers.grouped(m.vocabularySize)) tokens"],
                ["Tied input/output embeddings", m.tiedEmbeddings ? "yes" : "no"], ["Weights", weightsCell],
            ]).render()
    }

    private var weightsCell: String {
        facts.imported == nil ? "`model.safetensors`, \(MarkdownText.inline(facts.model.weightType))"
            : "safetensors as imported, byte for byte (file digests in `training/import.json`), \(MarkdownText.inline(facts.model.weightType))"
    }

    private func tokenizer() -> String {
        let t = facts.recipe.tokenizer
        var text = "## Tokenizer\n\n"
        if let imported = facts.imported {
            text += "Imported with the weights, not trained by Glassbox: `tokenizer.json` with \(Numbers.grouped(imported.tokenizerTokens)) tokens "
            text += "(`config.json` vocabulary \(Numbers.grouped(facts.model.vocabularySize))), checked by the import step. "
        } else {
            text += "Byte-level BPE trained by Glassbox on the training split: \(Numbers.grouped(t.vocabSize)) tokens, "
            text += "\(MarkdownText.code(t.preTokenizer)) pre-tokenizer, special tokens "
            text += t.specialTokens.map { "\(MarkdownText.code($0))" }.joined(separator: ", ") + ". "
        }
        text += "Fertility (tokens per whitespace-separated word) on the held-out split, from \(context.recorded(.fertility)):\n\n"
        var table = MarkdownTable(headers: ["Language", "Tokens per word", "Tokens per byte", "Bytes per token"], rightAligned: [1, 2, 3])
        for row in facts.evaluation.languages {
            table.rows.append([MarkdownText.cell(row.language), row.tokensPerWord.map { Numbers.fixed($0, 3) } ?? "—",
                               row.tokensPerByte.map { Numbers.fixed($0, 4) } ?? "—",
                               row.tokensPerByte.map { $0 > 0 ? Numbers.fixed(1 / $0, 2) : "—" } ?? "—"])
        }
        return text + table.render()
    }
}
