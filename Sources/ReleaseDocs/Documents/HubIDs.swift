/// Mapping between SPDX licence identifiers and the Hugging Face Hub's licence ids, and Hub dataset ids
/// from source URIs.
enum HubIDs {
    /// SPDX id → Hub licence id, for the licences the Hub lists whose meaning is the same.
    static let licences: [String: String] = [
        "Apache-2.0": "apache-2.0", "MIT": "mit", "AFL-3.0": "afl-3.0", "Artistic-2.0": "artistic-2.0", "BSL-1.0": "bsl-1.0",
        "BSD-2-Clause": "bsd-2-clause", "BSD-3-Clause": "bsd-3-clause", "BSD-3-Clause-Clear": "bsd-3-clause-clear",
        "CC0-1.0": "cc0-1.0", "CC-BY-2.0": "cc-by-2.0", "CC-BY-2.5": "cc-by-2.5", "CC-BY-3.0": "cc-by-3.0", "CC-BY-4.0": "cc-by-4.0",
        "CC-BY-SA-3.0": "cc-by-sa-3.0", "CC-BY-SA-4.0": "cc-by-sa-4.0", "CC-BY-NC-4.0": "cc-by-nc-4.0", "CC-BY-NC-SA-4.0": "cc-by-nc-sa-4.0",
        "CC-BY-ND-4.0": "cc-by-nd-4.0", "CC-BY-NC-ND-4.0": "cc-by-nc-nd-4.0", "CDLA-Permissive-1.0": "cdla-permissive-1.0",
        "CDLA-Permissive-2.0": "cdla-permissive-2.0", "CDLA-Sharing-1.0": "cdla-sharing-1.0", "ECL-2.0": "ecl-2.0", "EPL-1.0": "epl-1.0",
        "EPL-2.0": "epl-2.0", "EUPL-1.1": "eupl-1.1", "EUPL-1.2": "eupl-1.2", "AGPL-3.0-only": "agpl-3.0", "GPL-2.0-only": "gpl-2.0",
        "GPL-3.0-only": "gpl-3.0", "LGPL-2.1-only": "lgpl-2.1", "LGPL-3.0-only": "lgpl-3.0", "ISC": "isc", "LPPL-1.3c": "lppl-1.3c",
        "MS-PL": "ms-pl", "MPL-2.0": "mpl-2.0", "ODC-By-1.0": "odc-by", "ODbL-1.0": "odbl", "OSL-3.0": "osl-3.0",
        "PostgreSQL": "postgresql", "OFL-1.1": "ofl-1.1", "NCSA": "ncsa", "Unlicense": "unlicense", "Zlib": "zlib", "PDDL-1.0": "pddl",
    ]

    /// The Hub id for a single SPDX identifier, nil for expressions and unlisted licences.
    static func license(forSPDX spdx: String) -> String? { licences[spdx] }

    /// A `license_name` for `other`: the expression lowercased, non-alphanumerics as `-`.
    static func licenseName(forSPDX spdx: String) -> String {
        var out = ""
        for character in spdx.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "." {
                out.append(character)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        return String(out.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }

    /// A `license_link`: the declared one, else the SPDX page of a single identifier, else the SPDX list.
    static func licenseLink(forSPDX spdx: String, declared: String?) -> String {
        if let declared { return declared }
        if spdx.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.".contains($0)) }) {
            return "https://spdx.org/licenses/\(spdx).html"
        }
        return "https://spdx.org/licenses/"
    }

    /// `text` when it is a Hub model id `owner/name` (letters, digits, `-`, `_`, `.`; each part starting and
    /// ending with a letter or digit, the name at most 96 characters, no `--` or `..`, as huggingface_hub's
    /// `validate_repo_id` requires), else nil: a name that is not such an id is shown as text, never
    /// written as `base_model` metadata, which the Hub reads as a link to a model repository.
    static func model(_ text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count <= 96, !text.contains("--"), !text.contains("..") else { return nil }
        let valid = parts.allSatisfy { part in
            guard let first = part.first, let last = part.last, first.isASCII, last.isASCII,
                  first.isLetter || first.isNumber, last.isLetter || last.isNumber else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
        return valid ? text : nil
    }

    /// `owner/name` of a `https://huggingface.co/datasets/owner/name/…` source, else nil.
    static func dataset(fromURI uri: String) -> String? {
        let prefix = "https://huggingface.co/datasets/"
        guard uri.hasPrefix(prefix) else { return nil }
        let parts = uri.dropFirst(prefix.count).split(separator: "/").prefix(2)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } }) else { return nil }
        return parts.joined(separator: "/")
    }
}
