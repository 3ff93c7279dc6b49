/// Whether an SPDX licence expression is a free and open-source licence in the sense of Art. 53(2)
/// (access, use, modification and distribution allowed; Recital 102: attribution and same-terms
/// conditions are fine) — decided from a fixed list of SPDX identifiers that are OSI-approved or
/// FSF-free, and a list of licences that do not qualify (non-commercial, no-derivatives, research-only,
/// use-restricted). An identifier on neither list is "unknown", which does not qualify either.
public enum FreeLicences {
    /// The verdict for one expression.
    public struct Verdict: Sendable, Equatable {
        /// True when the expression grants the four freedoms.
        public let isFree: Bool
        /// Why, naming the identifiers that decided it.
        public let reason: String
    }

    /// OSI-approved or FSF-free SPDX identifiers (software, data and content licences).
    public static let free: Set<String> = [
        "0BSD", "AFL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-2.0",
        "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSL-1.0",
        "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
        "CC0-1.0", "CDDL-1.0", "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "CECILL-2.1", "ECL-2.0",
        "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-2.0-only", "GPL-2.0-or-later",
        "GPL-3.0-only", "GPL-3.0-or-later", "ISC", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later",
        "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MS-PL", "MS-RL", "NCSA",
        "ODbL-1.0", "ODC-By-1.0", "OFL-1.1", "OSL-3.0", "PDDL-1.0", "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby",
        "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1",
    ]

    /// Identifiers that fail a freedom, with the freedom they fail.
    public static let notFree: [String: String] = [
        "CC-BY-NC-2.0": "non-commercial only", "CC-BY-NC-3.0": "non-commercial only", "CC-BY-NC-4.0": "non-commercial only",
        "CC-BY-NC-SA-2.0": "non-commercial only", "CC-BY-NC-SA-3.0": "non-commercial only", "CC-BY-NC-SA-4.0": "non-commercial only",
        "CC-BY-NC-ND-3.0": "non-commercial, no modification", "CC-BY-NC-ND-4.0": "non-commercial, no modification",
        "CC-BY-ND-3.0": "no modification", "CC-BY-ND-4.0": "no modification",
        "OpenRAIL": "use restrictions (RAIL)", "OpenRAIL-M": "use restrictions (RAIL)", "BigScience-OpenRAIL-M": "use restrictions (RAIL)",
        "CreativeML-OpenRAIL-M": "use restrictions (RAIL)", "BUSL-1.1": "production use restricted", "SSPL-1.0": "not OSI-approved, service restriction",
        "Elastic-2.0": "service restriction", "PolyForm-Noncommercial-1.0.0": "non-commercial only",
    ]

    /// The verdict for `expression` (`AND`: every part must be free; `OR`: one alternative suffices;
    /// `WITH`: the licence before the exception decides).
    public static func verdict(_ expression: String) -> Verdict {
        var parser = ExpressionParser(expression)
        guard let node = parser.parse() else {
            return Verdict(isFree: false, reason: "\"\(expression)\" is not an SPDX expression this list can judge")
        }
        return node.verdict
    }

    /// A parsed expression.
    indirect enum Node {
        case id(String)
        case all([Node])
        case any([Node])

        var verdict: Verdict {
            switch self {
            case let .id(id):
                if FreeLicences.free.contains(id) { return Verdict(isFree: true, reason: "\(id) is OSI-approved or FSF-free") }
                if let why = FreeLicences.notFree[id] { return Verdict(isFree: false, reason: "\(id): \(why)") }
                if id.hasPrefix("LicenseRef-") { return Verdict(isFree: false, reason: "\(id) is a custom licence; its terms cannot be judged here") }
                return Verdict(isFree: false, reason: "\(id) is not on glassbox's list of free licences")
            case let .all(parts):
                let verdicts = parts.map(\.verdict)
                let failing = verdicts.filter { !$0.isFree }
                return failing.isEmpty ? Verdict(isFree: true, reason: "every licence is free (\(parts.count) combined with AND)")
                    : Verdict(isFree: false, reason: failing.map(\.reason).joined(separator: "; "))
            case let .any(parts):
                let verdicts = parts.map(\.verdict)
                if let free = verdicts.first(where: \.isFree) { return Verdict(isFree: true, reason: "the OR alternative is free: \(free.reason)") }
                return Verdict(isFree: false, reason: verdicts.map(\.reason).joined(separator: "; "))
            }
        }
    }
}
