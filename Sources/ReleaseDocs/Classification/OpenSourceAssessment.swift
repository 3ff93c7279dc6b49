/// The five cumulative conditions of the Art. 53(2) / 54(6) exemption (Recitals 102–104): a free and
/// open-source licence, public weights, public architecture information, public usage information, no
/// monetisation, and no systemic risk. The exemption waives only Art. 53(1)(a) and (b) (Annex XI and
/// Annex XII documentation) and Art. 54; the copyright policy and the training-content summary stay owed.
public struct OpenSourceAssessment: Sendable, Equatable {
    /// One condition.
    public struct Condition: Sendable, Equatable {
        /// Short name.
        public let name: String
        /// True met, false not met, nil unknown (a declaration is missing).
        public let met: Bool?
        /// Why.
        public let reason: String
    }

    /// The conditions, in the order of Art. 53(2).
    public let conditions: [Condition]

    /// True only when every condition is met.
    public var exempt: Bool { conditions.allSatisfy { $0.met == true } }
    /// True when some condition could not be decided.
    public var undecided: Bool { !exempt && conditions.allSatisfy { $0.met != false } }

    /// The reasoning sentence.
    public var sentence: String {
        if exempt {
            return "Open-source exemption (Art. 53(2), 54(6)): every condition holds, so the Annex XI technical documentation (Art. 53(1)(a)) and Annex XII downstream information (Art. 53(1)(b)) are not owed and no authorised representative is needed (Art. 54(6)); they are included voluntarily. The copyright policy (Art. 53(1)(c)) and the public training-content summary (Art. 53(1)(d)) stay owed (Recital 104)."
        }
        let open = conditions.filter { $0.met != true }.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")
        return "Open-source exemption (Art. 53(2), 54(6)) " + (undecided ? "cannot be decided" : "does not apply")
            + " — \(open). Annex XI and Annex XII documentation are therefore treated as owed."
    }

    /// Decides the conditions for a release. `computeNote` replaces the "no systemic risk" reason when
    /// the compute it rests on is not the whole story (a modification of a base model of undeclared compute).
    public static func assess(license: String, publicURL: String?, monetised: Bool?, systemicRisk: Bool,
                              computeNote: String? = nil) -> OpenSourceAssessment {
        let verdict = FreeLicences.verdict(license)
        let published = publicURL.map { "published at \($0)" }
        return OpenSourceAssessment(conditions: [
            Condition(name: "free and open-source licence", met: verdict.isFree, reason: "release.license = \(license): \(verdict.reason)"),
            Condition(name: "weights public", met: publicURL == nil ? nil : true,
                      reason: published.map { "model.safetensors \($0)" } ?? "compliance.public_url is not declared"),
            Condition(name: "architecture information public", met: publicURL == nil ? nil : true,
                      reason: published.map { "config.json and the model card \($0)" } ?? "compliance.public_url is not declared"),
            Condition(name: "usage information public", met: publicURL == nil ? nil : true,
                      reason: published.map { "the model card (README.md) \($0)" } ?? "compliance.public_url is not declared"),
            Condition(name: "not monetised", met: monetised.map { !$0 },
                      reason: monetised.map { $0 ? "compliance.monetised = true (Recital 103)" : "compliance.monetised = false" } ?? "compliance.monetised is not declared"),
            Condition(name: "no systemic risk", met: !systemicRisk,
                      reason: computeNote ?? (systemicRisk ? "training compute above 10²⁵ FLOP (Art. 51(2))" : "training compute at or below 10²⁵ FLOP")),
        ])
    }
}
