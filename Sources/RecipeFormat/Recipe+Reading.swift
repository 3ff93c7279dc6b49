import TOMLKit

extension Recipe {
    /// Builds a recipe from a parsed TOML document, recording every problem in `problems`.
    /// Throws only for a newer `format`, which stops reading (its keys may mean other things).
    static func read(_ root: TableReader, file: String) throws(RecipeError) -> Recipe {
        let format = readFormat(root)
        if let format, format > currentFormat {
            throw RecipeError.unsupportedFormat(file: file, found: format, supported: currentFormat)
        }
        let release = ReleaseSection.read(section(root, "release"))
        let data = DataSection.read(section(root, "data"))
        let tokenizer = TokenizerSection.read(section(root, "tokenizer"))
        let model = ModelSection.read(section(root, "model"))
        let training = TrainingSection.read(section(root, "training"))
        let evaluation = EvaluationSection.read(root.table("evaluation"), modelContext: model.contextLength)
        let compliance = ComplianceSection.read(root.table("compliance"))
        let publish = PublishSection.read(root.table("publish"))
        let quantize = QuantizeVariant.readAll(root)
        root.rejectUnknownKeys()
        let recipe = Recipe(
            format: format ?? currentFormat, release: release, data: data, tokenizer: tokenizer, model: model,
            training: training, evaluation: evaluation, compliance: compliance, publish: publish, quantize: quantize)
        recipe.crossCheck(root.problems)
        return recipe
    }

    private static func readFormat(_ root: TableReader) -> Int? {
        guard root.table["format"] != nil else {
            root.report("format", "missing; put `format = \(currentFormat)` at the top of the recipe")
            return nil
        }
        return root.int("format", required: true, in: 1...Int.max)
    }

    /// A required section's reader; when it is missing, a problem is recorded and an empty table is read
    /// (into a throwaway collector) so the remaining sections can still be checked.
    private static func section(_ root: TableReader, _ name: String) -> TableReader {
        if root.table[name] == nil {
            _ = root.raw(name, required: false)
            root.report(name, "missing required section [\(name)]")
            return TableReader(table: TOMLTable(), path: name, problems: ProblemCollector())
        }
        return root.table(name) ?? TableReader(table: TOMLTable(), path: name, problems: ProblemCollector())
    }

    /// Checks that relate fields of different sections.
    func crossCheck(_ problems: ProblemCollector) {
        QuantizeVariant.checkBlocks(quantizeVariants, model: model, problems: problems)
        if model.contextLength > 0, training.sequenceLength > model.contextLength {
            problems.add("training.sequence_length", "must be <= model.context_length (\(model.contextLength)), got \(training.sequenceLength)")
        }
        let languages = Set(data.languages)
        for (path, weights) in [("tokenizer.language_weights", tokenizer.languageWeights), ("training.language_weights", training.languageWeights)] {
            for language in weights.keys.sorted() where LanguageCodes.isValid(language) && !languages.contains(language) {
                problems.add("\(path).\(language)", "no data source has language \"\(language)\"; sources cover \(languages.sorted().joined(separator: ", "))")
            }
        }
    }
}
