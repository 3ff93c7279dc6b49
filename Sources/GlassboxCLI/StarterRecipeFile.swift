import BaseIO
import Builder
import Foundation

/// Writes the starter recipe for a Hugging Face model directory (`HuggingFaceStarter`), for both
/// `glassbox recipe init --from-hf` and `glassbox card --from-hf`: refuses an existing file unless
/// `force`, writes atomically (`BaseIO.AtomicFile`), and says how many lines need a human.
enum StarterRecipeFile {
    /// Writes the recipe for `modelDirectory` at `path`; returns the number of lines marked for a human.
    static func write(modelDirectory: String, to path: String, force: Bool) throws -> Int {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw Console.fail("\(path) already exists; choose another path or add --force to overwrite it")
        }
        do {
            let text = try HuggingFaceStarter(modelDirectory: URL(fileURLWithPath: modelDirectory), recipeURL: url).recipeText()
            try AtomicFile.write(Array(text.utf8), to: url.path)
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(HuggingFaceStarter.marker) }.count
        } catch let error as BuildError {
            throw Console.fail(error.description)
        } catch {
            throw Console.fail("cannot write \(path): \(error)")
        }
    }

    /// The line printed after writing: what to fill in and what to run next.
    static func summary(path: String, marked: Int) -> String {
        "wrote \(path); fill in the \(marked) lines marked \"\(HuggingFaceStarter.marker)\", then run `glassbox recipe check \(path)`\n"
    }
}
