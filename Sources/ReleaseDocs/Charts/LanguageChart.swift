/// `eval/languages.svg`: bits per byte per language, the trained model beside the untrained baseline.
enum LanguageChart {
    /// The chart's SVG text.
    static func render(_ evaluation: EvaluationFacts, title: String) -> String {
        var canvas = SVGCanvas(title: title)
        let p = SVGCanvas.plot
        let rows = evaluation.languages
        let highest = rows.map { max($0.bitsPerByte, $0.baselineBitsPerByte ?? 0) }.max() ?? 1
        let axis = AxisTicks.ticks(low: 0, high: highest * 1.05)
        func y(_ value: Double) -> Double { p.bottom - value / axis.high * (p.bottom - p.top) }
        let step = axis.values.count > 1 ? axis.values[1] - axis.values[0] : 1
        for value in axis.values {
            canvas.line(p.left, y(value), p.right, y(value), stroke: "#d0d7de")
            canvas.text(p.left - 8, y(value) + 4, AxisTicks.label(value, step: step), anchor: "end", size: 11)
        }
        let slot = (p.right - p.left) / Double(max(1, rows.count))
        let bar = min(28, slot * 0.36)
        for (index, row) in rows.enumerated() {
            let centre = p.left + slot * (Double(index) + 0.5)
            if let baseline = row.baselineBitsPerByte {
                canvas.rect(centre - bar - 1, y(baseline), bar, p.bottom - y(baseline), fill: "#afb8c1")
            }
            canvas.rect(centre + 1, y(row.bitsPerByte), bar, p.bottom - y(row.bitsPerByte), fill: "#0969da")
            canvas.text(centre + 1 + bar / 2, y(row.bitsPerByte) - 4, Numbers.fixed(row.bitsPerByte, 2), anchor: "middle", size: 10)
            canvas.text(centre, p.bottom + 20, row.language, anchor: "middle", size: 12)
        }
        canvas.line(p.left, p.bottom, p.right, p.bottom, stroke: "#57606a")
        canvas.line(p.left, p.top, p.left, p.bottom, stroke: "#57606a")
        canvas.text(SVGCanvas.width / 2, 28, title, anchor: "middle", size: 16, weight: "bold")
        canvas.text((p.left + p.right) / 2, p.bottom + 44, "language (held-out split)", anchor: "middle", size: 13)
        canvas.text(22, (p.top + p.bottom) / 2, "bits per byte (lower is better)", anchor: "middle", size: 13, rotate: true)
        canvas.rect(p.right - 250, p.top - 20, 12, 12, fill: "#afb8c1")
        canvas.text(p.right - 234, p.top - 10, "untrained baseline", size: 11)
        canvas.rect(p.right - 120, p.top - 20, 12, 12, fill: "#0969da")
        canvas.text(p.right - 104, p.top - 10, "trained model", size: 11)
        return canvas.render()
    }
}
