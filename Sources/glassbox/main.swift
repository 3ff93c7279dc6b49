import GlassboxCLI

await Glassbox.runMain()
