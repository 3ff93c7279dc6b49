/// `[training.declared]`: facts about an external training run that glassbox cannot measure and records
/// as declared by the provider. Documents built from them say "declared", never "measured".
public struct DeclaredTraining: Codable, Equatable, Sendable {
    /// Training software (`Megatron-LM`, `torchtitan`, `levanter`, `nanotron`, …).
    public var trainer: String
    /// Its version (`0.9.0`).
    public var trainerVersion: String
    /// Revision of the training code that ran (a commit, tag or release).
    public var codeRevision: String
    /// Accelerator type (`NVIDIA H100 80GB`).
    public var accelerator: String
    /// Number of accelerators.
    public var acceleratorCount: Int
    /// Wall-clock duration of the run, in hours.
    public var wallClockHours: Double
    /// Training tokens seen, counting repeats.
    public var tokensSeen: Int
    /// Energy used, in kWh, when the provider knows it; nil means unknown.
    public var energyKWh: Double?
    /// Training compute in floating-point operations, when the provider states it; nil means the
    /// documents estimate it as 6·N·D from `tokens_seen` (and say so).
    public var computeFLOP: Double?
    /// `file:path` of the run's command or configuration file, stored in the release under `training/`.
    public var configFile: String?
    /// The command that launched the run.
    public var command: String?
    /// Free-form notes.
    public var notes: String
    /// The model these weights were trained from (fine-tuned, continued or otherwise modified), as its
    /// Hugging Face Hub id (`owner/name`) or, for a model not on the Hub, its name; nil means none is
    /// declared (the documents then say the base model is not known). The other declared facts then
    /// describe the run that started from it, not the base model's own training.
    public var baseModel: String?
    /// The base model's own training compute in floating-point operations, as its provider states it;
    /// only with `base_model`. The documents compare the run's compute with a third of it (the Commission
    /// guidelines' ⅓ rule for modifications); nil means unknown, and they use the guidelines' fallback.
    public var baseModelComputeFLOP: Double?

    enum CodingKeys: String, CodingKey {
        case trainer, accelerator, command, notes
        case trainerVersion = "trainer_version"
        case codeRevision = "code_revision"
        case acceleratorCount = "accelerator_count"
        case wallClockHours = "wall_clock_hours"
        case tokensSeen = "tokens_seen"
        case energyKWh = "energy_kwh"
        case computeFLOP = "compute_flop"
        case configFile = "config_file"
        case baseModel = "base_model"
        case baseModelComputeFLOP = "base_model_compute_flop"
    }

    /// The keys a provider must fill in (everything but `energy_kwh`, `compute_flop`, `command`, `config_file`,
    /// `base_model`, `base_model_compute_flop` and `notes`).
    public static let requiredKeys = ["trainer", "trainer_version", "code_revision", "accelerator",
                                      "accelerator_count", "wall_clock_hours", "tokens_seen"]

    static func read(_ reader: TableReader) -> DeclaredTraining {
        let declared = DeclaredTraining(
            trainer: reader.string("trainer", required: true, maxBytes: 200) ?? "",
            trainerVersion: reader.string("trainer_version", required: true, maxBytes: 200) ?? "",
            codeRevision: reader.string("code_revision", required: true, maxBytes: 500) ?? "",
            accelerator: reader.string("accelerator", required: true, maxBytes: 200) ?? "",
            acceleratorCount: reader.int("accelerator_count", required: true, in: 1...100_000_000) ?? 0,
            wallClockHours: reader.double("wall_clock_hours", required: true, [.greaterThan(0)]) ?? 0,
            tokensSeen: reader.int("tokens_seen", required: true, in: 1...Int.max) ?? 0,
            energyKWh: reader.double("energy_kwh", [.atLeast(0)]),
            computeFLOP: reader.double("compute_flop", [.greaterThan(0)]),
            configFile: reader.string("config_file", maxBytes: 4_096),
            command: reader.string("command", maxBytes: 65_536),
            notes: reader.string("notes", maxBytes: 65_536) ?? "",
            baseModel: reader.string("base_model", maxBytes: 500),
            baseModelComputeFLOP: reader.double("base_model_compute_flop", [.greaterThan(0)]))
        reader.rejectUnknownKeys()
        declared.check(reader)
        return declared
    }

    private func check(_ reader: TableReader) {
        if let configFile, !configFile.hasPrefix("file:") || configFile.count <= 5 {
            reader.report("config_file", "must be a \"file:relative/path\" (the run's config, stored in the release), got \"\(configFile.prefix(100))\"")
        }
        if configFile == nil, command == nil {
            reader.report("config_file", "missing; give the run's configuration (config_file = \"file:train.yaml\") or its command (command = \"torchrun …\"), or both")
        }
        if command?.isEmpty == true { reader.report("command", "must not be empty; leave it out if config_file says it all") }
        if let baseModel { Self.checkBaseModel(baseModel, reader) }
        if baseModelComputeFLOP != nil, baseModel == nil {
            reader.report("base_model_compute_flop", "is the training compute of the base model; declare that model too (base_model = \"owner/name\"), or leave the key out")
        }
    }

    /// `base_model`: one line of text, not blank, and a Hub id rather than a Hub URL.
    private static func checkBaseModel(_ text: String, _ reader: TableReader) {
        let hubPrefix = "https://huggingface.co/"
        if text.allSatisfy(\.isWhitespace) {
            reader.report("base_model", "must not be empty; give the Hub id (\"owner/name\") or name of the model these weights were trained from, or leave the key out")
        } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" })
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            reader.report("base_model", "must be one line without leading or trailing spaces: the Hub id (\"owner/name\") or name of the base model")
        } else if text.hasPrefix(hubPrefix) {
            let id = text.dropFirst(hubPrefix.count).split(separator: "/").prefix(2).joined(separator: "/")
            reader.report("base_model", "give the Hub id, not its URL: base_model = \"\(id.prefix(200))\"")
        }
    }
}
