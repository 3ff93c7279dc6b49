import Foundation
import RecipeFormat
import Testing

/// `[training] backend = "external"`: weights trained elsewhere, pinned like a source, with declared facts.
@Suite struct ExternalTrainingTests {
    static let external = """
        format = 1
        [release]
        name = "imported"
        version = "1.0"
        license = "Apache-2.0"
        [[data.sources]]
        id = "sample"
        uri = "file:data/sample.txt"
        languages = ["cs"]
        license = "CC0-1.0"
        redistributable = true
        tdm_opt_out_respected = true
        [tokenizer]
        vocab_size = 384
        [model]
        hidden_size = 32
        num_layers = 2
        num_attention_heads = 2
        num_key_value_heads = 1
        intermediate_size = 64
        context_length = 64
        tie_word_embeddings = false
        [training]
        backend = "external"
        [training.weights]
        uri = "file:weights/tiny"
        [training.declared]
        trainer = "torchtitan"
        trainer_version = "0.1.0"
        code_revision = "v0.1.0"
        accelerator = "NVIDIA H100 80GB"
        accelerator_count = 8
        wall_clock_hours = 1.5
        tokens_seen = 1000000
        config_file = "file:train.toml"

        """

    func problems(_ text: String) -> [RecipeProblem] {
        do {
            _ = try Recipe.parse(text: text, file: "external.toml")
            return []
        } catch {
            return error.problems
        }
    }

    /// The digest `glassbox recipe check` printed for valid.toml before external weights existed.
    @Test func existingRecipeKeepsItsCanonicalFormAndDigest() throws {
        let recipe = try Recipe.parse(bytes: try FixtureFiles.bytes("valid.toml"), file: "valid.toml")
        // Moved with glassbox-core 0.3.0 (RFC 8785 canonical JSON writes epsilon as 1e-8, JSONEncoder wrote 1e-08).
        #expect(try recipe.digest().description == "sha256:7c76a962dd72a99fee1369e3756f1614e24e1f93e83c2c4a6949180d05e80ecc")
        let text = String(decoding: try recipe.canonicalJSON(), as: UTF8.self)
        #expect(!text.contains("\"backend\"") && !text.contains("\"declared\"") && !text.contains("\"weights\""))
        #expect(!recipe.training.isExternal)
        let explicit = String(decoding: try FixtureFiles.bytes("valid.toml"), as: UTF8.self)
            .replacingOccurrences(of: "[training]\n", with: "[training]\nbackend = \"glassbox\"\n")
        #expect(explicit.contains("backend"))
        #expect(try Recipe.parse(text: explicit, file: "b").digest() == recipe.digest())
    }

    @Test func externalRecipeReadsWeightsAndDeclaredFacts() throws {
        let recipe = try Recipe.parse(text: Self.external, file: "external.toml")
        #expect(recipe.training.isExternal)
        #expect(recipe.training.weights?.uri == "file:weights/tiny")
        #expect(recipe.training.declared?.trainer == "torchtitan")
        #expect(recipe.training.declared?.acceleratorCount == 8)
        #expect(recipe.training.declared?.energyKWh == nil)
        let text = String(decoding: try recipe.canonicalJSON(), as: UTF8.self)
        #expect(text.contains("\"backend\":\"external\""))
        #expect(!text.contains("learning_rate") && !text.contains("energy_kwh"))
        #expect(try JSONDecoder().decode(Recipe.self, from: try recipe.canonicalJSON()) == recipe)
        let withEnergy = Self.external.replacingOccurrences(of: "tokens_seen = 1000000", with: "tokens_seen = 1000000\nenergy_kwh = 12.5")
        #expect(try Recipe.parse(text: withEnergy, file: "e").digest() != recipe.digest())
        #expect(recipe.training.declared?.computeFLOP == nil && !text.contains("compute_flop"))
        let withCompute = Self.external.replacingOccurrences(of: "tokens_seen = 1000000", with: "tokens_seen = 1000000\ncompute_flop = 6.5e21")
        #expect(try Recipe.parse(text: withCompute, file: "c").training.declared?.computeFLOP == 6.5e21)
        let negative = Self.external.replacingOccurrences(of: "tokens_seen = 1000000", with: "tokens_seen = 1000000\ncompute_flop = 0")
        #expect(problems(negative).map(\.keyPath).contains("training.declared.compute_flop"))
    }

    @Test func externalRecipeNamesEveryProblem() {
        let text = Self.external
            .replacingOccurrences(of: "backend = \"external\"", with: "backend = \"external\"\nlearning_rate = 0.1")
            .replacingOccurrences(of: "uri = \"file:weights/tiny\"", with: "uri = \"https://example.org/w.tar.gz\"")
            .replacingOccurrences(of: "trainer = \"torchtitan\"\n", with: "")
            .replacingOccurrences(of: "config_file = \"file:train.toml\"\n", with: "")
            .replacingOccurrences(of: "accelerator_count = 8", with: "accelerator_count = 0")
        let found = problems(text).map(\.keyPath)
        #expect(found.contains("training.learning_rate"))
        #expect(found.contains("training.weights.sha256"))
        #expect(found.contains("training.declared.trainer"))
        #expect(found.contains("training.declared.config_file"))
        #expect(found.contains("training.declared.accelerator_count"))
        let bad = problems(Self.external.replacingOccurrences(of: "backend = \"external\"", with: "backend = \"megatron\""))
        #expect(bad.contains { $0.keyPath == "training.backend" })
        let noWeights = problems(Self.external.replacingOccurrences(of: "[training.weights]\nuri = \"file:weights/tiny\"\n", with: ""))
        #expect(noWeights.map(\.keyPath).contains("training.weights"))
    }

