import Foundation

/// Deterministic number formatting for the documents (C `printf` rounding, no locale).
enum Numbers {
    /// `2.68 × 10²⁰`: three significant figures and a power of ten (FLOP, FLOP/s).
    static func flop(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return value == 0 ? "0" : "\(value)" }
        let exponent = Int(floor(log10(value)))
        var mantissa = value / pow(10, Double(exponent))
        var power = exponent
        if Double(String(format: "%.2f", mantissa)) ?? mantissa >= 10 {
            mantissa /= 10
            power += 1
        }
        return String(format: "%.2f", mantissa) + " × 10" + superscript(power)
    }

    /// `1.2e+20` style for JSON-free contexts that want scientific notation in ASCII.
    static func scientific(_ value: Double) -> String { String(format: "%.3e", value) }

    /// The shortest round-trip form, without a trailing `.0` for whole numbers.
    static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `41,013 B (40.1 KiB)`.
    static func bytes(_ value: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var scaled = Double(value)
        var unit = ""
        for candidate in units where scaled >= 1024 {
            scaled /= 1024
            unit = candidate
        }
        return unit.isEmpty ? "\(grouped(value)) B" : "\(grouped(value)) B (\(fixed(scaled, 1)) \(unit))"
    }

    /// `1.50 %`.
    static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 2) + " %" }

    /// Seconds as `42 s`, `3.5 min`, `2.1 h` or `4.2 days`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return fixed(seconds, 1) + " s" }
        if seconds < 7_200 { return fixed(seconds / 60, 1) + " min" }
        if seconds < 172_800 { return fixed(seconds / 3_600, 1) + " h" }
        return fixed(seconds / 86_400, 1) + " days"
    }

    /// An amount of energy given in kWh: `1.23 kWh`, or in Wh below one kWh.
    static func energy(kilowattHours: Double) -> String {
        kilowattHours >= 1 ? significant(kilowattHours) + " kWh" : significant(kilowattHours * 1_000) + " Wh"
    }

    /// An amount of CO₂e given in kg: `12.3 kg CO₂e`, or in grams below one kilogram.
    static func carbon(kilograms: Double) -> String {
        kilograms >= 1 ? significant(kilograms) + " kg CO₂e" : significant(kilograms * 1_000) + " g CO₂e"
    }

    /// Three significant figures in plain notation for small physical quantities (kWh, kg).
    static func significant(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return "0" }
        if abs(value) >= 1e6 || abs(value) < 1e-4 { return scientific(value) }
        let digits = max(0, 2 - Int(floor(log10(abs(value)))))
        return fixed(value, digits)
    }

    private static func superscript(_ number: Int) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(number).map { map[$0] ?? $0 })
    }
}
