/// The mechanical check of each obligation id against the facts: the document that carries it, the
/// declarations it still needs, and a one-sentence reason.
struct ObligationChecks {
    /// The outcome of one check.
    struct Outcome {
        var document: String?
        var missing: [String] = []
        var reason: String
        var notApplicable = false
    }

    let facts: ReleaseFacts

    static let technical = "compliance/technical-documentation.md"
    static let downstream = "compliance/downstream-information.md"
    static let summary = "compliance/training-content-summary.md"
    static let copyright = "compliance/copyright-policy.md"
    static let record = "compliance/compliance.json"
    static let card = "README.md"

    func check(_ id: String) -> Outcome {
        let d = facts.declared
        switch id {
        case "scope.gpai":
            return scopeGPAI()
        case "scope.modifier":
            guard let modification = facts.classification.modification else {
                if let imported = facts.imported {
                    return Outcome(document: nil, reason: "weights trained elsewhere with \(imported.trainer) (declared); the recipe declares no base model (\(ImportedTrainingFacts.baseModelKey)), so the ⅓ rule cannot be applied — the provider must state whether the model modifies another", notApplicable: true)
                }
                return Outcome(document: nil, reason: "trained from random initialisation; no base model (README.md has no base_model)", notApplicable: true)
            }
            let card = facts.imported?.baseModelHubID == nil ? "README.md names the base model in its text only (not a Hub id, so no base_model metadata)"
                : "README.md declares it as base_model"
            return Outcome(document: Self.record, reason: "\(modification.statusSentence) \(modification.sentence) Base model declared by the provider (\(ImportedTrainingFacts.baseModelKey)); \(card).")
        case "scope.systemic":
            if facts.classification.modification?.baseFLOP == nil, facts.classification.modification != nil, !facts.classification.isSystemicRisk {
                return Outcome(document: Self.record, reason: "follows the base model's status: its training compute is not declared (\(ModificationAssessment.baseComputeKey)), so no systemic-risk presumption is made here")
            }
            return Outcome(document: Self.record, reason: facts.classification.isSystemicRisk ? "above 10²⁵ FLOP: systemic risk presumed" : "at or below 10²⁵ FLOP: no systemic-risk presumption")
        case "art53.1a.annexXI.s1":
            return Outcome(document: Self.technical, missing: declaredKeys([d.intendedUses.key: d.intendedUses.value != nil, d.acceptableUsePolicy.key: d.acceptableUsePolicy.value != nil,
                                                                        d.releaseDate.key: d.releaseDate.value != nil, d.distribution.key: d.distribution.value != nil,
                                                                        d.hardware.key: d.hardware.value != nil]) + facts.energy.missingKeys.filter { !$0.hasPrefix("compliance.grid") },
                           reason: "Annex XI Section 1 points 1(a)–(f) and 2(a)–(e); compute in FLOP with three methods, energy with its method")
        case "art53.1a.eval":
            return Outcome(document: Self.technical, reason: "per-language bits per byte on the held-out split (prepare output \(facts.inputs.stepOutputs["prepare"].map { String($0.prefix(19)) } ?? "—")…), harness \(facts.inputs.coreVersion), untrained baseline beside it")
        case "art53.1b.annexXII":
            return Outcome(document: Self.downstream, missing: declaredKeys([d.intendedUses.key: d.intendedUses.value != nil, d.acceptableUsePolicy.key: d.acceptableUsePolicy.value != nil,
                                                                         d.releaseDate.key: d.releaseDate.value != nil, d.distribution.key: d.distribution.value != nil,
                                                                         d.contact.key: d.contact.value != nil]),
                           reason: "Annex XII points 1(a)–(h) and 2(a)–(c); context length \(facts.model.contextLength) tokens from config.json, software version \(facts.inputs.coreVersion) from the lock")
        case "art53.1c.copyright":
            return Outcome(document: Self.copyright, missing: declaredKeys([d.contact.key: d.contact.value != nil, d.provider.key: d.provider.value != nil]),
                           reason: "policy with \(facts.data.sources.count) source(s), each with its licence and opt-out declaration, and a complaint contact")
        case "art53.1d.summary":
            return Outcome(document: Self.summary, missing: summaryKeys(), reason: "every template section 1.1–3.3 answered, size bin from the \(facts.imported == nil ? "logged" : "declared") tokens, public URL recorded")
        case "art53.1d.summary.crawl_domains":
            return Outcome(document: nil, reason: "no crawler was used by the provider: the build fetches only the pinned URIs of the recipe", notApplicable: true)
        case "art53.1d.summary.update":
            return Outcome(document: Self.summary, reason: "summary version \(facts.recipe.release.version); previous versions: " + (d.previousSummaries.isEmpty ? "none declared (first version)" : "\(d.previousSummaries.count) linked"))
        case "art53.2.open_source_claim":
            let open = facts.classification.openSource
            return Outcome(document: Self.record, missing: open.undecided ? declaredKeys([d.publicURL.key: d.publicURL.value != nil, d.monetised.key: d.monetised.value != nil]) : [],
                           reason: open.exempt ? "every Art. 53(2) condition holds" : open.undecided ? "the exemption cannot be decided" : "the exemption does not apply; Annex XI and XII documentation are owed")
        default:
            return moreChecks(id)
        }
    }

