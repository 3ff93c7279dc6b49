// swift-tools-version:6.0
// Glassbox — a reproducible open-science release manager for open language models.
// Module map and dependency rules: Docs/architecture.md (dependencies point downward only; each C
// library is imported by exactly one module, with `internal import`, from its CInterop/ folder).
import PackageDescription

let package = Package(
    name: "Glassbox",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "glassbox", targets: ["glassbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // Open MPI 4.1 (Debian libopenmpi-dev, a build dependency from `make deps`): data-parallel
        // training; only Training imports it (Training/CInterop), and only `--distributed mpi` calls MPI_Init.
        .systemLibrary(name: "CMPI", pkgConfig: "ompi-c", providers: [.apt(["libopenmpi-dev"])]),

        // Libraries, lowest first.
        .target(name: "Digests", dependencies: ["COpenSSL"]),
        .target(name: "ContentStore", dependencies: ["Digests"]),
        .target(name: "SafeTensors"),
        .target(name: "RecipeFormat", dependencies: ["Digests", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Fetching", dependencies: ["Digests", "CCurl", "CGit2"]),
        .target(name: "Preparation", dependencies: ["Digests"]),
        .target(name: "Tokenization"),
        .target(name: "Kernels"),
        .target(name: "Quantization"),
        .target(name: "Transformer", dependencies: ["Kernels", "SafeTensors"]),
        .target(name: "Training", dependencies: ["Transformer", "Kernels", "Digests", "CMPI"]),
        .target(name: "Inference", dependencies: ["Transformer", "Tokenization", "Kernels"]),
        .target(name: "Evaluation", dependencies: ["Inference", "Kernels", "Digests"]),
        .target(name: "GGUF", dependencies: ["Quantization", "Transformer", "Tokenization"]),
        .target(name: "Verification", dependencies: ["Digests", "SafeTensors"]),
        .target(name: "Publishing", dependencies: ["Digests", "Fetching", "Verification"]),
        .target(name: "ReleaseDocs", dependencies: ["RecipeFormat", "Digests"]),
        .target(name: "Builder", dependencies: [
            "RecipeFormat", "Digests", "ContentStore", "Fetching", "Preparation", "Tokenization",
            "Transformer", "Training", "Inference", "Evaluation", "Verification", "Quantization", "GGUF", "ReleaseDocs",
        ]),
        .target(name: "GlassboxCLI", dependencies: [
            "Builder", "RecipeFormat", "Digests", "ContentStore", "Fetching", "Preparation",
            "Tokenization", "Kernels", "Transformer", "Training", "Inference", "Evaluation", "Verification",
            "Publishing", "ReleaseDocs",
            "Quantization", "GGUF",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "glassbox", dependencies: ["GlassboxCLI"]),

        // Tests (Swift Testing). Goldens under each target's Fixtures/ come from Tools/ scripts.
        // TestSupport: helpers shared by several test targets (temporary directories, seeded generators).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DigestsTests", dependencies: ["Digests", "TestSupport"]),
        .testTarget(name: "ContentStoreTests", dependencies: ["ContentStore", "Digests", "TestSupport"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RecipeFormatTests", dependencies: ["RecipeFormat", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BuilderTests", dependencies: ["Builder", "RecipeFormat", "ContentStore", "Digests", "Verification", "Tokenization", "Training", "GGUF"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Digests", "TestSupport"]),
        .testTarget(name: "PreparationTests", dependencies: ["Preparation", "Digests"]),
        .testTarget(name: "TokenizationTests", dependencies: ["Tokenization", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels"]),
        .testTarget(name: "QuantizationTests", dependencies: ["Quantization"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "Quantization", "SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TransformerTests", dependencies: ["Transformer", "Kernels", "SafeTensors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Kernels", "Transformer", "Digests"], resources: [.copy("Fixtures")]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "Transformer", "Kernels", "Evaluation", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "Digests", "SafeTensors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Fetching", "Digests", "Verification", "TestSupport"]),
        .testTarget(name: "ReleaseDocsTests", dependencies: ["ReleaseDocs", "RecipeFormat", "Fetching", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GlassboxCLITests", dependencies: ["GlassboxCLI", "TestSupport"]),
    ]
)
