/// The commented starter recipe written by `glassbox recipe init`; it passes `glassbox recipe check`.
public enum RecipeTemplate {
    /// The starter recipe text (TOML). A tiny model that trains in minutes on a laptop CPU.
    public static let starter = """
        # Glassbox recipe — everything this release is built from. Spec: Docs/recipe-format.md
        # Check it with `glassbox recipe check recipe.toml`, see its steps with `glassbox recipe plan recipe.toml`.
        format = 1  # recipe format version; a newer glassbox still reads format 1

        [release]
        name = "tiny-cs"                    # names the release directory: letters, digits, . _ -
        version = "0.1.0"
        license = "Apache-2.0"              # SPDX licence expression for the weights
        authors = ["Your Name"]
        description = "A tiny Czech language model built with Glassbox."

        # One [[data.sources]] block per input. file: paths are relative to this recipe.
        [[data.sources]]
        id = "corpus-cs"
        uri = "file:data/corpus-cs.txt"
        # sha256 = "sha256:…"              # required for https:// and git+https:// sources
        languages = ["cs"]                  # ISO 639-1 or 639-3 codes
        license = "CC-BY-SA-4.0"
        redistributable = true              # may the text be published with the release?
        tdm_opt_out_respected = true        # were text-and-data-mining opt-outs honoured?
        notes = "Describe where the text comes from."

        [data]
        normalization = "nfc"               # "nfc" | "none"
        invalid_utf8 = "replace"            # "replace" | "drop"
        split = "line"                      # "line" | "paragraph" | "file"
        dedup = "exact"                     # "exact" | "none"
        min_document_chars = 20
        eval_fraction = 0.05                # held-out share, strictly between 0 and 1
        seed = 1

        [tokenizer]
        kind = "byte-level-bpe"
        vocab_size = 1024                   # 256 bytes + merges + special tokens
        min_frequency = 2
        special_tokens = ["<|begin_of_text|>", "<|end_of_text|>"]
        bos_token = "<|begin_of_text|>"
        eos_token = "<|end_of_text|>"
        pre_tokenizer = "llama3"            # "llama3" | "gpt2"

        [model]
        architecture = "llama"
        hidden_size = 64
        num_layers = 2
        num_attention_heads = 4             # must divide hidden_size
        num_key_value_heads = 2             # must divide num_attention_heads
        intermediate_size = 176
        context_length = 128                # tokens
        rope_theta = 10000.0
        rms_norm_eps = 1e-5
        tie_word_embeddings = true
        init_std = 0.02

        [training]
        seed = 1
        sequence_length = 128               # at most model.context_length
        batch_size = 8
        gradient_accumulation_steps = 1
        steps = 200
        learning_rate = 3e-3
        min_learning_rate = 3e-4
        warmup_steps = 20
        schedule = "cosine"                 # "cosine" | "linear"
        weight_decay = 0.1
        beta1 = 0.9
        beta2 = 0.95
        epsilon = 1e-8
        grad_clip_norm = 1.0                # 0 disables clipping
        checkpoint_every_steps = 50

        [evaluation]
        context_length = 128
        stride = 64

        [compliance]
        provider = "Your Organisation"
        contact = "models@example.org"
        intended_uses = ["research on small language models"]
        out_of_scope_uses = ["any decision affecting people"]
        energy_method = "estimated"         # "estimated" | "measured"

        # [publish]
        # signing_key = "keys/release.pem"  # sign the release (optional)
        # author = "Model Team <models@example.org>"  # author of `glassbox publish` git commits (optional)

        """
}
