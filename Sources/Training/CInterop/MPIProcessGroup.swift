internal import CMPI
import Foundation

/// The MPI world as a `ProcessGroup` (Open MPI 4.1 through `CMPI`). `MPI_Init_thread` asks for
/// `MPI_THREAD_FUNNELED`: only the thread that trains calls MPI, the kernel threads never do.
/// Without a launcher (`mpirun`, `srun --mpi=pmix`) MPI starts a world of one.
public final class MPIProcessGroup: ProcessGroup, @unchecked Sendable {
    /// This process's rank.
    public let rank: Int
    /// Number of processes.
    public let size: Int
    /// Largest count handed to one MPI call (MPI counts are 32-bit).
    static let chunk = 1 << 28

    private init(rank: Int, size: Int) {
        self.rank = rank
        self.size = size
    }

    /// Initialises MPI (once per process) and returns the world.
    public static func initialize() throws(TrainingError) -> MPIProcessGroup {
        var initialized: Int32 = 0
        try check(MPI_Initialized(&initialized), "MPI_Initialized")
        if initialized == 0 {
            var provided: Int32 = 0
            try check(MPI_Init_thread(nil, nil, cmpi_thread_funneled(), &provided), "MPI_Init_thread")
        }
        var rank: Int32 = 0, size: Int32 = 0
        try check(MPI_Comm_rank(cmpi_comm_world(), &rank), "MPI_Comm_rank")
        try check(MPI_Comm_size(cmpi_comm_world(), &size), "MPI_Comm_size")
        return MPIProcessGroup(rank: Int(rank), size: Int(size))
    }

    public func send(_ values: UnsafePointer<Float>, count: Int, to rank: Int) throws(TrainingError) {
        var offset = 0
        while offset < count {
            let n = min(Self.chunk, count - offset)
            try Self.check(MPI_Send(values + offset, Int32(n), cmpi_float(), Int32(rank), 0, cmpi_comm_world()), "MPI_Send to rank \(rank)")
            offset += n
        }
    }

    public func receive(into values: UnsafeMutablePointer<Float>, count: Int, from rank: Int) throws(TrainingError) {
        var offset = 0
        while offset < count {
            let n = min(Self.chunk, count - offset)
            try Self.check(MPI_Recv(values + offset, Int32(n), cmpi_float(), Int32(rank), 0, cmpi_comm_world(), cmpi_status_ignore()),
                           "MPI_Recv from rank \(rank)")
            offset += n
        }
    }

    public func broadcast(_ values: UnsafeMutablePointer<Float>, count: Int, from root: Int) throws(TrainingError) {
        var offset = 0
        while offset < count {
            let n = min(Self.chunk, count - offset)
            try Self.check(MPI_Bcast(values + offset, Int32(n), cmpi_float(), Int32(root), cmpi_comm_world()), "MPI_Bcast")
            offset += n
        }
    }

    public func broadcast(_ value: Int, from root: Int) throws(TrainingError) -> Int {
        var wide = Int64(value)
        try Self.check(MPI_Bcast(&wide, 1, cmpi_long_long(), Int32(root), cmpi_comm_world()), "MPI_Bcast")
        return Int(wide)
    }

    public func allGather(_ values: [Double]) throws(TrainingError) -> [Double] {
        var mine = Int32(values.count)
        var counts = [Int32](repeating: 0, count: size)
        try Self.check(MPI_Allgather(&mine, 1, cmpi_int(), &counts, 1, cmpi_int(), cmpi_comm_world()), "MPI_Allgather")
        var displacements = [Int32](repeating: 0, count: size)
        for r in 1..<max(1, size) { displacements[r] = displacements[r - 1] + counts[r - 1] }
        var all = [Double](repeating: 0, count: Int(counts.reduce(0, +)))
        var send = values
        try Self.check(MPI_Allgatherv(&send, mine, cmpi_double(), &all, counts, displacements, cmpi_double(), cmpi_comm_world()),
                       "MPI_Allgatherv")
        return all
    }

    public func barrier() throws(TrainingError) {
        try Self.check(MPI_Barrier(cmpi_comm_world()), "MPI_Barrier")
    }

    public func abort(code: Int32) -> Never {
        MPI_Abort(cmpi_comm_world(), code)
        exit(code)
    }

    public func finalize() {
        var finalized: Int32 = 0
        MPI_Finalized(&finalized)
        if finalized == 0 { MPI_Finalize() }
    }

    /// Maps an MPI return code to a `TrainingError` naming the call.
    static func check(_ code: Int32, _ call: String) throws(TrainingError) {
        guard code != cmpi_success() else { return }
        var text = [CChar](repeating: 0, count: Int(cmpi_max_error_string()) + 1)
        var length: Int32 = 0
        MPI_Error_string(code, &text, &length)
        throw .distributed("\(call) failed: \(String(cString: text)) (MPI error \(code)); check the launcher (mpirun / srun --mpi=pmix) and the ranks' logs")
    }
}
