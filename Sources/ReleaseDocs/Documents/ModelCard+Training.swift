extension ModelCard {
    func trainingData() -> String {
        let d = facts.data
        var text = "## Training data\n\n\(d.sources.count) source(s), \(Numbers.bytes(d.bytes)) of text in \(Numbers.grouped(d.documents)) "
        text += "documents after preparation, from \(context.recorded(.dataStatistics)). Digests are SHA-256 of the files as fetched.\n\n"
        if facts.imported != nil { text += importedDataNote }
        var table = MarkdownTable(headers: ["Source", "Languages", "Bytes", "Documents", "Licence", "Redistributable", "TDM opt-outs honoured"],
                                  rightAligned: [2, 3])
        var digests = MarkdownTable(headers: ["Source", "File", "Bytes", "SHA-256"], rightAligned: [2])
        for source in d.sources {
            table.rows.append([
                MarkdownText.cell(source.id), MarkdownText.cell(source.languages.joined(separator: ", ")), Numbers.grouped(source.bytes),
                Numbers.grouped(source.documents), MarkdownText.code(source.license, inTable: true), source.redistributable ? "yes" : "no",
                source.tdmOptOutRespected ? "yes (declared)" : "no (declared)",
            ])
            for file in source.files.prefix(20) {
                digests.rows.append([MarkdownText.cell(source.id), MarkdownText.cell(file.name), Numbers.grouped(file.bytes), MarkdownText.code(file.sha256, inTable: true)])
            }
            if source.files.count > 20 {
                digests.rows.append([MarkdownText.cell(source.id), "\(source.files.count - 20) more files", "—", "see `data/stats.json`"])
            }
        }
        text += table.render() + "Input files as fetched (digests pin the exact bytes):\n\n" + digests.render()
        var languages = MarkdownTable(headers: ["Language", "Documents", "Held out", "Bytes", "Share"], rightAligned: [1, 2, 3, 4])
        for language in d.languages {
            languages.rows.append([MarkdownText.cell(language.code), Numbers.grouped(language.documents), Numbers.grouped(language.evalDocuments),
                                   Numbers.grouped(language.bytes), Numbers.percent(language.share)])
        }
        text += "Per language:\n\n" + languages.render()
        let p = d.preparation
        text += "Preparation (`[data]`): Unicode \(MarkdownText.inline(p.normalization)) normalisation, invalid UTF-8 \(MarkdownText.inline(p.invalidUTF8)), "
        text += "one document per \(MarkdownText.inline(p.split)), deduplication \(MarkdownText.code(p.dedup)) (\(Numbers.grouped(d.removedDuplicates)) removed), "
        text += "documents under \(p.minDocumentChars) character\(p.minDocumentChars == 1 ? "" : "s") dropped (\(Numbers.grouped(d.removedShort)) removed), "
        text += "\(Numbers.percent(p.evalFraction)) held out for evaluation (seed \(p.seed)). Input read: \(Numbers.bytes(d.inputBytes)).\n\n"
        let notes = d.sources.filter { !$0.notes.isEmpty }
        if !notes.isEmpty {
            text += "Source notes (declared in the recipe):\n\n" + notes.map { "- **\(MarkdownText.inline($0.id))**: \(MarkdownText.inline($0.notes))" }.joined(separator: "\n") + "\n\n"
        }
        return text
    }

    func trainingProcedure() -> String {
        let t = facts.training
        let s = t.settings
        var text = "## Training procedure\n\nTrained by Glassbox's deterministic CPU training core from random initialisation (seed \(s.seed)); "
        text += "recorded in \(context.recorded(.trainingLog)).\n\n"
        text += MarkdownTable(headers: ["Setting", "Value"], rows: [
            ["Optimiser", "AdamW (β₁ \(Numbers.plain(s.beta1)), β₂ \(Numbers.plain(s.beta2)), ε \(Numbers.plain(s.epsilon)), weight decay \(Numbers.plain(s.weightDecay)))"],
            ["Learning rate", "\(Numbers.plain(s.learningRate)) peak, \(Numbers.plain(s.minLearningRate)) final, \(s.warmupSteps) warm-up steps, \(MarkdownText.inline(s.schedule)) decay"],
            ["Batch", "\(s.batchSize) sequences × \(s.sequenceLength) tokens × \(s.gradientAccumulationSteps) accumulation step(s)"],
            ["Gradient clipping", s.gradClipNorm > 0 ? "global norm \(Numbers.plain(s.gradClipNorm))" : "off"],
            ["Steps", "\(Numbers.grouped(t.steps)) (logged)"],
            ["Training tokens", "\(Numbers.grouped(t.tokens)) (logged `tokens_seen`)"],
            ["Loss", "\(Numbers.fixed(t.firstLoss, 4)) at step 1 → \(Numbers.fixed(t.finalLoss, 4)) at step \(t.steps) (lowest \(Numbers.fixed(t.lowestLoss, 4)))"],
        ]).render()
        text += "![Training loss per step](training/loss.svg)\n\n"
        text += compute()
        return text
    }

    private func compute() -> String {
        let c = facts.compute
        var text = "### Compute, energy and emissions\n\n"
        var table = MarkdownTable(headers: ["Estimate", "FLOP", "Method"], rightAligned: [1])
        for (name, figure) in c.figures.map({ ($0.name, $0.figure) }) {
            table.rows.append([name, Numbers.flop(figure.flop), MarkdownText.cell(figure.method)])
        }
        text += table.render()
        text += "Reported training compute: **\(Numbers.flop(c.reported.flop)) FLOP** (the largest estimate). "
        let e = facts.energy
        text += "Hardware: \(context.text(facts.declared.hardware)). "
        text += e.trainingSeconds.map { "Training time implied by compute / (peak × utilisation): \(Numbers.duration($0)) (estimate). " } ?? ""
        text += "Measured step timings are kept in the build's run log beside the release, not in the release, because timings differ from run to run and the release must rebuild bit for bit.\n\n"
        text += MarkdownTable.fields([
            ("**Energy**", e.kilowattHours.map { Numbers.energy(kilowattHours: $0) } ?? "not available (missing: \(e.missingKeys.map { "`\($0)`" }.joined(separator: ", ")))"),
            ("**Energy method**", MarkdownText.inline(e.method)),
            ("**Grid factor**", e.gridFactor.map { "\(Numbers.plain($0.gramsPerKWh)) g CO₂e/kWh (\(MarkdownText.inline($0.region)), declared)" } ?? "not declared (`compliance.grid_carbon_intensity`)"),
            ("**Emissions**", e.kilogramsCO2e.map { "\(Numbers.carbon(kilograms: $0)) (energy × grid factor)" } ?? "not available"),
        ])
        return text
    }
}
