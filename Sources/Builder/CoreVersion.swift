/// The version of glassbox's deterministic cores; part of every step key, so a core change rebuilds.
public enum CoreVersion {
    /// Bumped whenever any step's output bytes could change. 0.2.0: one Llama forward for training,
    /// evaluation and generation (evaluation's attention is the training kernel's; perplexity through
    /// `KernelMath.expD`), and `config.json` writes `bos_token_id`/`eos_token_id` as null when absent.
    public static let string = "glassbox-core 0.2.0"
}
