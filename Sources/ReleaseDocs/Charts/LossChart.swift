/// `training/loss.svg`: training loss per optimiser update, from `training/log.jsonl`.
enum LossChart {
    /// The chart's SVG text.
    static func render(_ training: TrainingFacts, title: String) -> String {
        var canvas = SVGCanvas(title: title)
        let p = SVGCanvas.plot
        let losses = training.curve.map(\.loss)
        let yAxis = AxisTicks.ticks(low: max(0, (losses.min() ?? 0) * 0.95), high: (losses.max() ?? 1) * 1.02)
        let lastStep = Double(max(1, training.curve.last?.step ?? 1))
        let xAxis = AxisTicks.ticks(low: 0, high: lastStep, count: 8)
        func x(_ step: Double) -> Double { p.left + (step - xAxis.low) / (xAxis.high - xAxis.low) * (p.right - p.left) }
        func y(_ loss: Double) -> Double { p.bottom - (loss - yAxis.low) / (yAxis.high - yAxis.low) * (p.bottom - p.top) }
        drawAxes(&canvas, xAxis: xAxis, yAxis: yAxis, x: x, y: y)
        canvas.polyline(training.curve.map { (x(Double($0.step)), y($0.loss)) }, stroke: "#0969da")
        canvas.text(SVGCanvas.width / 2, 28, title, anchor: "middle", size: 16, weight: "bold")
        canvas.text((p.left + p.right) / 2, p.bottom + 44, "optimiser step", anchor: "middle", size: 13)
        canvas.text(22, (p.top + p.bottom) / 2, "training loss (nats per token)", anchor: "middle", size: 13, rotate: true)
        let summary = "first \(Numbers.fixed(training.firstLoss, 3)) · last \(Numbers.fixed(training.finalLoss, 3)) · \(training.steps) steps"
        canvas.text(p.right, p.top - 8, summary, anchor: "end", size: 11)
        return canvas.render()
    }

    private static func drawAxes(_ canvas: inout SVGCanvas, xAxis: (values: [Double], low: Double, high: Double),
                                 yAxis: (values: [Double], low: Double, high: Double), x: (Double) -> Double, y: (Double) -> Double) {
        let p = SVGCanvas.plot
        let yStep = yAxis.values.count > 1 ? yAxis.values[1] - yAxis.values[0] : 1
        for value in yAxis.values {
            canvas.line(p.left, y(value), p.right, y(value), stroke: "#d0d7de")
            canvas.text(p.left - 8, y(value) + 4, AxisTicks.label(value, step: yStep), anchor: "end", size: 11)
        }
        let xStep = xAxis.values.count > 1 ? xAxis.values[1] - xAxis.values[0] : 1
        for value in xAxis.values {
            canvas.line(x(value), p.bottom, x(value), p.bottom + 5, stroke: "#57606a")
            canvas.text(x(value), p.bottom + 20, AxisTicks.label(value, step: xStep), anchor: "middle", size: 11)
        }
        canvas.line(p.left, p.bottom, p.right, p.bottom, stroke: "#57606a")
        canvas.line(p.left, p.top, p.left, p.bottom, stroke: "#57606a")
    }
}
