import TOMLKit

/// Reads typed values out of one TOML table, recording a problem (with its key path) for every value
/// that is missing, of the wrong type or out of range, and for every key nobody asked for.
final class TableReader {
    let table: TOMLTable
    let path: String
    let problems: ProblemCollector
    private var known: [String] = []

    init(table: TOMLTable, path: String, problems: ProblemCollector) {
        self.table = table
        self.path = path
        self.problems = problems
    }

    /// The dotted path of `key` inside this table.
    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Records a problem for `key`.
    func report(_ key: String, _ message: String) { problems.add(keyPath(key), message) }

    /// The raw value of `key`, marking the key as known; records a problem if it is required and absent.
    func raw(_ key: String, required: Bool) -> TOMLValueConvertible? {
        known.append(key)
        guard let value = table[key] else {
            if required { report(key, "missing required key") }
            return nil
        }
        return value
    }

    /// Records "expected X, got Y" for a value of the wrong type.
    func wrongType(_ key: String, expected: String, got value: TOMLValueConvertible) {
        report(key, "expected \(expected), got \(Self.describe(value))")
    }

    /// A short description of a TOML value for messages: its type and, for scalars, its value.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "string \"\(String((value.string ?? "").prefix(40)))\""
        case .int: "integer \(value.int.map(String.init) ?? "")"
        case .double: "floating-point number \(value.double.map { String($0) } ?? "")"
        case .bool: "boolean \(value.bool.map(String.init) ?? "")"
        default: value.type.description
        }
    }

    /// A string; `maxBytes` guards against absurdly long values.
    func string(_ key: String, required: Bool = false, maxBytes: Int = 1_000) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        guard let text = value.string else {
            wrongType(key, expected: "a string", got: value)
            return nil
        }
        guard text.utf8.count <= maxBytes else {
            report(key, "is \(text.utf8.count) bytes long; at most \(maxBytes) bytes are allowed")
            return nil
        }
        if required, text.isEmpty { report(key, "must not be empty") }
        return text
    }

    /// One of `choices`, or `fallback` when absent.
    func choice(_ key: String, _ choices: [String], default fallback: String) -> String {
        guard let text = string(key, maxBytes: 100) else { return fallback }
        guard choices.contains(text) else {
            let allowed = choices.map { "\"\($0)\"" }.joined(separator: ", ")
            report(key, "must be one of \(allowed), got \"\(text)\"" + KeySuggestion.hint(for: text, in: choices))
            return fallback
        }
        return text
    }

    /// An integer within `range`.
    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Int? {
        guard let value = raw(key, required: required) else { return nil }
        guard let number = value.int else {
            wrongType(key, expected: "an integer", got: value)
            return nil
        }
        if number < range.lowerBound {
            report(key, "must be >= \(range.lowerBound), got \(number)")
            return nil
        }
        if number > range.upperBound {
            report(key, "must be <= \(range.upperBound), got \(number)")
            return nil
        }
        return number
    }

    /// A finite number (integers are accepted) satisfying `bounds`; -0.0 is normalised to 0.
    func double(_ key: String, required: Bool = false, _ bounds: [NumberBound] = []) -> Double? {
        guard let value = raw(key, required: required) else { return nil }
        let number: Double
        if let double = value.double {
            number = double == 0 ? 0 : double
        } else if let int = value.int {
            number = Double(int)
        } else {
            wrongType(key, expected: "a number", got: value)
            return nil
        }
        guard number.isFinite else {
            report(key, "must be a finite number, got \(number)")
            return nil
        }
        for bound in bounds where !bound.admits(number) {
            report(key, "must be \(bound), got \(number.shortDescription)")
            return nil
        }
        return number
    }

    /// A boolean.
    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = raw(key, required: required) else { return nil }
        guard let flag = value.bool else {
            wrongType(key, expected: "true or false", got: value)
            return nil
        }
        return flag
    }

    /// An array of strings, each at most `maxBytes` long.
    func strings(_ key: String, required: Bool = false, maxCount: Int = 1_000, maxBytes: Int = 1_000) -> [String]? {
        guard let value = raw(key, required: required) else { return nil }
        guard let array = value.tomlValue.array else {
            wrongType(key, expected: "an array of strings", got: value)
            return nil
        }
        guard array.count <= maxCount else {
            report(key, "has \(array.count) entries; at most \(maxCount) are allowed")
            return nil
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string else {
                problems.add("\(keyPath(key))[\(index)]", "expected a string, got \(Self.describe(element))")
                continue
            }
            guard text.utf8.count <= maxBytes else {
                problems.add("\(keyPath(key))[\(index)]", "is \(text.utf8.count) bytes long; at most \(maxBytes) bytes are allowed")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// A sub-table, or nil when absent (or of the wrong type, which is recorded).
    func table(_ key: String, required: Bool = false) -> TableReader? {
        guard let value = raw(key, required: required) else { return nil }
        guard let sub = value.tomlValue.table else {
            wrongType(key, expected: "a table ([\(keyPath(key))])", got: value)
            return nil
        }
        return TableReader(table: sub, path: keyPath(key), problems: problems)
    }

    /// An array of tables (`[[key]]`), each reader's path ending in `[index]`.
    func tables(_ key: String, required: Bool = false, maxCount: Int = 10_000) -> [TableReader] {
        guard let value = raw(key, required: required) else { return [] }
        guard let array = value.tomlValue.array else {
            wrongType(key, expected: "an array of tables ([[\(keyPath(key))]])", got: value)
            return []
        }
        guard array.count <= maxCount else {
            report(key, "has \(array.count) entries; at most \(maxCount) are allowed")
            return []
        }
        var readers: [TableReader] = []
        for (index, element) in array.enumerated() {
            let elementPath = "\(keyPath(key))[\(index)]"
            guard let sub = element.tomlValue.table else {
                problems.add(elementPath, "expected a table, got \(Self.describe(element))")
                continue
            }
            readers.append(TableReader(table: sub, path: elementPath, problems: problems))
        }
        return readers
    }

    /// Records an "unknown key" problem, with a suggestion, for every key not read so far.
    func rejectUnknownKeys() {
        for key in table.keys.sorted() where !known.contains(key) {
            let hint = KeySuggestion.hint(for: key, in: known)
            let shown = key.utf8.count > 80 ? String(key.prefix(80)) + "…" : key
            problems.add(keyPath(shown), "unknown key" + hint)
        }
    }
}
