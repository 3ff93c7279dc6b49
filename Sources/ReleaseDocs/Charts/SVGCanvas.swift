/// A tiny SVG writer for the release charts: fixed size, white background, numbers with two decimals,
/// text escaped, no timestamps or random ids — the same data always gives the same bytes.
struct SVGCanvas {
    /// Canvas width and height in pixels.
    static let width = 720.0
    static let height = 400.0
    /// The plot area (inside the axes): left, top, right, bottom.
    static let plot = (left: 80.0, top: 64.0, right: 690.0, bottom: 330.0)

    private var elements: [String] = []
    private let title: String

    init(title: String) {
        self.title = title
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: Bool = false) {
        elements.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dash ? " stroke-dasharray=\"4 3\"" : "")/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) {
        elements.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\"/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let text = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(text)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"/>")
    }

    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Double = 12,
                       weight: String = "normal", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
        elements.append("<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" font-weight=\"\(weight)\" text-anchor=\"\(anchor)\"\(transform)>\(Self.escape(content))</text>")
    }

    /// The finished document.
    func render() -> String {
        let w = n(Self.width), h = n(Self.height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#1f2328\" role=\"img\" aria-label=\"\(Self.escape(title))\">\n"
        out += "<title>\(Self.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += elements.joined(separator: "\n") + "\n</svg>\n"
        return out
    }

    /// Text and attribute escaping for XML.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += " " } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private func n(_ value: Double) -> String { Numbers.fixed(value, 2) }
}

/// Axis ticks at 1, 2 or 5 × 10^k.
enum AxisTicks {
    /// About `count` round values covering `low…high`, and the covered range.
    static func ticks(low: Double, high: Double, count: Int = 5) -> (values: [Double], low: Double, high: Double) {
        let span = max(high - low, abs(high) * 1e-6, 1e-9)
        let raw = span / Double(max(1, count))
        let magnitude = pow10(floorLog10(raw))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let start = (low / step).rounded(.down) * step
        let end = (high / step).rounded(.up) * step
        var values: [Double] = []
        var value = start
        while value <= end + step / 2, values.count < 50 {
            values.append(value)
            value += step
        }
        return (values, start, max(end, start + step))
    }

    /// A tick label without float noise.
    static func label(_ value: Double, step: Double) -> String {
        let decimals = max(0, -floorLog10(step))
        return Numbers.fixed(value, decimals)
    }

    private static func floorLog10(_ value: Double) -> Int {
        var exponent = 0
        var scaled = value
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1, exponent > -30 { scaled *= 10; exponent -= 1 }
        return exponent
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }
}
