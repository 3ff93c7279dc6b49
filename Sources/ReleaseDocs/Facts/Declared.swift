import Foundation

/// A fact the provider states in the recipe's `[compliance]` or `[release]` section: its key and its
/// value, nil when the recipe does not declare it (then `comply` names the key as missing).
public struct Declared<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The recipe key path (`compliance.provider`).
    public let key: String
    /// The declared value; nil when absent or empty.
    public let value: Value?

    /// A declaration of `key`.
    public init(_ key: String, _ value: Value?) {
        self.key = key
        self.value = value
    }

    /// Its origin, for provenance tables.
    public var origin: FactOrigin { .declared(key: key) }
}

extension Declared where Value == String {
    /// A declaration where the empty string counts as absent.
    init(text key: String, _ value: String?) {
        self.init(key, value.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 })
    }
}

extension Declared where Value == [String] {
    /// A declaration where the empty list counts as absent.
    init(list key: String, _ value: [String]?) {
        self.init(key, value.flatMap { $0.isEmpty ? nil : $0 })
    }
}
