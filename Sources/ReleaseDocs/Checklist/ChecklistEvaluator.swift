/// Decides every checklist obligation for a release from its facts: which apply (from the classification
/// and the open-source exemption), which are met, which are missing and which declaration would complete
/// them. Below the 10²³ FLOP criterion nothing is legally owed; the items are then evaluated as
/// `voluntary`, to the same standard, because the release's documents are written as the Act asks.
public struct ChecklistEvaluator: Sendable {
    /// The facts of the release.
    public let facts: ReleaseFacts
    /// Per document path, a problem with the file in the release (missing, edited); empty when the
    /// documents are the ones just generated.
    public let documentProblems: [String: String]

    /// An evaluator for `facts`; `documentProblems` comes from comparing a release's files with a regeneration.
    public init(facts: ReleaseFacts, documentProblems: [String: String] = [:]) {
        self.facts = facts
        self.documentProblems = documentProblems
    }

    /// Every obligation's result, in checklist order.
    public func evaluate() -> [ObligationResult] {
        ObligationCatalog.all.map(result)
    }

    private func applicability(_ obligation: Obligation) -> (String, String?) {
        let c = facts.classification
        switch obligation.appliesTo {
        case .systemicRisk:
            return c.isSystemicRisk ? ("binding", nil) : ("not-applicable", "only for models with systemic risk; training compute \(Numbers.flop(c.flop)) FLOP is at or below 10²⁵ (Art. 51(2))")
        case .nonOpenSourceOnly where c.openSource.exempt:
            return ("not-applicable", "waived by the open-source exemption of Art. 53(2) / 54(6) (every condition holds; see classification)")
        default:
            return (c.isGeneralPurpose ? "binding" : "voluntary", nil)
        }
    }

    private func result(_ obligation: Obligation) -> ObligationResult {
        let (applies, whyNot) = applicability(obligation)
        if let whyNot {
            // A waived document is still written voluntarily; say which of its fields are incomplete.
            let voluntary = obligation.appliesTo == .nonOpenSourceOnly ? ObligationChecks(facts: facts).check(obligation.id) : nil
            let note = voluntary.flatMap { $0.document != nil && !$0.missing.isEmpty ? "; \($0.document ?? "") is included voluntarily, incomplete fields: \($0.missing.joined(separator: ", "))" : nil }
            return ObligationResult(id: obligation.id, ref: obligation.ref, appliesTo: obligation.appliesTo.rawValue, applicability: applies,
                                    status: .notApplicable, satisfiedBy: nil, reason: whyNot + (note ?? ""), missing: [])
        }
        let check = ObligationChecks(facts: facts).check(obligation.id)
        var missing = check.missing
        var reason = check.reason
        if let document = check.document, let problem = documentProblems[document] {
            missing.append(document)
            reason = "\(document) \(problem)"
        }
        let status: ObligationResult.Status = check.notApplicable ? .notApplicable : (missing.isEmpty ? .met : .missing)
        return ObligationResult(id: obligation.id, ref: obligation.ref, appliesTo: obligation.appliesTo.rawValue,
                                applicability: check.notApplicable ? "not-applicable" : applies, status: status,
                                satisfiedBy: status == .met ? check.document : nil, reason: reason, missing: missing)
    }
}