    /// `training.declared.base_model`: optional (absent, the canonical form is the one before the key
    /// existed), one line of non-blank text, a Hub id rather than a Hub URL, and misspellings suggested.
    @Test func declaredBaseModelIsOptionalAndChecked() throws {
        let plain = try Recipe.parse(text: Self.external, file: "external.toml")
        #expect(plain.training.declared?.baseModel == nil)
        #expect(!String(decoding: try plain.canonicalJSON(), as: UTF8.self).contains("base_model"))
        func with(_ line: String) -> String {
            Self.external.replacingOccurrences(of: "tokens_seen = 1000000\n", with: "tokens_seen = 1000000\n\(line)\n")
        }
        let based = try Recipe.parse(text: with("base_model = \"meta-llama/Llama-3.2-1B\""), file: "b")
        #expect(based.training.declared?.baseModel == "meta-llama/Llama-3.2-1B")
        #expect(String(decoding: try based.canonicalJSON(), as: UTF8.self).contains("\"base_model\":\"meta-llama/Llama-3.2-1B\""))
        #expect(try JSONDecoder().decode(Recipe.self, from: try based.canonicalJSON()) == based)
        #expect(try based.digest() != plain.digest())
        let named = try Recipe.parse(text: with("base_model = \"an in-house 1B model (2026-03)\""), file: "n")
        #expect(named.training.declared?.baseModel == "an in-house 1B model (2026-03)")
        for bad in ["base_model = \"\"", "base_model = \"   \"", "base_model = \"a\\nb\"", "base_model = \" org/x\"", "base_model = 3",
                    "base_model = \"https://huggingface.co/meta-llama/Llama-3.2-1B/tree/main\""] {
            #expect(problems(with(bad)).map(\.keyPath) == ["training.declared.base_model"], "\(bad)")
        }
        let url = problems(with("base_model = \"https://huggingface.co/meta-llama/Llama-3.2-1B\"")).first?.message ?? ""
        #expect(url.contains("base_model = \"meta-llama/Llama-3.2-1B\""), "\(url)")
        let typo = problems(with("base_modle = \"meta-llama/Llama-3.2-1B\""))
        #expect(typo.map(\.keyPath) == ["training.declared.base_modle"])
        #expect(typo.first?.message.contains("base_model") == true, "\(typo.first?.message ?? "")")
        let glassbox = try String(decoding: FixtureFiles.bytes("valid.toml"), as: UTF8.self)
        #expect(problems(glassbox.replacingOccurrences(of: "[training]\n", with: "[training]\nbase_model = \"org/x\"\n")).map(\.keyPath) == ["training.base_model"],
                "the key belongs to [training.declared] of an external recipe")
    }

    /// `training.declared.base_model_compute_flop`: optional, a positive number like `compute_flop`, only
    /// with `base_model`, and misspellings suggested.
    @Test func declaredBaseModelComputeIsOptionalAndChecked() throws {
        func with(_ lines: String) -> String {
            Self.external.replacingOccurrences(of: "tokens_seen = 1000000\n", with: "tokens_seen = 1000000\n\(lines)\n")
        }
        let base = "base_model = \"meta-llama/Llama-3.2-1B\"\n"
        let plain = try Recipe.parse(text: with(base), file: "b")
        #expect(plain.training.declared?.baseModelComputeFLOP == nil)
        #expect(!String(decoding: try plain.canonicalJSON(), as: UTF8.self).contains("base_model_compute_flop"))
        let declared = try Recipe.parse(text: with(base + "base_model_compute_flop = 6.6e22"), file: "c")
        #expect(declared.training.declared?.baseModelComputeFLOP == 6.6e22)
        #expect(String(decoding: try declared.canonicalJSON(), as: UTF8.self).contains("\"base_model_compute_flop\":6.6e+22"))
        #expect(try JSONDecoder().decode(Recipe.self, from: try declared.canonicalJSON()) == declared)
        #expect(try declared.digest() != plain.digest())
        #expect(try Recipe.parse(text: with(base + "base_model_compute_flop = 300000"), file: "i").training.declared?.baseModelComputeFLOP == 3e5)
        for bad in ["base_model_compute_flop = 0", "base_model_compute_flop = -1e23", "base_model_compute_flop = \"1e23\"", "base_model_compute_flop = nan"] {
            #expect(problems(with(base + bad)).map(\.keyPath) == ["training.declared.base_model_compute_flop"], "\(bad)")
        }
        let alone = problems(with("base_model_compute_flop = 1e24"))
        #expect(alone.map(\.keyPath) == ["training.declared.base_model_compute_flop"])
        #expect(alone.first?.message.contains("base_model = ") == true, "\(alone.first?.message ?? "")")
        let typo = problems(with(base + "base_model_compute_flops = 1e24"))
        #expect(typo.map(\.keyPath) == ["training.declared.base_model_compute_flops"])
        #expect(typo.first?.message.contains("'base_model_compute_flop'") == true, "\(typo.first?.message ?? "")")
    }

    @Test func missingLocalWeightsAndConfigFileAreNamed() throws {
        let recipe = try Recipe.parse(text: Self.external, file: "external.toml")
        let problems = recipe.missingLocalFiles(relativeTo: URL(fileURLWithPath: "/nonexistent"))
        #expect(problems.map(\.keyPath) == ["data.sources[0].uri", "training.weights.uri", "training.declared.config_file"])
    }
}
