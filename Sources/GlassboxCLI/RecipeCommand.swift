import ArgumentParser

/// `glassbox recipe check|init|plan`: work with recipe files.
struct RecipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "Check, create and plan recipes (the TOML files a release is built from).",
        discussion: "The recipe format is specified in Docs/recipe-format.md.",
        subcommands: [RecipeCheckCommand.self, RecipeInitCommand.self, RecipePlanCommand.self])
}
