import Testing

/// Runs `body`; when something it needs cannot be installed, cancels the test with the reason
/// (reported as skipped), rather than failing on a machine that cannot get the package.
func requiring<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let missing as DependencyMissing {
        try Test.cancel("skipped: cannot install \(missing)")
    }
}
