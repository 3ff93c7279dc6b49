/// Field texts that several EU documents share (Annex XII repeats most of Annex XI Section 1), so each
/// is phrased once.
struct SharedFields {
    let facts: ReleaseFacts
    private var context: DocumentContext { DocumentContext(facts: facts) }

    /// Annex XI 1.1(a) / XII 1(a): tasks and the AI systems it can be integrated into.
    var tasks: String {
        "Intended tasks (declared): \(context.list(facts.declared.intendedUses)). Out of scope (declared): \(context.list(facts.declared.outOfScopeUses)). "
            + "Type of AI systems: the model is a text-generation component (a causal language model) for systems that continue or score text "
            + "in \(facts.data.languages.map(\.code).joined(separator: ", ")); it has no tools, retrieval, or safety layer of its own."
    }

    /// Annex XI 1.1(c) / XII 1(c): release date and distribution.
    var release: String {
        "Release date (declared, `release.date`): \(context.text(facts.declared.releaseDate)). Date of placement on the Union market "
            + "(declared): \(context.text(facts.declared.unionMarketDate)). Methods of distribution (declared): \(context.list(facts.declared.distribution)). "
            + "Public location (declared): \(facts.declared.publicURL.value.map { MarkdownText.link($0, url: $0) } ?? context.missing(facts.declared.publicURL.key))."
    }

    /// Annex XI 1.1(d) / XII 1(f): architecture and parameters.
    var architecture: String {
        let m = facts.model
        return "Decoder-only transformer `\(m.architecture)` (RMSNorm, rotary position embeddings, SwiGLU MLP): \(m.layers) layers, hidden size "
            + "\(m.hiddenSize), MLP size \(m.intermediateSize), \(m.attentionHeads) query and \(m.keyValueHeads) key/value heads of \(m.headDimension) "
            + "dimensions, vocabulary \(m.vocabularySize), tied embeddings: \(m.tiedEmbeddings ? "yes" : "no"). Parameters: **\(Numbers.grouped(m.parameters))** "
            + "(\(Numbers.flop(Double(m.parameters)))), counted from \(context.recorded(.modelConfig))."
    }

    /// Annex XI 1.1(e) / XII 1(g), 2(b): modality, format and maximum size of inputs and outputs.
    var inputOutput: String {
        "Input: text (UTF-8), encoded by the release's byte-level BPE tokenizer (`tokenizer.json`, \(facts.model.vocabularySize) tokens); "
            + "maximum input plus output: **\(facts.model.contextLength) tokens** (`max_position_embeddings` in `config.json`). Output: a probability "
            + "distribution over the next token, i.e. text, one token at a time; no other modality."
    }

    /// Annex XI 1.1(f) / XII 1(h): licence.
    var licence: String {
        let verdict = FreeLicences.verdict(facts.recipe.release.license)
        return "\(MarkdownText.code(facts.recipe.release.license)) (`release.license`)"
            + (facts.declared.licenseLink.value.map { ", text at " + MarkdownText.link($0, url: $0) } ?? "")
            + ". Free and open-source licence in the sense of Art. 53(2): \(verdict.isFree ? "yes" : "no") — \(MarkdownText.inline(verdict.reason))."
    }

    /// Annex XI 1.2(a) / XII 2(a): technical means for integration.
    var integration: String {
        "The release is a Hugging Face model directory: `config.json`, "
            + (facts.imported == nil ? "`model.safetensors`" : "`model.safetensors` or its shards with `model.safetensors.index.json`, as imported")
            + " (\(facts.model.weightType)), `tokenizer.json`, "
            + "`tokenizer_config.json`, `generation_config.json`. It loads with `transformers` (`AutoModelForCausalLM.from_pretrained(DIR)`, "
            + "`AutoTokenizer.from_pretrained(DIR)`) or with `glassbox generate DIR`. It runs on a CPU; memory needed for the weights: "
            + "\(Numbers.bytes(facts.model.parameters * 4)) in float32."
    }

    /// Annex XI 1.2(c) / XII 2(c): data type, provenance and curation.
    var dataSummary: String {
        let d = facts.data
        let sources = d.sources.map { "\(MarkdownText.code($0.id)) (\(MarkdownText.inline($0.languages.joined(separator: ", "))), \(Numbers.bytes($0.bytes)), \(MarkdownText.code($0.license)), from \(MarkdownText.inline($0.uri)))" }
        let p = d.preparation
        return "Type: text. Provenance: \(d.sources.count) source(s) named with their licences and digests in the recipe and in "
            + "\(context.recorded(.dataStatistics)): " + sources.joined(separator: "; ") + ". Curation: Unicode \(MarkdownText.inline(p.normalization)) normalisation, "
            + "invalid UTF-8 \(MarkdownText.inline(p.invalidUTF8)), deduplication \(MarkdownText.code(p.dedup)) (\(Numbers.grouped(d.removedDuplicates)) duplicates removed), "
            + "documents shorter than \(p.minDocumentChars) characters removed (\(Numbers.grouped(d.removedShort))). Data points: \(Numbers.grouped(d.documents)) documents, "
            + "\(Numbers.bytes(d.bytes)); \(Numbers.grouped(d.trainDocuments)) for training, \(Numbers.grouped(d.evalDocuments)) held out for testing "
            + "(\(Numbers.percent(p.evalFraction)), seed \(p.seed)); no separate validation set."
    }

    /// Annex XII 1(e): software versions.
    var software: String {
        if let imported = facts.imported { return ImportedSections(facts: facts, imported: imported).software }
        return "Built with Glassbox (\(MarkdownText.code(facts.inputs.coreVersion)), the version of its deterministic cores recorded in `recipe.lock.json`). "
            + "Loadable with Hugging Face `transformers` versions that support `\(facts.model.architecture)` and safetensors weights."
    }
}
