import GlassboxCLI

await Glassbox.main()
