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
            if let modification = c.modification { return Self.systemicApplicability(c, modification) }
            return c.isSystemicRisk ? ("binding", nil) : ("not-applicable", "only for models with systemic risk; training compute \(Numbers.flop(c.flop)) FLOP is at or below 10²⁵ (Art. 51(2))")
        case .nonOpenSourceOnly where c.openSource.exempt:
            return ("not-applicable", "waived by the open-source exemption of Art. 53(2) / 54(6) (every condition holds; see classification)")
        default:
            return (c.obligationsBind ? "binding" : "voluntary", nil)
        }
    }

    /// The systemic-risk items of a modification: binding only when the modified model is presumed to have
    /// systemic risk and the modifier becomes its provider (guidelines points 59–61).
    private static func systemicApplicability(_ c: Classification, _ modification: ModificationAssessment) -> (String, String?) {
        switch c.tier {
        case .systemicRiskPresumed where c.obligationsBind:
            return ("binding", nil)
        case .systemicRiskPresumed:
            return ("not-applicable", "the modified model is presumed to have systemic risk, but the modification is at or below the ⅓ threshold, so these obligations stay with \(modification.baseModel)'s provider (guidelines points 59–61)")
        case _ where modification.baseFLOP == nil:
            return ("not-applicable", "only for models with systemic risk; whether \(modification.baseModel) is one is not declared (\(ModificationAssessment.baseComputeKey)); if it is, these obligations stay with its provider unless the modification exceeds one third of 10²⁵ FLOP (guidelines point 61)")
        default:
            return ("not-applicable", "only for models with systemic risk; cumulative training compute \(Numbers.flop(c.flop)) FLOP (base model declared plus modification) is at or below 10²⁵ (Art. 51(2))")
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