    /// `scope.gpai`: the compute and tier, and for a modification whose status it follows.
    private func scopeGPAI() -> Outcome {
        if let modification = facts.classification.modification {
            return Outcome(document: Self.record, reason: "a modification of \(modification.baseModel) (declared): its status as a general-purpose AI model follows the base model's, "
                + (modification.baseFLOP == nil ? "whose training compute is not declared (\(ModificationAssessment.baseComputeKey))" : "cumulative training compute \(Numbers.flop(facts.classification.flop)) FLOP (base model declared plus modification)")
                + "; classification \(facts.classification.tier.rawValue)")
        }
        if facts.imported != nil {
            return Outcome(document: Self.record, reason: "training compute \(Numbers.flop(facts.compute.reported.flop)) FLOP (\(facts.compute.reportedBasis)); classification \(facts.classification.tier.rawValue)")
        }
        return Outcome(document: Self.record, reason: "training compute \(Numbers.flop(facts.compute.reported.flop)) FLOP by three architecture-based methods"
            + (facts.energy.trainingSeconds == nil ? " (hardware-based estimate not possible: peak and utilisation not declared)" : " and hardware figures")
            + "; classification \(facts.classification.tier.rawValue)")
    }

    private func moreChecks(_ id: String) -> Outcome {
        let d = facts.declared
        switch id {
        case "art54.authorised_rep": return authorisedRepresentative()
        case "art52.notify", "art55.1a.eval_adversarial", "art55.1b.risk", "art55.1c.incidents", "art55.1d.cyber", "annexXI.s2.architecture":
            return Outcome(document: nil, missing: [id], reason: "Glassbox cannot produce this record; the provider must add it for a model with systemic risk")
        case "cop.transparency.mdf", "cop.transparency.contact":
            guard d.codeOfPracticeSignatory.value == true else {
                return Outcome(document: nil, missing: d.codeOfPracticeSignatory.value == nil ? [d.codeOfPracticeSignatory.key] : [],
                               reason: d.codeOfPracticeSignatory.value == nil ? "voluntary for Code signatories; whether the provider signed is not declared" : "voluntary for Code signatories; the provider is not one",
                               notApplicable: d.codeOfPracticeSignatory.value == false)
            }
            if id == "cop.transparency.contact" {
                return Outcome(document: Self.downstream, missing: declaredKeys([d.contact.key: d.contact.value != nil]), reason: "public contact point for the AI Office and downstream providers")
            }
            return Outcome(document: nil, missing: ["model-documentation-form"], reason: "Glassbox does not generate the Code's Model Documentation Form with per-field recipients; technical-documentation.md holds the same facts")
        case "art111.legacy":
            guard let date = d.unionMarketDate.value else {
                return Outcome(document: Self.summary, missing: [d.unionMarketDate.key], reason: "the placement date decides the deadline (Art. 111(3))")
            }
            let legacy = date < "2025-08-02"
            return Outcome(document: Self.summary, reason: "placed on the Union market \(date): " + (legacy ? "before 2 August 2025, so the obligations apply from 2 August 2027 (Art. 111(3))" : "on or after 2 August 2025, so the obligations apply at placement (Art. 113(b))"))
        case "hf.card":
            return Outcome(document: Self.card, reason: "YAML front matter with quoted language codes, licence, tags, pipeline and library, model-index per language; links to the EU documents")
        default:
            return Outcome(document: nil, missing: [id], reason: "this glassbox has no check for \(id)")
        }
    }

    private func authorisedRepresentative() -> Outcome {
        let d = facts.declared
        guard let inUnion = d.establishedInUnion else {
            return Outcome(document: Self.summary, missing: [d.providerCountry.key], reason: "whether Art. 54 applies depends on where the provider is established")
        }
        if inUnion { return Outcome(document: nil, reason: "the provider is established in the Union (\(d.providerCountry.value ?? ""))", notApplicable: true) }
        return Outcome(document: Self.summary, missing: declaredKeys([d.authorisedRepresentative.key: d.authorisedRepresentative.value != nil]),
                       reason: "provider outside the Union: an authorised representative in the Union is required (Art. 54(1))")
    }

    private func summaryKeys() -> [String] {
        let d = facts.declared
        var keys: [String: Bool] = [
            d.provider.key: d.provider.value != nil, d.contact.key: d.contact.value != nil, d.unionMarketDate.key: d.unionMarketDate.value != nil,
            d.dataCollectedUntil.key: d.dataCollectedUntil.value != nil, d.codeOfPracticeSignatory.key: d.codeOfPracticeSignatory.value != nil,
            d.illegalContentMeasures.key: d.illegalContentMeasures.value != nil, d.userData.key: d.userData.value != nil,
            d.syntheticData.key: d.syntheticData.value != nil, d.publicURL.key: d.publicURL.value != nil, d.releaseDate.key: d.releaseDate.value != nil,
            d.providerCountry.key: d.providerCountry.value != nil,
        ]
        if d.establishedInUnion == false, !facts.classification.openSource.exempt {
            keys[d.authorisedRepresentative.key] = d.authorisedRepresentative.value != nil
        }
        return declaredKeys(keys)
    }

    /// The keys whose value is false, sorted.
    private func declaredKeys(_ present: [String: Bool]) -> [String] {
        present.filter { !$0.value }.map(\.key).sorted()
    }
}
