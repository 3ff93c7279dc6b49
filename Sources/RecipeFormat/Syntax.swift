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

    /// True if `text` is exactly 40 lowercase hex digits (a git commit).
    static func isCommit(_ text: Substring) -> Bool {
        text.utf8.count == 40 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
