import Foundation

/// The fields of a Hugging Face model card's YAML front matter that a starter recipe uses: `license`,
/// `language` and `base_model` (each list a scalar, a `[a, b]` flow list or a `- item` list). Only this
/// flat subset is read; anything else in the front matter is ignored.
struct ModelCardFrontMatter {
    /// `license:` as written (a Hub licence id such as `apache-2.0`), if any.
    var license: String?
    /// `language:` codes, if any.
    var languages: [String] = []
    /// `base_model:` Hub ids, if any (the Hub allows one or a list, e.g. for a merge).
    var baseModels: [String] = []

    /// Reads the front matter between the leading `---` lines of `readme`.
    init(_ readme: String) {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return }
        var listKey: String?
        for line in lines[1..<end] {
            if line.hasPrefix("- "), let listKey {
                let item = Self.unquote(String(line.dropFirst(2)))
                if listKey == "language" { languages.append(item) }
                if listKey == "base_model" { baseModels.append(item) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = Self.unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            listKey = value.isEmpty ? key : nil
            if key == "license", !value.isEmpty { license = value }
            if key == "language", !value.isEmpty { languages = Self.list(value) }
            if key == "base_model", !value.isEmpty { baseModels = Self.list(value) }
        }
    }

    /// A scalar as a one-item list, or the items of a `[a, b]` flow list.
    private static func list(_ value: String) -> [String] {
        guard value.hasPrefix("[") else { return [value] }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func unquote(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// Hub licence ids with an SPDX twin (the Hub's ids are lowercase SPDX ids or its own names).
    static let spdx: [String: String] = [
        "apache-2.0": "Apache-2.0", "mit": "MIT", "bsd-3-clause": "BSD-3-Clause", "bsd-2-clause": "BSD-2-Clause",
        "cc-by-4.0": "CC-BY-4.0", "cc-by-sa-4.0": "CC-BY-SA-4.0", "cc-by-nc-4.0": "CC-BY-NC-4.0", "cc0-1.0": "CC0-1.0",
        "gpl-3.0": "GPL-3.0-only", "lgpl-3.0": "LGPL-3.0-only", "agpl-3.0": "AGPL-3.0-only", "mpl-2.0": "MPL-2.0",
        "openrail": "LicenseRef-openrail", "llama3": "LicenseRef-llama3", "llama3.1": "LicenseRef-llama3.1",
        "gemma": "LicenseRef-gemma",
    ]

    /// The licence as an SPDX expression, and whether it was mapped with certainty.
    var spdxLicense: (expression: String, certain: Bool)? {
        guard let license else { return nil }
        if let known = Self.spdx[license.lowercased()], !known.hasPrefix("LicenseRef-") { return (known, true) }
        let ref = "LicenseRef-" + String(license.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "-" })
        return (Self.spdx[license.lowercased()] ?? ref, false)
    }
}
