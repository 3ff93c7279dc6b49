/// How `glassbox build --executor slurm` asks Slurm for resources. Partition, account, time and the
/// extra `sbatch` arguments apply to every job; nodes and tasks per node to the train job only (the
/// other steps are one task each); every task gets `cpusPerTask` CPUs and as many glassbox threads.
public struct SlurmOptions: Sendable, Codable, Equatable {
    /// `--partition` (nil: the cluster's default).
    public var partition: String?
    /// `--account` (nil: the user's default).
    public var account: String?
    /// `--time` limit per job, in Slurm's format (`HH:MM:SS`, `D-HH`; nil: the partition's default).
    public var time: String?
    /// Nodes of the train job.
    public var nodes: Int
    /// MPI ranks per node of the train job; more than one rank in all runs it as `srun --mpi=pmix`.
    public var tasksPerNode: Int
    /// CPUs per task (`--cpus-per-task`), also the glassbox `--threads` of each task.
    public var cpusPerTask: Int
    /// More `sbatch` arguments for every job (`--qos=normal`, `--constraint=…`), written as `#SBATCH` lines.
    public var extraArguments: [String]
    /// The glassbox binary every job runs (absolute; it must be visible on every node).
    public var glassbox: String

    /// Options with one task of one CPU per job.
    public init(glassbox: String, partition: String? = nil, account: String? = nil, time: String? = nil, nodes: Int = 1,
                tasksPerNode: Int = 1, cpusPerTask: Int = 1, extraArguments: [String] = []) {
        self.glassbox = glassbox
        self.partition = partition
        self.account = account
        self.time = time
        self.nodes = max(1, nodes)
        self.tasksPerNode = max(1, tasksPerNode)
        self.cpusPerTask = max(1, cpusPerTask)
        self.extraArguments = extraArguments
    }

    /// Ranks of the train job.
    public var trainRanks: Int { nodes * tasksPerNode }

    enum CodingKeys: String, CodingKey {
        case partition, account, time, nodes, glassbox
        case tasksPerNode = "ntasks_per_node"
        case cpusPerTask = "cpus_per_task"
        case extraArguments = "sbatch_args"
    }
}
