import ArgumentParser

/// One naming for what a command writes, across commands: `--out DIR` is always a directory,
/// `--out-file FILE` always one file, and `keygen --name NAME` the base name of a key pair. The
/// spellings commands used before (`train --output`, `eval --output`, `recipe init --out`,
/// `keygen --out`, `export gguf --out`) are accepted as hidden aliases, so existing scripts keep working.
enum OutputFlag {
    /// The value given with `primary` or with its hidden `legacy` spelling (not both); `nil` when
    /// neither was given, or a usage error (exit 64) when `required`.
    static func resolve(_ value: String?, _ legacyValue: String?, primary: String, legacy: String,
                        required: Bool) throws -> String? {
        if value != nil, legacyValue != nil {
            throw ValidationError("give \(primary) only (\(legacy) is its old spelling)")
        }
        guard let chosen = value ?? legacyValue else {
            if required { throw ValidationError("Missing expected argument '\(primary)'") }
            return nil
        }
        return chosen
    }
}
