import BaseIO
import Foundation
import RecipeFormat

/// What `glassbox comply` prints: the classification and every obligation's state for a release, with
/// the release's documents compared with a regeneration from its recorded files.
public struct ComplianceReport: Sendable {
    /// The release's facts.
    public let facts: ReleaseFacts
    /// Per document path, how the release's copy differs from the regeneration.
    public let documentProblems: [String: String]
    /// Every obligation's result.
    public let results: [ObligationResult]

    /// Reads `directory` and evaluates the checklist.
    public init(releaseDirectory directory: URL) throws(ReleaseDocsError) {
        let documents = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: directory))
        facts = documents.facts
        documentProblems = documents.problems(comparedWith: directory)
        results = ChecklistEvaluator(facts: facts, documentProblems: documentProblems).evaluate()
    }

    /// Obligations that apply (binding or voluntary) and are missing.
    public var failing: Int { results.filter(\.failsCheck).count }

    /// The report as text: classification, then one block per obligation, then the counts.
    public func text() -> String {
        let c = facts.classification
        var out = "\(facts.releaseName): training compute \(Numbers.flop(c.flop)) FLOP — \(c.modification?.label ?? Self.tierText(c.tier))\n"
        out += "open-source exemption (Art. 53(2), 54(6)): " + (c.openSource.exempt ? "applies" : c.openSource.undecided ? "cannot be decided" : "does not apply") + "\n"
        out += "Model Openness Framework: \(facts.openness.label)\n"
        for (path, problem) in documentProblems.sorted(by: { $0.key < $1.key }) { out += "document \(path) \(problem)\n" }
        out += "\n"
        for result in results {
            let state = result.status == .notApplicable ? "n/a" : result.status.rawValue + (result.applicability == "voluntary" ? " (voluntary)" : "")
            out += state.padding(toLength: 20, withPad: " ", startingAt: 0) + result.id.padding(toLength: 34, withPad: " ", startingAt: 0) + result.ref + "\n"
            out += "    " + (result.satisfiedBy.map { "\($0): " } ?? "") + Self.oneLine(result.reason) + "\n"
            if !result.missing.isEmpty { out += "    missing: " + result.missing.joined(separator: ", ") + "\n" }
        }
        let met = results.filter { $0.status == .met }.count
        let notApplicable = results.filter { $0.status == .notApplicable }.count
        out += "\n\(results.count) obligations: \(met) met, \(results.count - met - notApplicable) missing, \(notApplicable) not applicable"
        out += failing > 0 ? "; \(failing) applicable obligation(s) missing\n" : "; nothing applicable is missing\n"
        return out
    }

    /// The report as canonical JSON.
    public func json() throws -> Data {
        struct Output: Encodable {
            let release: String
            let tier: String
            let flop: Double
            let openSourceExempt: Bool
            let modelOpennessClass: Int?
            let documentProblems: [String: String]
            let failing: Int
            let obligations: [ObligationResult]
            enum CodingKeys: String, CodingKey {
                case release, tier, flop, failing, obligations
                case openSourceExempt = "open_source_exempt"
                case modelOpennessClass = "model_openness_class"
                case documentProblems = "document_problems"
            }
        }
        return Data(try CanonicalJSON.encode(Output(
            release: facts.releaseName, tier: facts.classification.tier.rawValue, flop: facts.classification.flop,
            openSourceExempt: facts.classification.openSource.exempt, modelOpennessClass: facts.openness.modelClass,
            documentProblems: documentProblems, failing: failing, obligations: results)))
    }

    static func tierText(_ tier: Classification.Tier) -> String {
        switch tier {
        case .belowIndicativeCriterion: "below the 10²³ FLOP indicative GPAI criterion: nothing is owed; obligations checked as voluntary"
        case .generalPurpose: "general-purpose AI model: Art. 53 obligations apply"
        case .systemicRiskPresumed: "general-purpose AI model with systemic risk presumed (Art. 51(2))"
        case .followsBaseModel: "follows the base model's status"
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
