import Testing
import Training

/// How data-parallel ranks split an update's micro-batches: contiguous blocks in index order that
/// cover every micro-batch exactly once, whatever the world size.
@Suite struct MicroBatchPartitionTests {
    @Test func contiguousBlocksCoverEveryMicroBatchOnceInOrder() {
        for total in 1...12 {
            for ranks in 1...9 {
                let partition = MicroBatchPartition(total: total, ranks: ranks)
                let blocks = (0..<ranks).map { partition.range(of: $0) }
                #expect(blocks.flatMap { Array($0) } == Array(0..<total), "\(total) over \(ranks)")
                #expect(blocks.map(\.count).max()! - blocks.map(\.count).min()! <= 1)
            }
        }
        let six = MicroBatchPartition(total: 6, ranks: 4)
        #expect((0..<4).map { six.range(of: $0) } == [0..<2, 2..<4, 4..<5, 5..<6])
        let idle = MicroBatchPartition(total: 2, ranks: 4)
        #expect((0..<4).map { idle.range(of: $0).count } == [1, 1, 0, 0])
    }
}
