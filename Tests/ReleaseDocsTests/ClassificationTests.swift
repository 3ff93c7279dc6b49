import Testing
import RecipeFormat
@testable import ReleaseDocs

/// The classification rules: 10²³ / 10²⁵ FLOP, the ⅓ rule for modifications, the open-source exemption.
struct ClassificationTests {
    static func classify(_ flop: Double, license: String = "Apache-2.0", modification: ModificationAssessment? = nil) -> Classification {
        Classification(flop: flop, modification: modification) { systemic in
            OpenSourceAssessment.assess(license: license, publicURL: "https://example.org/m", monetised: false, systemicRisk: systemic)
        }
    }

    @Test func computeTiers() {
        #expect(Self.classify(2.7e20).tier == .belowIndicativeCriterion)
        #expect(Self.classify(1e23).tier == .belowIndicativeCriterion, "the criterion is 'greater than' 10²³")
        #expect(Self.classify(3e23).tier == .generalPurpose)
        #expect(Self.classify(1e25).tier == .generalPurpose, "Art. 51(2): greater than 10²⁵")
        #expect(Self.classify(2e25).tier == .systemicRiskPresumed)
        #expect(Self.classify(2.7e20).reasoning.joined().contains("voluntarily"))
    }

    @Test func openSourceExemptionNeedsAFreeLicenceAndNoSystemicRisk() {
        #expect(Self.classify(3e23).openSource.exempt)
        #expect(!Self.classify(3e23, license: "CC-BY-NC-4.0").openSource.exempt)
        #expect(!Self.classify(2e25).openSource.exempt, "no exemption for systemic-risk models")
        let undecided = OpenSourceAssessment.assess(license: "MIT", publicURL: nil, monetised: nil, systemicRisk: false)
        #expect(!undecided.exempt && undecided.undecided)
        #expect(undecided.sentence.contains("cannot be decided"))
    }

    @Test func oneThirdRuleForModifications() {
        let small = ModificationAssessment(baseModel: "org/base", modificationFLOP: 1e21, baseFLOP: 6e23, baseIsSystemic: false)
        #expect(!small.makesNewProvider)
        let large = ModificationAssessment(baseModel: "org/base", modificationFLOP: 3e23, baseFLOP: 6e23, baseIsSystemic: false)
        #expect(large.makesNewProvider)
        let unknown = ModificationAssessment(baseModel: "org/base", modificationFLOP: 3.4e22, baseFLOP: nil, baseIsSystemic: false)
        #expect(unknown.threshold == 1e23 / 3 && unknown.makesNewProvider)
        let systemicBase = ModificationAssessment(baseModel: "org/base", modificationFLOP: 3.4e22, baseFLOP: nil, baseIsSystemic: true)
        #expect(systemicBase.threshold == 1e25 / 3 && !systemicBase.makesNewProvider)
        #expect(Self.classify(1e21, modification: small).reasoning.contains { $0.contains("org/base") })
    }

    /// A modification's tier follows its base model: the cumulative compute when the base model's is
    /// declared, `follows_base_model` when not; the obligations bind only a modifier that becomes provider.
    @Test func aModificationFollowsItsBaseModel() {
        func modified(_ run: Double, base: Double?) -> Classification {
            Self.classify(run, modification: ModificationAssessment(baseModel: "org/base", modificationFLOP: run, baseFLOP: base, baseIsSystemic: false))
        }
        let unknownSmall = modified(1e13, base: nil)
        #expect(unknownSmall.tier == .followsBaseModel && !unknownSmall.isGeneralPurpose && !unknownSmall.obligationsBind)
        #expect(!unknownSmall.reasoning.joined().contains("presumed not to be"))
        #expect(unknownSmall.reasoning.joined().contains("fallback"))
        let unknownLarge = modified(5e22, base: nil)
        #expect(unknownLarge.obligationsBind && unknownLarge.reasoning.joined().contains("if org/base is a general-purpose AI model"))
        let largeUnknown = modified(2e23, base: nil)
        #expect(largeUnknown.tier == .generalPurpose && largeUnknown.flop == 2e23 && largeUnknown.obligationsBind, "the run alone is a lower bound of the cumulative compute")
        #expect(largeUnknown.reasoning.joined().contains("already exceeds 10²³ FLOP") && !largeUnknown.reasoning.joined().contains("not decided here"))
        let smallBase = modified(2e22, base: 3e22)
        #expect(smallBase.tier == .belowIndicativeCriterion && smallBase.flop == 5e22 && !smallBase.obligationsBind)
        #expect(smallBase.reasoning.joined().contains("the base model and this modification of it are presumed not to be"))
        let gpaiBase = modified(2e23, base: 3e23)
        #expect(gpaiBase.tier == .generalPurpose && gpaiBase.obligationsBind && gpaiBase.reasoning.joined().contains("Recital 109"))
        let systemicBase = modified(1e22, base: 5e25)
        #expect(systemicBase.tier == .systemicRiskPresumed && !systemicBase.obligationsBind && !systemicBase.openSource.exempt)
        #expect(Self.classify(3e23).obligationsBind && !Self.classify(2.7e20).obligationsBind, "without a base model, as before")
    }

    @Test func computeEstimatesFromTheArchitecture() throws {
        let facts = try FixtureRelease.documents().facts
        let m = facts.model
        // 1024·64 embedding + 2 layers × (attention 2·64·64 + 2·64·32, MLP 3·64·176, two norms) + final norm, tied head.
        #expect(m.parameters == 1024 * 64 + 2 * (2 * 64 * 64 + 2 * 64 * 32 + 3 * 64 * 176 + 2 * 64) + 64)
        #expect(facts.compute.sixND.flop == 6 * Double(m.parameters) * Double(facts.training.tokens))
        #expect(facts.compute.figures.map(\.key) == ["6ND", "6ND+attention", "counted"])
        #expect(facts.compute.figures.allSatisfy { facts.compute.reported.flop >= $0.figure.flop })
        #expect(!facts.compute.reportedIsDeclared)
        #expect(facts.training.tokens == 400 * 8 * 128)
    }

    @Test func energyIsMissingWithoutHardwareDeclarations() {
        let energy = EnergyEstimate(flop: 1e15, compliance: .empty)
        #expect(energy.kilowattHours == nil)
        #expect(energy.missingKeys.contains("compliance.hardware_power_watts") && energy.missingKeys.contains("compliance.grid_carbon_intensity"))
        var declared = ComplianceSection.empty
        declared.hardwarePeakFlops = 1e11
        declared.hardwareUtilisation = 0.5
        declared.hardwarePowerWatts = 100
        declared.gridCarbonIntensity = 400
        let estimate = EnergyEstimate(flop: 1e15, compliance: declared)
        #expect(estimate.trainingSeconds == 2e4)
        #expect(abs((estimate.kilowattHours ?? 0) - 2e4 * 100 / 3.6e6) < 1e-12)
        #expect(abs((estimate.kilogramsCO2e ?? 0) - (estimate.kilowattHours ?? 0) * 0.4) < 1e-12)
    }
}
