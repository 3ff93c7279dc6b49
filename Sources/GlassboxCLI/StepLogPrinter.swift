import Builder
import Foundation

/// The output of `glassbox _run-step` in a Slurm job's log: the build printer's lines, plus one
/// progress line each time a running step passes another tenth of its work (a job log is no
/// terminal, so the live line is not drawn; `glassbox build --wait` shows the newest of these lines).
final class StepLogPrinter: @unchecked Sendable {
    private let printer = BuildProgressPrinter()
    private let lock = NSLock()
    private var tenths: [String: Int] = [:]
    private let started = Date()

    /// Handles one event.
    func handle(_ event: BuildEvent) {
        guard case let .progress(step, progress) = event, let fraction = progress.fraction else {
            printer.handle(event)
            return
        }
        lock.lock()
        defer { lock.unlock() }
        let tenth = Int(fraction * 10)
        guard tenth > tenths[step, default: 0], tenth < 10 else { return }
        tenths[step] = tenth
        Console.note(BuildProgressPrinter.progressText(step, progress, since: started))
    }
}
