/// The version of glassbox's deterministic cores; part of every step key, so a core change rebuilds.
public enum CoreVersion {
    /// Bumped whenever any step's output bytes could change. 0.2.0: one Llama forward for training,
    /// evaluation and generation (evaluation's attention is the training kernel's; perplexity through
    /// `KernelMath.expD`), and `config.json` writes `bos_token_id`/`eos_token_id` as null when absent.
    /// 0.3.0: the train step frames every document with the tokenizer's template (BOS first) and EOS at
    /// its end, as inference does (was: no BOS, EOS between documents); `eval/results.json` keeps extra
    /// files apart from the languages and records `documents_sha256`; `prepare` refuses unusable data.
    /// 0.4.0: `evaluate` also writes `baseline.json` (the untrained model's scores) and `fertility.json`;
    /// `package` writes the model card, charts and EU AI Act documents. 0.4.1: the package step's card and
    /// downstream information name as thin only languages under half an equal share of the text (was: also
    /// every language under 10 MiB).
    /// 0.5.0: every hashed JSON artifact is written by `BaseIO.CanonicalJSON` (RFC 8785 numbers such
    /// as `1e-7` and `0.00001`, UTF-16 key order, `\b`/`\f` escapes) instead of Foundation's
    /// `JSONEncoder` (Docs/canonical-json.md).
    /// 0.6.0: with `[[quantize]]` variants, `evaluate` also scores each of them (quantized inference) into
    /// `eval/results.json` → `variants`, and the model card shows what quantization costs per language.
    /// 0.6.1: the package step of an imported release (`backend = "external"`) escapes a declared value's
    /// leading number-and-dot only where Markdown would read a list marker (was: `5\.23.0`), and says
    /// how to declare a base model (`training.declared.base_model`). Glassbox-trained releases keep their
    /// bytes apart from the version string itself.
    /// 0.6.2: an imported release that declares `training.declared.base_model` is written up as a
    /// modification of that model (its GPAI status follows the base model's; the one-third rule with
    /// `training.declared.base_model_compute_flop`, or the guidelines' fallback), not classified on the
    /// fine-tune's own compute; `compliance.json` gains `classification.modification`.
    public static let string = "glassbox-core 0.6.2"
}
