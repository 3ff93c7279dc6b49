/// The card's sections for weights trained elsewhere (`[training] backend = "external"`): every
/// training fact is the provider's declaration, printed as such with its recipe key; what Glassbox
/// measured (data statistics, evaluation, digests) is named apart; compute is declared or estimated.
extension ModelCard {
    /// The summary rows with the compute labelled, the reproducibility class and who trained what.
    func importedSummary(_ rows: [(String, String)], _ imported: ImportedTrainingFacts) -> [(String, String)] {
        var rows = rows.map { row -> (String, String) in
            switch row.0 {
            case "**Training compute**": (row.0, "\(Numbers.flop(facts.compute.reported.flop)) FLOP (\(facts.compute.reportedBasis))")
            case "**Built by**": ("**Trained by**", "\(MarkdownText.inline(imported.trainer)) on \(MarkdownText.inline(imported.hardware)) (declared)")
            default: row
            }
        }
        if let base = ImportedSections.baseModel(imported), let trained = rows.firstIndex(where: { $0.0 == "**Trained by**" }) {
            rows.insert(("**Base model**", "\(base) (declared, `\(ImportedTrainingFacts.baseModelKey)`)"), at: trained + 1)
        }
        rows.append(("**Packaged by**", "Glassbox, \(facts.inputs.coreVersion); recipe digest `\(facts.inputs.recipeDigest)`"))
        rows.append(("**Reproducibility**", "**\(MarkdownText.inline(imported.reproducibility))**: the weights were trained elsewhere and imported; "
            + "their digests and structure are verified and the evaluation is re-run by `glassbox reproduce`, the training is not"))
        return rows
    }

    /// `## Training procedure` for imported weights: the declarations, the import checks, compute and energy.
    func importedTrainingProcedure(_ imported: ImportedTrainingFacts) -> String {
        var text = "## Training procedure\n\n**Imported, declared.** The weights were trained elsewhere; Glassbox did not run or observe the training. "
        text += "Every figure in the first table is the provider's declaration (`[training.declared]` of the recipe, recorded by the import step in "
        text += "\(context.recorded(.importRecord))); Glassbox cannot check it.\n\n"
        var declared = MarkdownTable(headers: ["Declared fact", "Value", "Recipe key"])
        for row in imported.declarations {
            let value = row.value.map { value in
                row.key == ImportedTrainingFacts.baseModelKey ? ImportedSections.baseModel(imported) ?? MarkdownText.cell(value)
                    : row.key.hasSuffix("command") || row.key.hasSuffix("config_file") ? MarkdownText.code(value, inTable: true)
                    : MarkdownText.cell(value + (row.unit.map { " " + $0 } ?? ""))
            } ?? "not declared"
            declared.rows.append([row.label, value, "`\(row.key)`"])
        }
        if !imported.declared.notes.isEmpty { declared.rows.append(["Notes", MarkdownText.cell(imported.declared.notes), "`training.declared.notes`"]) }
        text += declared.render()
        text += "What Glassbox checked when importing the weights from \(MarkdownText.code(imported.weightsURI)) "
        text += "(\(MarkdownText.code(imported.weightsDigest))\(imported.weightsCommit.map { ", commit " + MarkdownText.code($0) } ?? "")):\n\n"
        text += imported.checks.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n") + "\n\n"
        text += "There is no training log and no loss curve: Glassbox records only what it ran.\n\n"
        return text + importedCompute()
    }

    private func importedCompute() -> String {
        let c = facts.compute
        var text = "### Compute, energy and emissions\n\n"
        var table = MarkdownTable(headers: ["Figure", "FLOP", "Method"], rightAligned: [1])
        for named in c.figures { table.rows.append([named.name, Numbers.flop(named.figure.flop), MarkdownText.cell(named.figure.method)]) }
        text += table.render()
        text += "Reported training compute: **\(Numbers.flop(c.reported.flop)) FLOP** (\(c.reportedBasis)). "
        text += "Hardware (declared): \(context.text(facts.declared.hardware)). "
        text += "Wall-clock (declared): \(Numbers.plain(facts.imported?.declared.wallClockHours ?? 0)) hours.\n\n"
        let e = facts.energy
        text += MarkdownTable.fields([
            ("**Energy**", e.kilowattHours.map { Numbers.energy(kilowattHours: $0) } ?? "not available (missing: \(e.missingKeys.filter { !$0.hasPrefix("compliance.grid") }.map { "`\($0)`" }.joined(separator: ", ")))"),
            ("**Energy method**", MarkdownText.inline(e.method)),
            ("**Grid factor**", e.gridFactor.map { "\(Numbers.plain($0.gramsPerKWh)) g CO₂e/kWh (\(MarkdownText.inline($0.region)), declared)" } ?? "not declared (`compliance.grid_carbon_intensity`)"),
            ("**Emissions**", e.kilogramsCO2e.map { "\(Numbers.carbon(kilograms: $0)) (energy × grid factor)" } ?? "not available"),
        ])
        return text
    }

    /// The paragraph under `## Training data` saying what of it is declared and what measured.
    var importedDataNote: String {
        "The sources are **declared** by the provider as the training data of the imported weights; Glassbox fetched them, checked their digests "
            + "and measured the statistics below, but did not run the training and cannot check that the weights were trained on exactly this data.\n\n"
    }
}
