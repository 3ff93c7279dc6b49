import ArgumentParser
import Builder
import ContentStorage

/// `glassbox store ls`: every object with its size.
struct StoreListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the objects in the store: '<digest>  <size in bytes>', sorted by digest.",
        discussion: """
            A summary goes to stderr: the objects' count and size, then the builder's own files under \
            builder/ (step records, materialised outputs, scratch checkpoints of interrupted builds, work \
            folders and locks) and the total of both. Exit status: 0, or 1 if the store cannot be read.
            """)

    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = options.store
        let objects: [StoredObject]
        do { objects = try store.list() } catch { throw Console.fail(error.description) }
        if options.json {
            Console.out(try Console.json(objects))
            return
        }
        Console.out(objects.map { "\($0.digest)  \($0.size)\n" }.joined())
        let total = objects.reduce(Int64(0)) { $0 + $1.size }
        let builder = BuilderStorage(storeRoot: store.root).usage()
        let builderBytes = builder.reduce(Int64(0)) { $0 + $1.bytes }
        Console.note("\(objects.count) objects, \(Console.bytes(total)); builder/ \(Console.bytes(builderBytes)) ("
            + builder.map { "\($0.name) \($0.entries): \(Console.bytes($0.bytes))" }.joined(separator: ", ")
            + "); total \(Console.bytes(total + builderBytes)) in \(store.root)")
    }
}
