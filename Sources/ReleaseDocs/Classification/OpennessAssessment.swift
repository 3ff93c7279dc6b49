/// The Model Openness Framework class (LF AI & Data, arXiv 2403.13784): which of its 17 components the
/// release makes available under an open licence. Class III (Open Model) needs the first six, Class II
/// (Open Tooling) five more, Class I (Open Science) four more; the last two are optional.
public struct OpennessAssessment: Sendable, Equatable {
    /// One MOF component.
    public struct Component: Sendable, Equatable {
        /// The component's MOF name.
        public let name: String
        /// The lowest class that requires it (3, 2, 1), or 0 for optional components.
        public let requiredFor: Int
        /// Whether the release provides it openly.
        public let present: Bool
        /// What provides it, or what is missing.
        public let evidence: String
    }

    /// The 17 components in MOF order.
    public let components: [Component]

    /// The class reached: 1, 2 or 3; nil when even Class III is not.
    public var modelClass: Int? {
        for level in [1, 2, 3] where components.filter({ $0.requiredFor >= level }).allSatisfy(\.present) {
            return level
        }
        return nil
    }

    /// `Class III (Open Model)` or `no MOF class`.
    public var label: String {
        switch modelClass {
        case 1: "Class I (Open Science)"
        case 2: "Class II (Open Tooling)"
        case 3: "Class III (Open Model)"
        default: "no MOF class (Class III components missing)"
        }
    }

    /// Components missing for the next class up.
    public var missingForNextClass: [Component] {
        let next = (modelClass ?? 4) - 1
        guard next >= 1 else { return [] }
        return components.filter { $0.requiredFor >= next && !$0.present }
    }
}

extension OpennessAssessment {
    /// Assesses a release built by glassbox from its facts.
    static func assess(_ facts: OpennessInputs) -> OpennessAssessment {
        let weightsOpen = facts.weightLicenceFree
        let code = facts.codeURL.map { url in facts.codeLicenceFree ? (true, "\(url) under \(facts.codeLicense ?? "")") : (false, "\(url): licence \(facts.codeLicense ?? "not declared") is not a free licence") }
            ?? (false, "glassbox's source is not declared as published (compliance.code_url, compliance.code_license)")
        let data = facts.dataOpen
        func component(_ name: String, _ level: Int, _ present: Bool, _ evidence: String) -> Component {
            Component(name: name, requiredFor: level, present: present, evidence: evidence)
        }
        return OpennessAssessment(components: [
            component("Model architecture", 3, weightsOpen, "config.json (\(facts.architecture)) under \(facts.license)"),
            component("Final model parameters", 3, weightsOpen, weightsOpen ? "model.safetensors under \(facts.license)" : "model.safetensors, but \(facts.license) is not a free licence"),
            component("Model card", 3, true, "README.md"),
            component("Data card", 3, true, "data/stats.json and compliance/training-content-summary.md"),
            component("Technical report", 3, true, "compliance/technical-documentation.md"),
            component("Evaluation results", 3, true, "eval/results.json and eval/baseline.json"),
            facts.externalTrainer.map { trainer in
                component("Training code", 2, false, "trained elsewhere with \(trainer) (declared); its code is not part of the release and its licence is not declared")
            } ?? component("Training code", 2, code.0, code.1),
            component("Inference code", 2, code.0, code.1),
            component("Evaluation code", 2, code.0, code.1),
            component("Supporting libraries and tools", 2, code.0, code.1),
            component("Evaluation data", 2, data.0, "the held-out split of the datasets (recipe [data] eval_fraction); " + data.1),
            component("Research paper", 1, false, "no research paper is part of the release"),
            component("Datasets", 1, data.0, data.1),
            component("Data preprocessing code", 1, code.0, code.1),
            component("Intermediate model parameters", 1, false, "training checkpoints are not released"),
            component("Model metadata", 0, true, "config.json, generation_config.json, recipe.lock.json"),
            component("Sample model outputs", 0, false, "no sample outputs are part of the release"),
        ])
    }
}

/// What the MOF assessment reads.
struct OpennessInputs {
    var license: String
    var weightLicenceFree: Bool
    var architecture: String
    var codeURL: String?
    var codeLicense: String?
    var codeLicenceFree: Bool
    var dataOpen: (Bool, String)
    /// For imported weights, the declared trainer and revision (`torchtitan 0.1.0 at 3f1c2e`); nil when Glassbox trained them.
    var externalTrainer: String? = nil
}
