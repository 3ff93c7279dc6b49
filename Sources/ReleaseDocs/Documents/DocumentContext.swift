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
        if let modification = facts.classification.modification {
            text += modificationStatus(modification)
        } else if !facts.classification.isGeneralPurpose {
            text += "> **Status: prepared voluntarily.** Training compute \(Numbers.flop(facts.compute.reported.flop)) FLOP is at or below the 10²³ FLOP "
            text += "indicative criterion for general-purpose AI models (Commission guidelines C(2025) 7719, point 17), so this model is presumed "
            text += "not to be a general-purpose AI model. See `compliance/compliance.json` for the reasoning.\n\n"
        }
        return text
    }

    /// The status line of a modification's documents: whose obligations they are, by the ⅓ rule.
    private func modificationStatus(_ modification: ModificationAssessment) -> String {
        let c = facts.classification
        let base = MarkdownText.inline(modification.baseModel)
        var text = "> **Status: " + (c.obligationsBind ? "a modification; obligations limited to it.**" : "prepared voluntarily.**")
        text += " This release is a modification of \(base) (declared, `\(ImportedTrainingFacts.baseModelKey)`), so whether it is a general-purpose "
        text += "AI model follows \(base)'s status, not the modification's compute alone (Commission guidelines C(2025) 7719, points 59–61). "
        if c.tier == .belowIndicativeCriterion {
            text += "With the base model's declared training compute, the cumulative \(Numbers.flop(c.flop)) FLOP is at or below the 10²³ FLOP indicative "
            text += "criterion (point 17), so neither is presumed to be a general-purpose AI model. "
        } else {
            if c.tier != .followsBaseModel, modification.baseFLOP == nil {
                text += "The modification's own compute \(Numbers.flop(c.flop)) FLOP already exceeds the 10²³ FLOP indicative criterion, so the cumulative compute "
                text += c.isSystemicRisk ? "exceeds it and 10²⁵ FLOP too: a general-purpose AI model presumed to have systemic risk (point 17; Art. 51(2)). "
                    : "does too: a general-purpose AI model (point 17). "
            } else if c.tier != .followsBaseModel {
                text += "With the base model's declared training compute, the cumulative \(Numbers.flop(c.flop)) FLOP is above the 10²³ FLOP indicative criterion "
                text += c.isSystemicRisk ? "and 10²⁵ FLOP, so it is a general-purpose AI model presumed to have systemic risk (point 17; Art. 51(2)). "
                    : "(point 17), so it is a general-purpose AI model. "
            }
            text += "The modification's compute \(Numbers.flop(modification.modificationFLOP)) FLOP is " + (modification.makesNewProvider ? "above" : "at or below")
            text += " \(Numbers.flop(modification.threshold)) FLOP, " + (modification.baseFLOP == nil
                ? "the guidelines' fallback threshold (one third of 10²³ FLOP, point 61; the base model's compute is not declared, `\(ModificationAssessment.baseComputeKey)`)"
                : "one third of the base model's declared training compute (point 60)")
            text += modification.makesNewProvider ? ", so the modifier becomes the provider of the modified model" + (modification.baseFLOP == nil ? " if \(base) is a general-purpose AI model" : "")
                + ", with obligations limited to the modification (Recital 109). "
                : ", so " + (modification.baseFLOP == nil ? "any" : "the") + " obligations stay with \(base)'s provider and these documents describe only the modification. "
        }
        return text + "See `compliance/compliance.json` for the reasoning.\n\n"
    }

    /// The citation of a recorded file: path and digest.
    func recorded(_ file: RecordedFile) -> String {
        "`\(file.releasePath)` (\(facts.inputs.fileDigests[file].map { String($0.prefix(19)) + "…" } ?? "not recorded"))"
    }
}
