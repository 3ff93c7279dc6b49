import Foundation

/// The structure of a Markdown document as a renderer sees it: front matter lines (by the Hub's
/// regex: `---` at the start, up to the next line that is exactly `---`), headings, fence lines and
/// table rows whose cell count differs from their header's.
struct CardStructure {
    var frontMatter: [String] = []
    var headings: [String] = []
    var fences = 0
    var tableProblems: [String] = []
    /// Lines a renderer treats as Markdown (outside the front matter and fenced code blocks).
    var prose: [String] = []

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            frontMatter = Array(lines[1..<end])
            lines = Array(lines[(end + 1)...])
        }
        var inFence = false
        var tableColumns: Int?
        for line in lines {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fences += 1; inFence.toggle(); continue }
            if inFence { continue }
            prose.append(line)
            if line.hasPrefix("#") { headings.append(line) }
            if line.hasPrefix("|") {
                let cells = Self.cells(line)
                if let columns = tableColumns, cells != columns { tableProblems.append("table row has \(cells) cells, header \(columns): \(line.prefix(120))") }
                if tableColumns == nil { tableColumns = cells }
            } else {
                tableColumns = nil
            }
        }
    }

    /// Front matter keys at the top level, in order.
    var frontMatterKeys: [String] {
        frontMatter.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }.compactMap { $0.split(separator: ":").first.map(String.init) }
    }

    /// Cells of a table row: pipes not preceded by a backslash, minus the outer two.
    static func cells(_ line: String) -> Int {
        var count = 0
        var previous: Character = " "
        for character in line {
            if character == "|", previous != "\\" { count += 1 }
            previous = character
        }
        return count - 1
    }
}

/// Decodes the YAML double-quoted scalars the front matter writer emits.
enum YAMLDecoding {
    static func doubleQuoted(_ text: String) -> String? {
        guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 else { return nil }
        var out = ""
        var iterator = text.dropFirst().dropLast().unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else { out.unicodeScalars.append(scalar); continue }
            guard let escape = iterator.next() else { return nil }
            switch escape {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "\"": out += "\""
            case "\\": out += "\\"
            case "x", "u":
                var hex = ""
                for _ in 0..<(escape == "x" ? 2 : 4) { if let digit = iterator.next() { hex.unicodeScalars.append(digit) } }
                guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                out.unicodeScalars.append(decoded)
            default: return nil
            }
        }
        return out
    }
}

/// Runs Tools/check_model_card.py (huggingface_hub.ModelCard) when python3 with huggingface_hub is there.
enum ModelCardChecker {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tools/check_model_card.py")

    /// The python3 that can import huggingface_hub, or nil.
    static func available() -> String? {
        for candidate in ["/usr/bin/env"] {
            let result = try? run(candidate, arguments: ["python3", "-c", "import huggingface_hub"])
            if result?.status == 0 { return candidate }
        }
        return nil
    }

    static func run(_ python: String, card: String, languages: String) throws -> (status: Int32, output: String) {
        try run(python, arguments: ["python3", script.path, card, "--languages", languages])
    }

    static func run(_ executable: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
