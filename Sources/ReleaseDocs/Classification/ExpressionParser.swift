import Foundation

/// A small recursive-descent parser for SPDX licence expressions (`A AND (B OR C) WITH E`); `WITH`
/// binds tightest, then `AND`, then `OR`, as the SPDX specification says.
struct ExpressionParser {
    private var tokens: [String]
    private var position = 0

    init(_ expression: String) {
        tokens = expression.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(separator: " ").map(String.init)
    }

    /// The whole expression, or nil when it is malformed.
    mutating func parse() -> FreeLicences.Node? {
        guard let node = parseOr(), position == tokens.count else { return nil }
        return node
    }

    private mutating func parseOr() -> FreeLicences.Node? {
        guard let first = parseAnd() else { return nil }
        var parts = [first]
        while peek() == "OR" {
            position += 1
            guard let next = parseAnd() else { return nil }
            parts.append(next)
        }
        return parts.count == 1 ? first : .any(parts)
    }

    private mutating func parseAnd() -> FreeLicences.Node? {
        guard let first = parseAtom() else { return nil }
        var parts = [first]
        while peek() == "AND" {
            position += 1
            guard let next = parseAtom() else { return nil }
            parts.append(next)
        }
        return parts.count == 1 ? first : .all(parts)
    }

    private mutating func parseAtom() -> FreeLicences.Node? {
        guard let token = peek() else { return nil }
        position += 1
        let node: FreeLicences.Node
        if token == "(" {
            guard let inner = parseOr(), peek() == ")" else { return nil }
            position += 1
            node = inner
        } else if ["AND", "OR", "WITH", ")"].contains(token) {
            return nil
        } else {
            node = .id(token.hasSuffix("+") ? String(token.dropLast()) + "-or-later" : token)
        }
        if peek() == "WITH" {
            position += 2
            guard position <= tokens.count else { return nil }
        }
        return node
    }

    private func peek() -> String? { position < tokens.count ? tokens[position] : nil }
}
