/// `compliance/copyright-policy.md`: the policy Art. 53(1)(c) requires (comply with Union copyright law,
/// identify and honour reservations of rights under Art. 4(3) of Directive (EU) 2019/790), structured
/// after the Code of Practice copyright measures 1.1–1.5, with every training source, its licence and
/// its opt-out handling.
struct CopyrightPolicy {
    let facts: ReleaseFacts
    private var context: DocumentContext { DocumentContext(facts: facts) }

    func render() -> String {
        var text = context.preamble("Copyright policy", provision: "Art. 53(1)(c)")
        text += "Owed by every provider of a general-purpose AI model, open-source included (Art. 53(2), Recital 104). Provider (declared): "
        text += "\(context.text(facts.declared.provider)).\n\n"
        text += "## 1. Policy (Code of Practice, copyright measure 1.1)\n\n"
        text += "The provider trains only on the sources named in the recipe, each with its SPDX licence, its digest and a declaration of whether "
        text += "text-and-data-mining reservations (Art. 4(3) of Directive (EU) 2019/790) were honoured when it was collected. A source whose reservations "
        text += "were not honoured, or whose licence does not permit training, is removed from the recipe and the model is rebuilt; the lock file "
        text += facts.imported == nil ? "proves which sources a release was trained on.\n\n"
            : "records which sources the provider declares for this release (the weights were trained elsewhere, so the build cannot prove which data the training read; removing a source means retraining with the provider's own trainer and importing again).\n\n"
        text += "## 2. Lawful access (measure 1.2)\n\n"
        text += "The build fetches only the URIs pinned in the recipe and checks each against its SHA-256 digest; it runs no crawler, follows no links, "
        text += "and does not circumvent technological protection measures such as paywalls or logins.\n\n"
        text += "## 3. Reservations of rights (measure 1.3)\n\n"
        text += "No crawling is done by the provider, so reservations are honoured upstream, by whoever compiled each source; the declarations per source:\n\n"
        text += sourceTable()
        let refused = facts.data.sources.filter { !$0.tdmOptOutRespected }
        if !refused.isEmpty {
            text += "**Attention:** the recipe declares that reservations were **not** honoured for: \(refused.map { MarkdownText.inline($0.id) }.joined(separator: ", ")). "
            text += "Under this policy those sources must be removed or their use justified by the rightsholders' permission.\n\n"
        }
        text += "## 4. Infringing outputs (measure 1.4)\n\n"
        text += "The model is small and trained on the listed sources only; it can still reproduce passages of them. Users must not use it to reproduce "
        text += "protected works. Acceptable use policy (declared): \(context.text(facts.declared.acceptableUsePolicy)).\n\n"
        text += "## 5. Point of contact and complaints (measure 1.5)\n\n"
        text += "Rightsholders can send complaints electronically to: \(context.text(facts.declared.contact)). "
        text += "A complaint should name the work and the source id above; the provider answers and, where it is justified, removes the source and rebuilds.\n"
        return text
    }

    private func sourceTable() -> String {
        var table = MarkdownTable(headers: ["Source", "Location", "Licence", "Redistributable", "Reservations honoured (declared)", "Notes (declared)"])
        for source in facts.data.sources {
            table.rows.append([MarkdownText.cell(source.id), MarkdownText.cell(source.uri), MarkdownText.code(source.license, inTable: true),
                               source.redistributable ? "yes" : "no", source.tdmOptOutRespected ? "yes" : "no", MarkdownText.cell(source.notes)])
        }
        return table.render()
    }
}
