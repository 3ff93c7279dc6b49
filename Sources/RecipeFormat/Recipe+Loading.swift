import Foundation
import TOMLKit

extension Recipe {
    /// Recipes larger than this are refused before parsing.
    public static let maxFileBytes = 32 << 20

    /// Reads and validates the recipe at `url`; throws a `RecipeError` listing every problem found.
    public static func load(contentsOf url: URL) throws(RecipeError) -> Recipe {
        let file = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            let toml = ((try? FileManager.default.contentsOfDirectory(atPath: file)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
            throw RecipeError.unreadable(file: file, reason: "is a directory; give the recipe file"
                + (toml.isEmpty ? "" : " (it holds \(toml.prefix(3).joined(separator: ", "))\(toml.count > 3 ? ", …" : ""))"))
        }
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maxFileBytes else {
                throw RecipeError.invalid(file: file, problems: [tooLarge(size)])
            }
            data = try Data(contentsOf: url)
        } catch let error as RecipeError {
            throw error
        } catch {
            throw RecipeError.unreadable(file: file, reason: "\((error as NSError).localizedDescription); check the path")
        }
        return try parse(bytes: [UInt8](data), file: file)
    }

    /// Validates a recipe given as bytes; `file` names it in messages.
    public static func parse(bytes: [UInt8], file: String) throws(RecipeError) -> Recipe {
        guard bytes.count <= maxFileBytes else { throw RecipeError.invalid(file: file, problems: [tooLarge(bytes.count)]) }
        let problems = ProblemCollector()
        SourceText.check(bytes, into: problems)
        guard problems.isEmpty else { throw RecipeError.invalid(file: file, problems: problems.problems) }
        return try parse(text: String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Validates a recipe given as text; `file` names it in messages.
    public static func parse(text: String, file: String) throws(RecipeError) -> Recipe {
        let problems = ProblemCollector()
        if text.utf8.contains(0) {
            SourceText.check(Array(text.utf8), into: problems)
            throw RecipeError.invalid(file: file, problems: problems.problems)
        }
        if let header = TableHeaderGuard.firstProblem(in: Array(text.utf8)) {
            problems.add(line: header.line, column: header.column, header.message)
            throw RecipeError.invalid(file: file, problems: problems.problems)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            let line = max(begin.line, 1)
            problems.add(line: line, column: max(begin.column, 1), "TOML syntax error: \(error.description)",
                         keyPath: SyntaxErrorKey.keyPath(atLine: line, in: text) ?? "")
            throw RecipeError.invalid(file: file, problems: problems.problems)
        } catch {
            problems.add(line: 1, column: 1, "TOML syntax error: \(error)")
            throw RecipeError.invalid(file: file, problems: problems.problems)
        }
        let recipe = try read(TableReader(table: table, path: "", problems: problems), file: file)
        guard problems.isEmpty else { throw RecipeError.invalid(file: file, problems: problems.problems) }
        return recipe
    }

    private static func tooLarge(_ size: Int) -> RecipeProblem {
        RecipeProblem(keyPath: "", message: "file is \(size) bytes; recipes are at most \(maxFileBytes) bytes (keep data in data files, not in the recipe)")
    }
}
