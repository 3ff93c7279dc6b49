/// The processes of one data-parallel training run (`glassbox train --distributed mpi`, or the train
/// step launched by `srun --mpi=pmix`). Every rank holds the whole model; ranks split each update's
/// micro-batches (`MicroBatchPartition`) and hand the running gradient sum from rank to rank, so the
/// sum is formed in micro-batch order whatever the world size (`TrainingSession.step(group:fill:)`).
///
/// Calls are collective where MPI's are: every rank must make the same broadcasts and barriers in the
/// same order. A rank that fails must call `abort`, or the others wait for it forever.
public protocol ProcessGroup: AnyObject, Sendable {
    /// This process's rank, 0..<size.
    var rank: Int { get }
    /// Number of processes.
    var size: Int { get }
    /// Sends `count` floats to `rank` (blocks until the buffer may be reused).
    func send(_ values: UnsafePointer<Float>, count: Int, to rank: Int) throws(TrainingError)
    /// Receives `count` floats from `rank`.
    func receive(into values: UnsafeMutablePointer<Float>, count: Int, from rank: Int) throws(TrainingError)
    /// Overwrites `values` on every rank with root's.
    func broadcast(_ values: UnsafeMutablePointer<Float>, count: Int, from root: Int) throws(TrainingError)
    /// Root's `value` on every rank.
    func broadcast(_ value: Int, from root: Int) throws(TrainingError) -> Int
    /// Every rank's `values` (any length per rank), concatenated in rank order, on every rank.
    func allGather(_ values: [Double]) throws(TrainingError) -> [Double]
    /// Waits until every rank has called it.
    func barrier() throws(TrainingError)
    /// Ends every process of the group with `code` (after an error on one rank).
    func abort(code: Int32) -> Never
    /// Leaves the group (MPI_Finalize); call once, on every rank, after the last collective call.
    func finalize()
}
