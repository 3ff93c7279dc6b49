/// YAML 1.1 scalars for the model card's front matter. Every string is double-quoted, so `no`, `on`,
/// `1.0`, `2026-12-05`, `~` and `null` stay strings under PyYAML's `safe_load`; characters YAML may
/// not carry raw (controls, line and paragraph separators, BOM, non-characters) are written as escapes.
enum YAMLText {
    /// `"text"` with YAML double-quoted escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) {
                    out += "\\x" + hex(v, width: 2)
                } else if v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF {
                    out += "\\u" + hex(v, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A decimal number with `digits` places (always with a dot, so YAML 1.1 reads a float).
    static func decimal(_ value: Double, _ digits: Int) -> String { Numbers.fixed(value, max(1, digits)) }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
