/// Shared phrasing for the documents: how facts and missing declarations are printed.
struct DocumentContext {
    let facts: ReleaseFacts

    /// A declared text, escaped, or `missing (set KEY in the recipe)`.
    func text(_ declared: Declared<String>) -> String {
        declared.value.map(MarkdownText.inline) ?? missing(declared.key)
    }

    /// A declared list joined with `; `, or missing.
    func list(_ declared: Declared<[String]>) -> String {
        declared.value.map { $0.map(MarkdownText.inline).joined(separator: "; ") } ?? missing(declared.key)
    }

    /// A declared yes/no, or missing.
    func yesNo(_ declared: Declared<Bool>) -> String {
        declared.value.map { $0 ? "Yes" : "No" } ?? missing(declared.key)
    }

    /// `**Missing:** not declared (set `KEY` in the recipe)`.
    func missing(_ key: String) -> String {
        "**Missing:** not declared (set `\(key)` in the recipe's `[\(key.split(separator: ".").first ?? "compliance")]` section)"
    }

    /// `Not applicable: REASON.`
    func notApplicable(_ reason: String) -> String { "Not applicable: \(reason)." }

    /// Bullet list of declared entries, or the missing line.
    func bullets(_ declared: Declared<[String]>) -> String {
        guard let entries = declared.value else { return missing(declared.key) + "\n\n" }
        return entries.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n") + "\n\n"
    }

    /// The line every EU document opens with: what it is, its status and where its numbers come from.
    func preamble(_ document: String, provision: String) -> String {
        var text = "# \(document): \(MarkdownText.inline(facts.releaseName))\n\n"
        text += "Prepared by Glassbox (\(facts.inputs.coreVersion)) from the release's recorded provenance for **\(provision)** of "
        text += "Regulation (EU) 2024/1689 (AI Act). Release date: \(facts.declared.releaseDate.value.map(MarkdownText.inline) ?? "not declared"). "
        text += "Every figure names the recorded file, recipe setting or declaration it comes from; declarations are the provider's "
        text += "statements and are marked as such. This document states which information is present and which is missing; it is not a "
        text += "certification or an assessment of conformity.\n\n"
        if !facts.classification.isGeneralPurpose {
            text += "> **Status: prepared voluntarily.** Training compute \(Numbers.flop(facts.compute.reported.flop)) FLOP is at or below the 10²³ FLOP "
            text += "indicative criterion for general-purpose AI models (Commission guidelines C(2025) 7719, point 17), so this model is presumed "
            text += "not to be a general-purpose AI model. See `compliance/compliance.json` for the reasoning.\n\n"
        }
        return text
    }

    /// The citation of a recorded file: path and digest.
    func recorded(_ file: RecordedFile) -> String {
        "`\(file.releasePath)` (\(facts.inputs.fileDigests[file].map { String($0.prefix(19)) + "…" } ?? "not recorded"))"
    }
}
