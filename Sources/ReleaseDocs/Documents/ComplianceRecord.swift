import BaseIO
import Foundation
import RecipeFormat

/// `compliance/compliance.json`: everything the EU documents say, machine-readable (schema
/// `glassbox.compliance/1`, documented in Docs/compliance-json.md): the classification with its
/// reasoning, compute and energy with their methods, the open-source conditions, the MOF class, every
/// fact with its origin, the documents and the checklist. Canonical JSON (sorted keys), no timestamps.
public struct ComplianceRecord: Encodable, Sendable {
    /// One fact and where it comes from.
    public struct FactEntry: Encodable, Sendable {
        /// Fact name (`parameters`, `compliance.provider`).
        public let name: String
        /// The value as text; nil when missing.
        public let value: String?
        /// Unit, when it has one.
        public let unit: String?
        /// Its origin.
        public let origin: FactOrigin

        enum CodingKeys: String, CodingKey { case name, value, unit, origin }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(value, forKey: .value)
            try c.encode(unit, forKey: .unit)
            try c.encode(origin, forKey: .origin)
        }
    }

    struct Compute: Encodable, Sendable {
        let reportedFlop: Double
        let estimates: [Estimate]
        enum CodingKeys: String, CodingKey { case estimates; case reportedFlop = "reported_flop" }
    }

    struct Estimate: Encodable, Sendable {
        let name: String
        let flop: Double
        let method: String
    }

    struct Energy: Encodable, Sendable {
        let kwh: Double?
        let kgCO2e: Double?
        let trainingSecondsEstimate: Double?
        let gridGramsPerKWh: Double?
        let gridRegion: String?
        let method: String
        let missing: [String]
        enum CodingKeys: String, CodingKey {
            case kwh, method, missing
            case kgCO2e = "kg_co2e"
            case trainingSecondsEstimate = "training_seconds_estimate"
            case gridGramsPerKWh = "grid_g_co2e_per_kwh"
            case gridRegion = "grid_region"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kwh, forKey: .kwh)
            try c.encode(kgCO2e, forKey: .kgCO2e)
            try c.encode(trainingSecondsEstimate, forKey: .trainingSecondsEstimate)
            try c.encode(gridGramsPerKWh, forKey: .gridGramsPerKWh)
            try c.encode(gridRegion, forKey: .gridRegion)
            try c.encode(method, forKey: .method)
            try c.encode(missing, forKey: .missing)
        }
    }

    struct Classified: Encodable, Sendable {
        let tier: String
        let flop: Double
        let indicativeCriterionFlop: Double
        let systemicRiskThresholdFlop: Double
        let reasoning: [String]
        let openSourceExempt: Bool
        let openSourceConditions: [Condition]
        /// For a modification of a declared base model: the ⅓ rule's inputs and outcome; absent otherwise.
        let modification: Modified?
        enum CodingKeys: String, CodingKey {
            case tier, flop, reasoning, modification
            case indicativeCriterionFlop = "indicative_criterion_flop"
            case systemicRiskThresholdFlop = "systemic_risk_threshold_flop"
            case openSourceExempt = "open_source_exempt"
            case openSourceConditions = "open_source_conditions"
        }
    }

    struct Modified: Encodable, Sendable {
        let baseModel: String
        let baseModelFlop: Double?
        let modificationFlop: Double
        let thresholdFlop: Double
        let thresholdBasis: String
        let modifierIsProvider: Bool
        enum CodingKeys: String, CodingKey {
            case baseModel = "base_model"
            case baseModelFlop = "base_model_flop"
            case modificationFlop = "modification_flop"
            case thresholdFlop = "threshold_flop"
            case thresholdBasis = "threshold_basis"
            case modifierIsProvider = "modifier_is_provider"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(baseModel, forKey: .baseModel)
            try c.encode(baseModelFlop, forKey: .baseModelFlop)
            try c.encode(modificationFlop, forKey: .modificationFlop)
            try c.encode(thresholdFlop, forKey: .thresholdFlop)
            try c.encode(thresholdBasis, forKey: .thresholdBasis)
            try c.encode(modifierIsProvider, forKey: .modifierIsProvider)
        }
    }

    struct Condition: Encodable, Sendable {
        let name: String
        let met: Bool?
        let reason: String

        enum CodingKeys: String, CodingKey { case name, met, reason }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(met, forKey: .met)
            try c.encode(reason, forKey: .reason)
        }
    }

    struct Openness: Encodable, Sendable {
        let modelClass: Int?
        let label: String
        let components: [Component]
        enum CodingKeys: String, CodingKey { case label, components; case modelClass = "class" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(modelClass, forKey: .modelClass)
            try c.encode(label, forKey: .label)
            try c.encode(components, forKey: .components)
        }
    }

    struct Component: Encodable, Sendable {
        let name: String
        let requiredForClass: Int
        let present: Bool
        let evidence: String
        enum CodingKeys: String, CodingKey { case name, present, evidence; case requiredForClass = "required_for_class" }
    }

    struct Document: Encodable, Sendable {
        let path: String
        let provision: String
    }

    let schema = "glassbox.compliance/1"
    let checklistSchema = ObligationCatalog.schema
    let release: String
    let coreVersion: String
    let recipeDigest: String
    let stepOutputs: [String: String]
    let recordedFiles: [String: String]
    let classification: Classified
    let compute: Compute
    let energy: Energy
    let openness: Openness
    let documents: [Document]
    let facts: [FactEntry]
    let obligations: [ObligationResult]

    enum CodingKeys: String, CodingKey {
        case schema, release, classification, compute, energy, openness, documents, facts, obligations
        case checklistSchema = "checklist_schema"
        case coreVersion = "core_version"
        case recipeDigest = "recipe_digest"
        case stepOutputs = "step_outputs"
        case recordedFiles = "recorded_files"
    }

    /// The canonical JSON bytes.
    func canonicalJSON() throws(ReleaseDocsError) -> Data {
        do { return Data(try CanonicalJSON.encode(self)) } catch {
            throw .unwritable(path: ObligationChecks.record, reason: error.description)
        }
    }
}
