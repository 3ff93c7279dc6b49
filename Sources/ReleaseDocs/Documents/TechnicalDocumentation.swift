/// `compliance/technical-documentation.md`: Art. 53(1)(a) and Annex XI — Section 1 points 1(a)–(f) and
/// 2(a)–(e), the evaluation results, and Section 2 (systemic risk) stated as applicable or not.
struct TechnicalDocumentation {
    let facts: ReleaseFacts
    private var context: DocumentContext { DocumentContext(facts: facts) }
    private var shared: SharedFields { SharedFields(facts: facts) }

    func render() -> String {
        var text = context.preamble("Technical documentation", provision: "Art. 53(1)(a) and Annex XI")
        text += "Recipients: the AI Office and national competent authorities, on request (Art. 53(1)(a)). "
        text += facts.classification.openSource.exempt
            ? "Not owed under the open-source exemption of Art. 53(2); provided voluntarily.\n\n" : "\n\n"
        text += "## Section 1, point 1: general description\n\n"
        text += "### 1(a) Tasks and type of AI systems\n\n\(shared.tasks)\n\n"
        text += "### 1(b) Acceptable use policies\n\n\(context.text(facts.declared.acceptableUsePolicy))\n\n"
        text += "### 1(c) Date of release and methods of distribution\n\n\(shared.release)\n\n"
        text += "### 1(d) Architecture and number of parameters\n\n\(shared.architecture)\n\n"
        text += "### 1(e) Modality and format of inputs and outputs\n\n\(shared.inputOutput)\n\n"
        text += "### 1(f) Licence\n\n\(shared.licence)\n\n"
        text += "## Section 1, point 2: elements of the model and its development\n\n"
        text += "### 2(a) Technical means for integration\n\n\(shared.integration)\n\n"
        text += "### 2(b) Design specifications and training process\n\n\(design)\n\n"
        text += "### 2(c) Data used for training, testing and validation\n\n\(shared.dataSummary) \(dataSelection)\n\n"
        text += "### 2(d) Computational resources\n\n\(computeText)\n\n"
        text += "### 2(e) Energy consumption\n\n\(energyText)\n\n"
        text += evaluationText
        text += systemicSection
        return text
    }

    private var design: String {
        if let imported = facts.imported { return ImportedSections(facts: facts, imported: imported).design }
        let s = facts.training.settings
        return "Objective: next-token cross-entropy on the training split (the model is designed to predict text in its training languages). "
            + "Training: \(Numbers.grouped(facts.training.steps)) AdamW updates of \(s.batchSize) × \(s.gradientAccumulationSteps) sequences of \(s.sequenceLength) tokens, "
            + "learning rate \(Numbers.plain(s.learningRate)) with \(s.warmupSteps) warm-up steps and \(MarkdownText.inline(s.schedule)) decay to \(Numbers.plain(s.minLearningRate)), "
            + "weight decay \(Numbers.plain(s.weightDecay)), gradient clipping \(Numbers.plain(s.gradClipNorm)), seed \(s.seed) (configured in `[training]`, logged in "
            + "\(context.recorded(.trainingLog))). Key design choice: Glassbox's deterministic cores (fixed reduction order, own transcendental functions, "
            + "counter-based random numbers), so that anyone can rebuild the weights bit for bit from the recipe; the model size follows from the recipe's "
            + "`[model]` section. Further rationale and assumptions are not declared."
    }

    private var dataSelection: String {
        (facts.imported == nil ? "" : ImportedSections.dataSelection) + "How the data was obtained and selected: each source is fetched from the URI pinned in the recipe and checked against its digest; "
            + "selection is the recipe's list of sources. Measures to detect unsuitable sources and biases: none beyond the curation above "
            + "(no classifier, blocklist or bias measurement was run by the build)."
    }

    private var computeText: String {
        if let imported = facts.imported { return ImportedSections(facts: facts, imported: imported).compute }
        let c = facts.compute
        var text = "Training compute: **\(Numbers.flop(c.reported.flop)) FLOP** (largest estimate).\n\n"
        text += c.figures.map { ($0.name, $0.figure) }
            .map { "- \($0.0): \(Numbers.flop($0.1.flop)) FLOP — \(MarkdownText.inline($0.1.method))" }.joined(separator: "\n")
        text += "\n\nTraining time: " + (facts.energy.trainingSeconds.map { "\(Numbers.duration($0)) estimated as compute / (peak × utilisation)" } ?? "not estimable (hardware peak and utilisation not declared)")
        text += "; hardware (declared): \(context.text(facts.declared.hardware)). Measured timings are in the build's run log, outside the release."
        return text
    }

    private var energyText: String {
        let e = facts.energy
        var text = "Energy: " + (e.kilowattHours.map { "**\(Numbers.energy(kilowattHours: $0))** (\(Numbers.scientific($0 / 1000)) MWh)" } ?? "**Missing:** " + e.missingKeys.map { "`\($0)`" }.joined(separator: ", "))
        text += ". Method: \(MarkdownText.inline(e.method)), in the absence of a delegated act under Art. 53(5)."
        if let grid = e.gridFactor, let co2 = e.kilogramsCO2e {
            text += " Emissions: \(Numbers.carbon(kilograms: co2)) at \(Numbers.plain(grid.gramsPerKWh)) g CO₂e/kWh (\(MarkdownText.inline(grid.region)), declared)."
        }
        return text
    }

    private var evaluationText: String {
        var text = "## Results of the evaluation (Art. 53(1)(a))\n\n"
        text += "Held-out split of each language (the prepare step's output `\(facts.inputs.stepOutputs["prepare"] ?? "—")`), scored by Glassbox "
        text += "\(MarkdownText.inline(facts.inputs.coreVersion)); method: \(MarkdownText.inline(facts.evaluation.method)). Recorded in \(context.recorded(.evaluation)) "
        text += "and \(context.recorded(.baseline)).\n\n"
        var table = MarkdownTable(headers: ["Language", "Bytes", "Bits per byte", "Untrained baseline"], rightAligned: [1, 2, 3])
        for row in facts.evaluation.languages {
            table.rows.append([MarkdownText.cell(row.language), Numbers.grouped(row.bytes), Numbers.fixed(row.bitsPerByte, 4),
                               row.baselineBitsPerByte.map { Numbers.fixed($0, 4) } ?? "—"])
        }
        return text + table.render()
    }

    private var systemicSection: String {
        var text = "## Section 2: additional information for models with systemic risk\n\n"
        guard facts.classification.isSystemicRisk else {
            return text + context.notApplicable("training compute \(Numbers.flop(facts.compute.reported.flop)) FLOP is at or below the 10²⁵ FLOP presumption of Art. 51(2) and the model is not designated under Art. 51(1)(b)") + "\n"
        }
        text += "- 1. Evaluation strategies: **Missing** — Glassbox records bits per byte only; an evaluation strategy with criteria, metrics and limitations must be added.\n"
        text += "- 2. Adversarial testing, adaptations: **Missing** — no red-teaming report is part of the release.\n"
        text += "- 3. System architecture: **Missing** — describe how the software components feed into each other.\n"
        return text
    }
}
