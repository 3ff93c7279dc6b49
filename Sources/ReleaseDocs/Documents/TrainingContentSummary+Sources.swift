extension TrainingContentSummary {
    /// Sources listed under 2.1: fetched from a public URL or marked redistributable.
    var publicSources: [SourceFacts] { facts.data.sources.filter { $0.isRemote || $0.redistributable } }
    /// Sources listed under 2.2.2: neither.
    var privateSources: [SourceFacts] { facts.data.sources.filter { !$0.isRemote && !$0.redistributable } }

    func sectionTwo() -> String {
        var text = "## 2. List of data sources\n\n### 2.1 Publicly available datasets\n\n"
        let listed = publicSources
        text += "Have you used publicly available datasets to train the model? **\(listed.isEmpty ? "No" : "Yes")**. Modality: text. "
        text += "Glassbox lists a source here when it is fetched from a public URL or the recipe marks it redistributable; every source is listed, large or not.\n\n"
        if !listed.isEmpty {
            var table = MarkdownTable(headers: ["Dataset", "Link or location", "Licence", "Size after preparation"], rightAligned: [3])
            for source in listed {
                table.rows.append([MarkdownText.cell(source.id), source.isRemote ? MarkdownText.link(source.uri, url: Self.webURL(source.uri)) : MarkdownText.cell(source.uri + " (shipped with the recipe)"),
                                   MarkdownText.code(source.license, inTable: true), Numbers.bytes(source.bytes)])
            }
            text += table.render()
        }
        text += "Other publicly available datasets not listed above: none.\n\n"
        text += "### 2.2 Private non-publicly available datasets obtained from third parties\n\n#### 2.2.1 Datasets commercially licensed by rightsholders or their representatives\n\n"
        let custom = facts.data.sources.filter { $0.license.contains("LicenseRef-") }
        text += custom.isEmpty ? "Have you concluded transactional commercial licensing agreement(s) with rightsholder(s) or with their representatives? **No** — every source's licence is a standard SPDX licence recorded in the recipe.\n\n"
            : "Have you concluded transactional commercial licensing agreement(s)? **Possibly** — sources with custom licences: \(custom.map { MarkdownText.inline($0.id) }.joined(separator: ", ")). Modality: text.\n\n"
        text += "#### 2.2.2 Private datasets obtained from other third parties\n\n"
        let restricted = privateSources
        text += restricted.isEmpty ? "Have you obtained private datasets from third parties that are not licensed as described in Section 2.2.1? **No**.\n\n"
            : "Have you obtained private datasets from third parties? **Yes** (text): " + restricted.map { "\(MarkdownText.inline($0.id)) (\(Numbers.bytes($0.bytes)), \(MarkdownText.code($0.license)), content not published, digests in `data/stats.json`)" }.joined(separator: "; ") + ".\n\n"
        text += "### 2.3 Data crawled and scraped from online sources\n\n"
        text += "Were crawlers used by the provider or on its behalf? **No** — the build fetches only the URIs pinned (by digest) in the recipe's `[[data.sources]]`; "
        text += "datasets compiled by third parties are listed under 2.1" + (facts.imported == nil ? "" : "; for the external training run, " + ImportedSections.declaredSources) + ". Crawler names, purposes, behaviour, period, content and domain list: \(context.notApplicable("no crawler was used"))\n\n"
        text += "### 2.4 User data\n\n"
        text += "Was data from user interactions with the AI model used to train the model? \(context.yesNo(facts.declared.userData)). "
        text += "Was data collected from user interactions with the provider's other services or products used? \(context.yesNo(facts.declared.userData)).\n\n"
        text += "### 2.5 Synthetic data\n\nWas synthetic AI-generated data created by the provider or on their behalf to train the model? \(context.yesNo(facts.declared.syntheticData)).\n\n"
        text += "### 2.6 Other sources of data\n\nHave data sources other than those described in Sections 2.1 to 2.5 been used? **No** — the recipe's sources are the complete list of training inputs; "
        text += "the build reads nothing else, and `recipe.lock.json` records the digest of every input" + (facts.imported == nil ? "" : "; for the external training run, " + ImportedSections.declaredSources) + ".\n\n"
        return text
    }

    func sectionThree() -> String {
        var text = "## 3. Data processing aspects\n\n### 3.1 Respect of reservation of rights from the text and data mining exception or limitation\n\n"
        text += "Are you a Signatory to the Code of Practice for general-purpose AI models that includes commitments to respect reservations of rights? \(context.yesNo(facts.declared.codeOfPracticeSignatory)).\n\n"
        text += "Measures implemented to respect reservations of rights, per source (`tdm_opt_out_respected` and `notes` are the provider's declarations):\n\n"
        var table = MarkdownTable(headers: ["Source", "Opt-outs honoured", "How (declared)"])
        for source in facts.data.sources {
            table.rows.append([MarkdownText.cell(source.id), source.tdmOptOutRespected ? "yes" : "no", MarkdownText.cell(source.notes)])
        }
        text += table.render()
        text += "### 3.2 Removal of illegal content\n\n\(context.text(facts.declared.illegalContentMeasures))\n\n"
        let p = facts.data.preparation
        text += "### 3.3 Other information\n\nPre-processing applied by the build: Unicode \(MarkdownText.inline(p.normalization)) normalisation, deduplication "
        text += "\(MarkdownText.code(p.dedup)) (\(Numbers.grouped(facts.data.removedDuplicates)) documents removed), minimum document length \(p.minDocumentChars) characters "
        text += "(\(Numbers.grouped(facts.data.removedShort)) removed).\n"
        return text
    }

    /// A browsable URL for a source URI (`git+https://host/repo.git@commit#glob` → `https://host/repo.git`).
    static func webURL(_ uri: String) -> String {
        guard uri.hasPrefix("git+") else { return uri }
        let trimmed = uri.dropFirst(4)
        return String(trimmed.prefix { $0 != "@" && $0 != "#" })
    }
}
