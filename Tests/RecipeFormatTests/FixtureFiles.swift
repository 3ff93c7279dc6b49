import Foundation

/// Locates the committed fixtures of this test target.
enum FixtureFiles {
    /// The Fixtures folder inside the test bundle.
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "Fixtures")
    }

    /// The Fixtures folder in the source tree (for regenerating goldens with RECIPE_UPDATE_GOLDENS=1).
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The bytes of `Fixtures/<name>`.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
