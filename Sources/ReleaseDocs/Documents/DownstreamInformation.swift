/// `compliance/downstream-information.md`: Art. 53(1)(b) and Annex XII — points 1(a)–(h) and 2(a)–(c),
/// for providers of AI systems that integrate the model.
struct DownstreamInformation {
    let facts: ReleaseFacts
    private var context: DocumentContext { DocumentContext(facts: facts) }
    private var shared: SharedFields { SharedFields(facts: facts) }

    func render() -> String {
        var text = context.preamble("Information for downstream providers", provision: "Art. 53(1)(b) and Annex XII")
        text += "Recipients: providers of AI systems who intend to integrate the model (Art. 53(1)(b)). Contact (declared): "
        text += context.text(facts.declared.contact) + ". "
        text += facts.classification.openSource.exempt ? "Not owed under the open-source exemption of Art. 53(2); provided voluntarily.\n\n" : "\n\n"
        text += "## Point 1: general description\n\n"
        text += "### 1(a) Tasks and type of AI systems\n\n\(shared.tasks)\n\n"
        text += "### 1(b) Acceptable use policies\n\n\(context.text(facts.declared.acceptableUsePolicy))\n\n"
        text += "### 1(c) Date of release and methods of distribution\n\n\(shared.release)\n\n"
        text += "### 1(d) Interaction with hardware or software that is not part of the model\n\n\(interaction)\n\n"
        text += "### 1(e) Versions of relevant software\n\n\(shared.software)\n\n"
        text += "### 1(f) Architecture and number of parameters\n\n\(shared.architecture)\n\n"
        text += "### 1(g) Modality and format of inputs and outputs\n\n\(shared.inputOutput)\n\n"
        text += "### 1(h) Licence\n\n\(shared.licence)\n\n"
        text += "## Point 2: elements of the model and its development\n\n"
        text += "### 2(a) Technical means for integration\n\n\(shared.integration)\n\n"
        text += "### 2(b) Modality, format and maximum size of inputs and outputs\n\n\(shared.inputOutput) "
        text += "Maximum size: a context window of \(facts.model.contextLength) tokens (at about \(bytesPerToken) bytes of text per token on the held-out split).\n\n"
        text += "### 2(c) Data used for training, testing and validation\n\n\(shared.dataSummary)\n\n"
        text += "## Limitations the integrator must know\n\n"
        text += (facts.declared.knownLimitations.value ?? []).map { "- " + MarkdownText.inline($0) }.joined(separator: "\n")
        text += (facts.declared.knownLimitations.value == nil ? context.missing(facts.declared.knownLimitations.key) : "") + "\n"
        text += facts.data.thinLanguages.isEmpty ? "" : "- Thin languages (under half an equal share of the text): " + facts.data.thinLanguages.map { "\($0.code): \(Numbers.grouped($0.bytes)) B, \(Numbers.percent($0.share))" }.joined(separator: "; ") + "\n"
        return text
    }

    private var interaction: String {
        "The model takes token ids and returns next-token scores; it calls no external tool, network service or hardware interface. "
            + "Inference needs a CPU (or any device `transformers` supports) and \(Numbers.bytes(facts.model.parameters * 4)) of memory for float32 weights "
            + "plus the key/value cache (\(Numbers.bytes(2 * facts.model.layers * facts.model.keyValueHeads * facts.model.headDimension * 4)) per token of context)."
    }

    private var bytesPerToken: String {
        let rows = facts.evaluation.languages.compactMap(\.tokensPerByte).filter { $0 > 0 }
        guard !rows.isEmpty else { return "—" }
        return Numbers.fixed(Double(rows.count) / rows.reduce(0, +), 2)
    }
}
