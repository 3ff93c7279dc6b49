import Foundation
import Transformer

/// The TOML text of a `HuggingFaceStarter` recipe. Values a human must supply are empty (or 0) and
/// followed by `HuggingFaceStarter.marker`, so `glassbox recipe check` reports each one until it is filled.
struct HuggingFaceStarterText {
    let facts: HuggingFaceStarter.Facts
    let name: String
    let weightsURI: String

    private var fill: String { HuggingFaceStarter.marker }

    var text: String {
        [header, release, data, tokenizer, model, training, declared].joined(separator: "\n")
    }

    private var header: String {
        """
        # Starter recipe for weights trained elsewhere, written by `glassbox card --from-hf`.
        # Every line marked "\(fill)" needs a human: `glassbox recipe check` names each until it is filled.
        # Spec: Docs/recipe-format.md; walk-through: Docs/tutorial.md ("Releasing a model you trained elsewhere").
        format = 1

        """
    }

    private var release: String {
        let license = facts.card.spdxLicense
        let licenseLine = license.map { "license = \(toml($0.expression))" + ($0.certain ? "  # from README.md front matter" : "  \(fill): check; README.md says \(toml(facts.card.license ?? ""))") }
            ?? "license = \"\"  \(fill): SPDX licence of the weights (README.md has no license)"
        return """
            [release]
            name = \(toml(name))
            version = "1.0.0"  # check
            \(licenseLine)
            authors = []  \(fill)
            description = ""  \(fill)

            """
    }

    private var data: String {
        let languages = facts.card.languages.isEmpty ? "[]  \(fill): ISO 639 codes" : "[\(facts.card.languages.map(toml).joined(separator: ", "))]  # from README.md; check"
        return """
            # One block per training data source; at least the part you can publish or describe.
            [[data.sources]]
            id = "training-data"  \(fill)
            uri = ""  \(fill): file:data/…, https://… with sha256, or git+https://…@<commit>
            languages = \(languages)
            license = ""  \(fill): SPDX licence of the data
            redistributable = false  \(fill)
            tdm_opt_out_respected = false  \(fill)

            """
    }

    private var tokenizer: String {
        let specials = [facts.bos, facts.eos].compactMap { $0 }
        var lines = ["[tokenizer]  # from tokenizer.json and config.json", "vocab_size = \(facts.config.vocabSize)"]
        if !specials.isEmpty { lines.append("special_tokens = [\(Array(Set(specials)).sorted().map(toml).joined(separator: ", "))]") }
        if let bos = facts.bos { lines.append("bos_token = \(toml(bos))") }
        if let eos = facts.eos { lines.append("eos_token = \(toml(eos))") }
        return lines.joined(separator: "\n") + "\n"
    }

    private var model: String {
        let c = facts.config
        return """
            [model]  # from config.json; the import step checks these against it
            hidden_size = \(c.hiddenSize)
            num_layers = \(c.numHiddenLayers)
            num_attention_heads = \(c.numAttentionHeads)
            num_key_value_heads = \(c.numKeyValueHeads)
            intermediate_size = \(c.intermediateSize)
            context_length = \(c.maxPositionEmbeddings)
            rope_theta = \(c.ropeTheta)
            rms_norm_eps = \(c.rmsNormEps)
            tie_word_embeddings = \(c.tieWordEmbeddings)

            """
    }

    private var training: String {
        """
        [training]
        backend = "external"

        [training.weights]
        uri = \(toml(weightsURI))
        sha256 = \(toml(facts.digest.description))  # manifest of the directory as it is now

        """
    }

    private var declared: String {
        """
        [training.declared]  # what only you know; documents mark each as declared, not measured
        trainer = ""  \(fill): Megatron-LM, torchtitan, levanter, nanotron, …
        trainer_version = ""  \(fill)
        code_revision = ""  \(fill): commit or tag of the training code
        accelerator = ""  \(fill): e.g. NVIDIA H100 80GB
        accelerator_count = 0  \(fill)
        wall_clock_hours = 0  \(fill)
        tokens_seen = 0  \(fill)
        # energy_kwh = 0  # only if known
        config_file = ""  \(fill): file:path of the run's config (stored in the release), or set command = "…"
        \(baseModel)

        """
    }

    /// `base_model` from the card's front matter when it names exactly one (with a commented-out
    /// `base_model_compute_flop`); else a commented-out line.
    private var baseModel: String {
        let named = facts.card.baseModels
        if named.count == 1 {
            return "base_model = \(toml(named[0]))  # from README.md front matter\n"
                + "# base_model_compute_flop = 0  # that model's own training compute in FLOP, if its provider states it; else the documents use the guidelines' ⅓-rule fallback"
        }
        if named.count > 1 {
            return "# base_model = \"\"  # README.md names \(named.count) base models (\(named.joined(separator: ", "))); declare the one these weights were trained from"
        }
        return "# base_model = \"owner/name\"  # only if the weights were trained from another model: its Hub id, or its name"
    }

    /// A TOML basic string.
    private func toml(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
