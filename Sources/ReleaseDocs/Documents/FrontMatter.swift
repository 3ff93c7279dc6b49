/// The model card's YAML front matter, as the Hugging Face Hub and `huggingface_hub.ModelCard` read it
/// (hub-docs `modelcard.md`; `repocard.py`): licence (a Hub id, or `other` with `license_name` and
/// `license_link`), quoted language codes, Hub datasets, the declared base model of imported weights
/// when it is a Hub id, tags, pipeline and library, and a `model-index` with one result per evaluated language.
struct FrontMatter {
    let facts: ReleaseFacts

    /// The block, from the opening `---` to the closing one, with a trailing newline.
    func render() -> String {
        var lines = ["---"]
        lines.append("language:")
        lines += facts.data.languages.map { "- " + YAMLText.quoted($0.code) }
        lines += licenceLines()
        let hubDatasets = facts.data.sources.compactMap { HubIDs.dataset(fromURI: $0.uri) }
        if !hubDatasets.isEmpty {
            lines.append("datasets:")
            lines += Array(Set(hubDatasets)).sorted().map { "- " + YAMLText.quoted($0) }
        }
        if let base = facts.imported?.baseModelHubID { lines.append("base_model: " + YAMLText.quoted(base)) }
        lines.append("tags:")
        let tags = facts.imported == nil ? ["glassbox", "llama", "reproducible", "eu-ai-act", "multilingual"]
            : ["glassbox", "llama", "imported-weights", "eu-ai-act", "multilingual"]
        lines += tags.map { "- " + YAMLText.quoted($0) }
        lines.append("pipeline_tag: " + YAMLText.quoted("text-generation"))
        lines.append("library_name: " + YAMLText.quoted("transformers"))
        lines.append("metrics:")
        lines.append("- " + YAMLText.quoted("bits_per_byte"))
        lines += modelIndex()
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    private func licenceLines() -> [String] {
        let spdx = facts.recipe.release.license
        if let hub = HubIDs.license(forSPDX: spdx) { return ["license: " + YAMLText.quoted(hub)] }
        return [
            "license: " + YAMLText.quoted("other"),
            "license_name: " + YAMLText.quoted(HubIDs.licenseName(forSPDX: spdx)),
            "license_link: " + YAMLText.quoted(HubIDs.licenseLink(forSPDX: spdx, declared: facts.declared.licenseLink.value)),
        ]
    }

    private func modelIndex() -> [String] {
        var lines = ["model-index:", "- name: " + YAMLText.quoted(facts.releaseName), "  results:"]
        for row in facts.evaluation.languages {
            lines += [
                "  - task:",
                "      type: " + YAMLText.quoted("text-generation"),
                "      name: " + YAMLText.quoted("Language modelling"),
                "    dataset:",
                "      type: " + YAMLText.quoted("glassbox-held-out"),
                "      name: " + YAMLText.quoted("Held-out split of the training sources (\(row.language))"),
                "      config: " + YAMLText.quoted(row.language),
                "      split: " + YAMLText.quoted("eval"),
                "    metrics:",
                "    - type: " + YAMLText.quoted("bits_per_byte"),
                "      value: " + YAMLText.decimal(row.bitsPerByte, 4),
                "      name: " + YAMLText.quoted("Bits per byte"),
            ]
            if let baseline = row.baselineBitsPerByte {
                lines += [
                    "    - type: " + YAMLText.quoted("bits_per_byte_untrained"),
                    "      value: " + YAMLText.decimal(baseline, 4),
                    "      name: " + YAMLText.quoted("Bits per byte, untrained baseline"),
                ]
            }
        }
        return lines
    }
}
