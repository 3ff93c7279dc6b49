extension ComplianceRecord {
    /// The record of `facts` with the checklist `obligations`.
    init(facts: ReleaseFacts, obligations: [ObligationResult]) {
        let c = facts.classification
        release = facts.releaseName
        coreVersion = facts.inputs.coreVersion
        recipeDigest = facts.inputs.recipeDigest
        stepOutputs = facts.inputs.stepOutputs
        recordedFiles = Dictionary(uniqueKeysWithValues: facts.inputs.fileDigests.map { ($0.key.releasePath, $0.value) })
        classification = Classified(
            tier: c.tier.rawValue, flop: c.flop, indicativeCriterionFlop: Classification.indicativeCriterion,
            systemicRiskThresholdFlop: Classification.systemicRiskThreshold, reasoning: c.reasoning, openSourceExempt: c.openSource.exempt,
            openSourceConditions: c.openSource.conditions.map { Condition(name: $0.name, met: $0.met, reason: $0.reason) },
            modification: c.modification.map {
                Modified(baseModel: $0.baseModel, baseModelFlop: $0.baseFLOP, modificationFlop: $0.modificationFLOP, thresholdFlop: $0.threshold,
                         thresholdBasis: $0.thresholdBasis, modifierIsProvider: $0.makesNewProvider)
            })
        let estimates = facts.compute
        compute = Compute(reportedFlop: estimates.reported.flop, estimates: estimates.figures.map {
            Estimate(name: $0.key, flop: $0.figure.flop, method: $0.figure.method)
        })
        let e = facts.energy
        energy = Energy(kwh: e.kilowattHours, kgCO2e: e.kilogramsCO2e, trainingSecondsEstimate: e.trainingSeconds,
                        gridGramsPerKWh: e.gridFactor?.gramsPerKWh, gridRegion: e.gridFactor?.region, method: e.method, missing: e.missingKeys)
        openness = Openness(modelClass: facts.openness.modelClass, label: facts.openness.label, components: facts.openness.components.map {
            Component(name: $0.name, requiredForClass: $0.requiredFor, present: $0.present, evidence: $0.evidence)
        })
        documents = [
            Document(path: ObligationChecks.card, provision: "model card (Hugging Face); Art. 53(2) usage information"),
            Document(path: ObligationChecks.technical, provision: "Art. 53(1)(a), Annex XI"),
            Document(path: ObligationChecks.downstream, provision: "Art. 53(1)(b), Annex XII"),
            Document(path: ObligationChecks.summary, provision: "Art. 53(1)(d), AI Office template"),
            Document(path: ObligationChecks.copyright, provision: "Art. 53(1)(c)"),
            Document(path: "training/loss.svg", provision: "chart of training/log.jsonl"),
            Document(path: "eval/languages.svg", provision: "chart of eval/results.json and eval/baseline.json"),
        ].filter { facts.imported == nil || $0.path != "training/loss.svg" }
        self.facts = FactList.entries(facts)
        self.obligations = obligations
    }
}

/// The fact list of `compliance.json`: every number the documents print, with its origin.
enum FactList {
    static func entries(_ f: ReleaseFacts) -> [ComplianceRecord.FactEntry] {
        typealias Entry = ComplianceRecord.FactEntry
        let m = f.model
        var list: [Entry] = [
            Entry(name: "parameters", value: String(m.parameters), unit: nil, origin: .recorded(file: .modelConfig)),
            Entry(name: "context_length", value: String(m.contextLength), unit: "tokens", origin: .recorded(file: .modelConfig)),
            Entry(name: "vocabulary_size", value: String(m.vocabularySize), unit: "tokens", origin: .recorded(file: .modelConfig)),
            Entry(name: "training_data_bytes", value: String(f.data.bytes), unit: "bytes", origin: .recorded(file: .dataStatistics)),
            Entry(name: "training_documents", value: String(f.data.documents), unit: nil, origin: .recorded(file: .dataStatistics)),
        ]
        list += f.imported.map(importedEntries) ?? [
            Entry(name: "training_steps", value: String(f.training.steps), unit: nil, origin: .recorded(file: .trainingLog)),
            Entry(name: "training_tokens", value: String(f.training.tokens), unit: "tokens", origin: .recorded(file: .trainingLog)),
            Entry(name: "sequence_length", value: String(f.training.settings.sequenceLength), unit: "tokens", origin: .configured(key: "training.sequence_length")),
        ]
        let reported = f.compute.reported
        list.append(Entry(name: "training_compute", value: Numbers.scientific(reported.flop), unit: "FLOP",
                          origin: f.compute.reportedIsDeclared ? .declared(key: "training.declared.compute_flop") : .computed(method: reported.method)))
        for row in f.evaluation.languages {
            list.append(Entry(name: "bits_per_byte.\(row.language)", value: Numbers.fixed(row.bitsPerByte, 6), unit: "bits/byte", origin: .recorded(file: .evaluation)))
            if let baseline = row.baselineBitsPerByte {
                list.append(Entry(name: "baseline_bits_per_byte.\(row.language)", value: Numbers.fixed(baseline, 6), unit: "bits/byte", origin: .recorded(file: .baseline)))
            }
        }
        let d = f.declared
        let texts: [Declared<String>] = [d.provider, d.contact, d.providerCountry, d.authorisedRepresentative, d.releaseDate, d.unionMarketDate,
                                         d.acceptableUsePolicy, d.publicURL, d.hardware, d.dataCollectedUntil, d.illegalContentMeasures, d.licenseLink]
        // For imported weights the hardware falls back to training.declared.accelerator, listed above with the run's facts.
        list += texts.filter { !$0.key.hasPrefix("training.declared.") }.map { Entry(name: $0.key, value: $0.value, unit: nil, origin: $0.origin) }
        let lists: [Declared<[String]>] = [d.intendedUses, d.outOfScopeUses, d.knownLimitations, d.distribution]
        list += lists.map { Entry(name: $0.key, value: $0.value?.joined(separator: "\n"), unit: nil, origin: $0.origin) }
        let flags: [Declared<Bool>] = [d.codeOfPracticeSignatory, d.userData, d.syntheticData, d.monetised]
        list += flags.map { Entry(name: $0.key, value: $0.value.map { $0 ? "true" : "false" }, unit: nil, origin: $0.origin) }
        return list.sorted { $0.name < $1.name }
    }

    /// For imported weights: the reproducibility class, the declared tokens and every other declared
    /// training fact, each marked `declared` with its recipe key.
    static func importedEntries(_ imported: ImportedTrainingFacts) -> [ComplianceRecord.FactEntry] {
        typealias Entry = ComplianceRecord.FactEntry
        var list = [
            Entry(name: "reproducibility", value: imported.reproducibility, unit: nil, origin: .computed(method: "[training] backend = \"external\": weights imported, training facts declared")),
            Entry(name: "training_tokens", value: String(imported.declared.tokensSeen), unit: "tokens", origin: .declared(key: "training.declared.tokens_seen")),
        ]
        for row in imported.declarations where row.key != "training.declared.tokens_seen" && row.key != "training.declared.compute_flop" {
            list.append(Entry(name: row.key, value: row.value, unit: row.unit, origin: .declared(key: row.key)))
        }
        return list
    }
}
