import Foundation

/// Small syntax checks shared by the sections: identifiers, SPDX expressions, URIs.
enum Syntax {
    /// True if `text` is non-empty and uses only ASCII letters, digits, `.`, `_`, `-` and `extra`.
    static func isIdentifier(_ text: String, extra: String = "") -> Bool {
        let allowed = Set("._-" + extra)
        return !text.isEmpty && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) }
    }

    /// Nil if `expression` is a syntactically valid SPDX licence expression, else what is wrong.
    ///
    /// Identifiers are checked for SPDX syntax (`[A-Za-z0-9.+-]`, `LicenseRef-…`), not against the SPDX
    /// list, so new licences need no glassbox upgrade.
    static func spdxProblem(_ expression: String) -> String? {
        let spaced = expression.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
        let tokens = spaced.split(separator: " ").map(String.init)
        var expectOperand = true
        var depth = 0
        for token in tokens {
            switch token {
            case "(":
                guard expectOperand else { return spdxMessage(expression) }
                depth += 1
            case ")":
                guard !expectOperand, depth > 0 else { return spdxMessage(expression) }
                depth -= 1
            case "AND", "OR", "WITH":
                guard !expectOperand else { return spdxMessage(expression) }
                expectOperand = true
            default:
                guard expectOperand, isIdentifier(token, extra: "+") else { return spdxMessage(expression) }
                expectOperand = false
            }
        }
        return expectOperand || depth != 0 ? spdxMessage(expression) : nil
    }

    private static func spdxMessage(_ expression: String) -> String {
        "must be an SPDX licence identifier or expression (e.g. \"Apache-2.0\", \"CC-BY-4.0 AND MIT\"), got \"\(expression.prefix(100))\""
    }

    /// True if `text` is a calendar date written `YYYY-MM-DD` (month 01–12, day 01–31).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false }
        return isMonth(parts[0] + "-" + parts[1])
    }

    /// True if `text` is a month written `YYYY-MM`.
    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }

    /// True if `text` is exactly 40 lowercase hex digits (a git commit).
    static func isCommit(_ text: Substring) -> Bool {
        text.utf8.count == 40 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
