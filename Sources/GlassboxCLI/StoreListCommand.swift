import ArgumentParser
import ContentStore

/// `glassbox store ls`: every object with its size.
struct StoreListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the objects in the store: '<digest>  <size in bytes>', sorted by digest.",
        discussion: "A summary (count, total size, store path) goes to stderr. Exit status: 0, or 1 if the store cannot be read.")

    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = options.store
        let objects: [StoredObject]
        do { objects = try store.list() } catch { throw HashConsole.fail(error.description) }
        if options.json {
            HashConsole.out(try HashConsole.json(objects))
            return
        }
        HashConsole.out(objects.map { "\($0.digest)  \($0.size)\n" }.joined())
        let total = objects.reduce(Int64(0)) { $0 + $1.size }
        HashConsole.note("\(objects.count) objects, \(HashConsole.bytes(total)) in \(store.root)")
    }
}
