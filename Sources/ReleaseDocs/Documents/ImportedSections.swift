/// The EU documents' texts that differ for weights trained elsewhere (`[training] backend =
/// "external"`): each says which facts are the provider's declarations (from `training/import.json`)
/// and which Glassbox measured, and never presents training compute, time or energy as measured.
struct ImportedSections {
    let facts: ReleaseFacts
    let imported: ImportedTrainingFacts
    private var context: DocumentContext { DocumentContext(facts: facts) }

    /// Annex XI 1.2(b): the training process as declared, and what the import verified.
    var design: String {
        let d = imported.declared
        var text = "Reproducibility class: **\(MarkdownText.inline(imported.reproducibility))** — the weights were trained elsewhere and imported; "
        text += "Glassbox did not run or observe the training. Training process as **declared** by the provider (`[training.declared]`, recorded in "
        text += "\(context.recorded(.importRecord))): "
        if let base = Self.baseModel(imported) { text += "from the base model \(base) (`\(ImportedTrainingFacts.baseModelKey)`), " }
        text += "trainer \(MarkdownText.inline(imported.trainer)) at code revision \(MarkdownText.code(d.codeRevision)), "
        text += "\(Numbers.grouped(d.tokensSeen)) training tokens"
        if let config = imported.configFile { text += ", run configuration `\(config)` (stored in the release)" }
        if let command = d.command { text += ", command \(MarkdownText.code(command))" }
        text += ". Objective, optimiser, schedule and other hyperparameters are those of the declared run configuration; Glassbox does not read them."
        if !d.notes.isEmpty { text += " Provider's notes (declared): \(MarkdownText.inline(d.notes))." }
        text += " **Verified by Glassbox** when importing the weights from \(MarkdownText.code(imported.weightsURI)) (\(MarkdownText.code(imported.weightsDigest))): "
        text += imported.checks.map(MarkdownText.inline).joined(separator: "; ") + ". Further design rationale is not declared."
        return text
    }

    /// Annex XI 1.2(d): compute declared or estimated, time and hardware declared.
    var compute: String {
        let c = facts.compute
        var text = "Training compute: **\(Numbers.flop(c.reported.flop)) FLOP** (\(c.reportedBasis)).\n\n"
        text += c.figures.map { "- \($0.name): \(Numbers.flop($0.figure.flop)) FLOP — \(MarkdownText.inline($0.figure.method))" }.joined(separator: "\n")
        text += "\n\nTraining time: \(Numbers.plain(imported.declared.wallClockHours)) hours wall-clock (declared, `training.declared.wall_clock_hours`); "
        text += "hardware (declared): \(context.text(facts.declared.hardware)). Glassbox measured neither."
        return text
    }

    /// Annex XI 1.2(c): the data sources are declared for imported weights.
    static let dataSelection = "The sources are declared by the provider as the training data of the imported weights; Glassbox fetched them, "
        + "checked their digests and measured the statistics above, but did not run the training and cannot check that it used exactly this data. "

    /// Annex XII 1(e): software versions.
    var software: String {
        "Trained with \(MarkdownText.inline(imported.trainer)) at code revision \(MarkdownText.code(imported.declared.codeRevision)) (declared); imported, "
            + "verified, evaluated and packaged with Glassbox (\(MarkdownText.code(facts.inputs.coreVersion)), recorded in `recipe.lock.json`). "
            + "Loadable with Hugging Face `transformers` versions that support `\(facts.model.architecture)` and safetensors weights."
    }

    /// Summary 1.2: the declared base model, or not known to Glassbox.
    var modelDependencies: String {
        if let base = Self.baseModel(imported) {
            return "\(base), **declared** by the provider (`\(ImportedTrainingFacts.baseModelKey)`): the weights were trained from it elsewhere "
                + "(\(MarkdownText.inline(imported.trainer)), declared); Glassbox cannot check this. The training content summarised here is that of "
                + "the declared run; the base model's own training content is for its provider's summary"
        }
        return "Not known to Glassbox: the weights were trained elsewhere (\(MarkdownText.inline(imported.trainer)), declared) and the recipe does not "
            + "declare a base model (`\(ImportedTrainingFacts.baseModelKey)`); whether they modify another general-purpose AI model is for the provider to state"
            + (imported.declared.notes.isEmpty ? "" : " (provider's notes: \(MarkdownText.inline(imported.declared.notes)))")
    }

    /// The declared base model as Markdown: a link to its Hub page when it is a Hub id, else its name as
    /// text; nil when none is declared.
    static func baseModel(_ imported: ImportedTrainingFacts) -> String? {
        guard let name = imported.baseModel else { return nil }
        return imported.baseModelHubID.map { MarkdownText.link($0, url: "https://huggingface.co/" + $0) } ?? MarkdownText.inline(name)
    }

    /// Summary 1.3: the training data size from the declared tokens.
    var tokensSource: String { "tokens seen in training (declared, `training.declared.tokens_seen`; not measured)" }

    /// Summary 1.3: continuous training.
    var continuousTraining: String {
        "Not observed by Glassbox: the weights were trained elsewhere; the run is described by the provider's declarations in `training/import.json`."
    }

    /// Summary 2.3 and 2.6: what the provider declares by listing the sources.
    static let declaredSources = "as declared by the provider, who lists the recipe's sources as the training data of the imported weights; "
        + "Glassbox did not run the training and cannot check it"
}
