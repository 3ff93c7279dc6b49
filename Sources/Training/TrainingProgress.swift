/// Reported after every update (for a progress line and the run log; never hashed).
public struct TrainingProgress: Sendable {
    /// The update just completed.
    public let entry: TrainingLogEntry
    /// Total updates of the run.
    public let totalSteps: Int
    /// Input tokens per second since this process started (or resumed) training.
    public let tokensPerSecond: Double
    /// Seconds since this process started (or resumed) training.
    public let elapsedSeconds: Double
    /// Estimated seconds to the end.
    public let etaSeconds: Double
    /// Path of the checkpoint written after this update, if any.
    public let checkpoint: String?

    /// "step 12/100  loss 3.2140  lr 3.0e-04  1834 tok/s  ETA 1m12s".
    public var line: String {
        let eta = Int(etaSeconds.rounded())
        let etaText = eta >= 3600 ? "\(eta / 3600)h\(eta % 3600 / 60)m" : eta >= 60 ? "\(eta / 60)m\(eta % 60)s" : "\(eta)s"
        return "step \(entry.step)/\(totalSteps)  loss \(fixed(entry.loss, 4))  lr \(scientific(entry.learningRate))  "
            + "\(Int(tokensPerSecond.rounded())) tok/s  ETA \(etaText)"
    }

    func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let v = (x * scale).rounded() / scale
        let s = "\(v)"
        let parts = s.split(separator: ".")
        let frac = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + String((frac + String(repeating: "0", count: digits)).prefix(digits))
    }

    func scientific(_ x: Double) -> String {
        guard x > 0, x.isFinite else { return "\(x)" }
        var e = 0, m = x
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        return fixed(m, 1) + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + "\(abs(e))"
    }
}

/// What a progress callback wants next.
public enum TrainingControl: Sendable {
    /// Keep training.
    case proceed
    /// Stop after this update without writing the final model (checkpoints already written stay).
    case stop
}
