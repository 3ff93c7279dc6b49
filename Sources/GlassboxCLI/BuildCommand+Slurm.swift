import Builder
import Foundation

extension BuildCommand {
    /// `--executor slurm`: submits the jobs, prints their ids, and with --wait follows them.
    func runOnSlurm(_ options: BuildOptions) throws {
        let submission: SlurmSubmission
        do {
            submission = try SlurmBuild(options: options, slurm: slurm.slurmOptions())
                .submit(recipeAt: URL(fileURLWithPath: recipe), releaseDirectory: out.map { URL(fileURLWithPath: $0) })
        } catch {
            throw Console.fail(error.description)
        }
        if json, !slurm.wait {
            Console.out(try Console.json(submission))
            return
        }
        if !json {
            for step in submission.cached { Console.out("\(step): cached\n") }
            for job in submission.jobs { Console.out("\(job.step): job \(job.jobID) (script \(job.script))\n") }
            if !submission.notAvailable.isEmpty {
                Console.note("not available in this glassbox yet: \(submission.notAvailable.joined(separator: ", "))")
            }
            Console.out("submitted \(submission.jobs.count) jobs; `glassbox status \(recipe)` shows them\n")
        }
        guard slurm.wait else { return }
        do {
            try SlurmBuild.wait(for: submission, report: { changed in
                for status in changed { Console.note(status.line) }
            }, progress: { status, line in
                Console.note("\(status.step) (job \(status.jobID ?? "?")): \(line)")
            })
            let lock = try RecipeLock.read(from: URL(fileURLWithPath: submission.release).appendingPathComponent("recipe.lock.json"))
            if json {
                Console.out(String(decoding: try lock.canonicalJSON(), as: UTF8.self))
            } else {
                Console.out("release \(submission.release): written by job \(submission.jobs.last?.jobID ?? "?")\n")
            }
        } catch {
            throw Console.fail(error.description)
        }
    }
}
