extension ModelCard {
    func verification() -> String {
        let name = facts.releaseName
        let reproduceComment = facts.imported == nil ? "# rebuild every step without cache and compare each output bit for bit"
            : "# re-check every digest, re-run preparation, evaluation and these documents; training is not re-run (imported, declared)"
        var text = "## Verify and reproduce\n\nEvery file of this release is listed with its SHA-256 in `SHA256SUMS` and signed in `model.sig` "
        text += "(OpenSSF model-signing) when the provider signed it; the recipe and `recipe.lock.json` name every input and every step's output digest.\n\n"
        text += CodeBlock.render("""
            # check the signature and every file (exit 3 on any difference)
            glassbox verify \(name) --key provider.pub
            \(reproduceComment)
            glassbox reproduce \(name) --data-dir DATA_DIR --key provider.pub
            # the EU AI Act checklist: what applies, what is present, what is missing
            glassbox comply \(name)
            # regenerate this card and the compliance documents from the recorded files, for review
            glassbox card \(name) --out review
            """, language: "sh")
        text += "`DATA_DIR` is the folder the recipe's `file:` sources are relative to; sources that are not redistributable must be supplied there "
        text += "and are checked against their digests" + (facts.imported == nil ? "" : "; so must the imported weights when the recipe names them by a `file:` path") + ".\n\n"
        return text
    }

    func provenance() -> String {
        var text = "## Provenance of the figures\n\n"
        var table = MarkdownTable(headers: ["Recorded file", "Written by step", "SHA-256 of the file", "Step output digest"])
        let imported = facts.imported != nil
        for file in RecordedFile.files(imported: imported) {
            let step = file.step(imported: imported)
            table.rows.append(["`\(file.releasePath)`", step, "`\(facts.inputs.fileDigests[file] ?? "—")`", "`\(facts.inputs.stepOutputs[step] ?? "—")`"])
        }
        text += table.render()
        text += "Recipe digest `\(facts.inputs.recipeDigest)`; the step keys are in `recipe.lock.json`.\n\n"
        return text
    }

    func licence() -> String {
        var text = "## Licence\n\nThe weights, tokenizer and documents of this release are under \(MarkdownText.code(facts.recipe.release.license))"
        if let link = facts.declared.licenseLink.value { text += " (" + MarkdownText.link("licence text", url: link) + ")" }
        text += ". The training data keeps its own licences (table above); the release contains statistics and digests of the data, not the data.\n\n"
        return text
    }

    func citation() -> String {
        let release = facts.recipe.release
        let key = BibTeX.key(release.name + "-" + release.version)
        var fields = [
            "  title = {\(BibTeX.escape(release.name)) \(BibTeX.escape(release.version))}",
            "  author = {\(release.authors.isEmpty ? "Unknown" : release.authors.map(BibTeX.escape).joined(separator: " and "))}",
            "  note = {\(facts.imported == nil ? "Built" : "Packaged") with Glassbox, \(BibTeX.escape(facts.inputs.coreVersion)); recipe \(facts.inputs.recipeDigest)}",
        ]
        if let date = facts.declared.releaseDate.value { fields.append("  year = {\(BibTeX.escape(String(date.prefix(4))))}") }
        if let url = facts.declared.publicURL.value { fields.append("  url = {\(BibTeX.escape(url))}") }
        return "## Citation\n\n" + CodeBlock.render("@misc{\(key),\n" + fields.joined(separator: ",\n") + "\n}", language: "bibtex")
    }
}

/// BibTeX escaping for recipe strings: braces balanced away, backslashes and newlines removed.
enum BibTeX {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{", "}", "\\": out += " "
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 ? " " : scalar)
            }
        }
        return out
    }

    static func key(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
