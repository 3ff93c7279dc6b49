/// `compliance/training-content-summary.md`: the public summary of training content required by
/// Art. 53(1)(d), in the structure of the AI Office template (Annex to C(2025) 5235): header, Section 1
/// (1.1–1.3), Section 2 (2.1, 2.2.1, 2.2.2, 2.3–2.6), Section 3 (3.1–3.3). Every question is answered;
/// "not applicable" is written out with its reason.
struct TrainingContentSummary {
    let facts: ReleaseFacts
    var context: DocumentContext { DocumentContext(facts: facts) }

    func render() -> String {
        var text = context.preamble("Public summary of training content", provision: "Art. 53(1)(d) (AI Office template, C(2025) 5235)")
        text += "Owed by every provider of a general-purpose AI model, open-source included (Recital 104); to be public when the model is placed on the market.\n\n"
        text += MarkdownTable.fields([
            ("**Version of the summary**", "\(MarkdownText.code(facts.recipe.release.version, inTable: true)) (the release version)"),
            ("**Previous versions**", facts.declared.previousSummaries.isEmpty ? "none (first version)" : facts.declared.previousSummaries.map { MarkdownText.link($0, url: $0) }.joined(separator: ", ")),
            ("**Last update**", context.text(facts.declared.releaseDate)),
        ])
        text += sectionOne()
        text += sectionTwo()
        text += sectionThree()
        return text
    }

    /// The imported-weights texts, nil when Glassbox trained the model.
    var imported: ImportedSections? { facts.imported.map { ImportedSections(facts: facts, imported: $0) } }

    private func sectionOne() -> String {
        var text = "## 1. General information\n\n### 1.1 Provider identification\n\n"
        text += MarkdownTable.fields([
            ("Provider name and contact details", "\(context.text(facts.declared.provider)); \(context.text(facts.declared.contact))"),
            ("Authorised representative name and contact details", authorisedRepresentative),
        ])
        text += "### 1.2 Model identification\n\n"
        text += MarkdownTable.fields([
            ("Versioned model name(s)", MarkdownText.code(facts.releaseName, inTable: true)),
            ("Model dependencies", imported.map(\.modelDependencies) ?? context.notApplicable("the model was trained from random initialisation, not by modifying another general-purpose AI model")),
            ("Date of placement of the model on the Union market", context.text(facts.declared.unionMarketDate)),
        ])
        text += "### 1.3 Modalities, overall training data size and other characteristics\n\n"
        let tokens = facts.training.tokens
        let tokensSource = imported?.tokensSource ?? "tokens seen in training (`training/log.jsonl`)"
        text += MarkdownTable.fields([
            ("Modality", "Text: yes. Image, audio, video, other: no."),
            ("Training data size (text)", "\(Self.sizeBin(tokens: tokens)) — \(Numbers.grouped(tokens)) \(tokensSource); \(Numbers.bytes(facts.data.bytes)) of text after pre-processing (`data/stats.json`)"),
            ("Types of content", typesOfContent),
            ("Latest date of data acquisition/collection", facts.declared.dataCollectedMonth.map(MarkdownText.inline) ?? context.missing(facts.declared.dataCollectedUntil.key)),
            ("Continuous training on new data after that date", imported?.continuousTraining ?? "No: the model is trained once from the data pinned by digest in the recipe."),
            ("Linguistic characteristics", facts.data.languages.map { "\($0.code) \(Numbers.percent($0.share))" }.joined(separator: ", ") + " of the bytes"),
            ("Other relevant characteristics", "Per-source counts and digests are in `data/stats.json`."),
            ("Additional comments", "None."),
        ])
        return text
    }

    private var authorisedRepresentative: String {
        if let declared = facts.declared.authorisedRepresentative.value { return MarkdownText.inline(declared) }
        switch facts.declared.establishedInUnion {
        case true?: return context.notApplicable("the provider is established in the Union (`compliance.provider_country`)")
        case false?:
            return facts.classification.openSource.exempt ? context.notApplicable("open-source exemption of Art. 54(6)")
                : context.missing(facts.declared.authorisedRepresentative.key) + " — required by Art. 54(1) for a provider outside the Union"
        case nil: return context.missing(facts.declared.providerCountry.key) + " (decides whether Art. 54 applies)"
        }
    }

    private var typesOfContent: String {
        let notes = facts.data.sources.filter { !$0.notes.isEmpty }.map { "\(MarkdownText.inline($0.id)): \(MarkdownText.inline($0.notes))" }
        return notes.isEmpty ? "Text; the recipe gives no description of its sources (add `notes` to each `[[data.sources]]`)." : notes.joined(separator: "; ")
    }

    /// The template's text size bins.
    static func sizeBin(tokens: Int) -> String {
        if tokens < 1_000_000_000 { return "Less than 1 billion tokens" }
        if tokens <= 10_000_000_000_000 { return "1 billion to 10 trillion tokens" }
        return "More than 10 trillion tokens"
    }
}
