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
        .target(name: "BaseIO"),
        .target(name: "Digests", dependencies: ["BaseIO", "COpenSSL"]),
        .target(name: "ContentStorage", dependencies: ["BaseIO", "Digests"]),
        .target(name: "SafeTensors", dependencies: ["BaseIO"]),
        .target(name: "RecipeFormat", dependencies: ["BaseIO", "Digests", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Fetching", dependencies: ["BaseIO", "Digests", "CCurl", "CGit2"]),
        .target(name: "Preparation", dependencies: ["BaseIO", "Digests"]),
        .target(name: "Tokenization", dependencies: ["BaseIO"]),
        .target(name: "Kernels"),
        .target(name: "Quantization"),
        .target(name: "Transformer", dependencies: ["BaseIO", "Kernels", "SafeTensors"]),
        .target(name: "Training", dependencies: ["BaseIO", "Transformer", "Kernels", "Digests", "CMPI"]),
        .target(name: "Inference", dependencies: ["Transformer", "Tokenization", "Kernels", "Quantization", "GGUF"]),
        .target(name: "Evaluation", dependencies: ["BaseIO", "Inference", "Kernels", "Digests"]),
        .target(name: "GGUF", dependencies: ["BaseIO", "Quantization", "Transformer", "Tokenization"]),
        .target(name: "Verification", dependencies: ["BaseIO", "Digests", "RecipeFormat", "SafeTensors"]),
        .target(name: "Publishing", dependencies: ["BaseIO", "Digests", "Fetching", "Verification"]),
        .target(name: "ReleaseDocs", dependencies: ["BaseIO", "RecipeFormat", "Digests"]),
        .target(name: "Builder", dependencies: [
            "BaseIO", "RecipeFormat", "Digests", "ContentStorage", "Fetching", "Preparation", "Tokenization",
            "Transformer", "Training", "Inference", "Evaluation", "Verification", "Quantization", "GGUF", "ReleaseDocs",
        ]),
        .target(name: "GlassboxCLI", dependencies: [
            "BaseIO", "Builder", "RecipeFormat", "Digests", "ContentStorage", "Fetching", "Preparation",
            "Tokenization", "Kernels", "Transformer", "Training", "Inference", "Evaluation", "Verification",
            "Publishing", "ReleaseDocs",
            "Quantization", "GGUF",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "glassbox", dependencies: ["GlassboxCLI"]),

        // Tests (Swift Testing). Goldens under each target's Fixtures/ come from Tools/ scripts.
        // TestSupport: helpers shared by several test targets (temporary directories, seeded generators).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BaseIOTests", dependencies: ["BaseIO", "TestSupport"]),
        .testTarget(name: "DigestsTests", dependencies: ["Digests", "TestSupport"]),
        .testTarget(name: "ContentStorageTests", dependencies: ["ContentStorage", "Digests", "TestSupport"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RecipeFormatTests", dependencies: ["RecipeFormat", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BuilderTests", dependencies: ["BaseIO", "Builder", "RecipeFormat", "ContentStorage", "Digests", "Verification", "Tokenization", "Training", "GGUF", "TestSupport"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Digests", "TestSupport"]),
        .testTarget(name: "PreparationTests", dependencies: ["Preparation", "Digests", "TestSupport"]),
        .testTarget(name: "TokenizationTests", dependencies: ["BaseIO", "Tokenization", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels", "TestSupport"]),
        .testTarget(name: "QuantizationTests", dependencies: ["Quantization"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "Quantization", "SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TransformerTests", dependencies: ["BaseIO", "Transformer", "Kernels", "SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrainingTests", dependencies: ["BaseIO", "Training", "Kernels", "Transformer", "Digests", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "Transformer", "Kernels", "Evaluation", "TestSupport", "GGUF", "Quantization"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "Digests", "RecipeFormat", "SafeTensors", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Fetching", "Digests", "Verification", "TestSupport"]),
        .testTarget(name: "ReleaseDocsTests", dependencies: ["ReleaseDocs", "RecipeFormat", "Fetching", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GlassboxCLITests", dependencies: ["GlassboxCLI", "TestSupport"]),
    ]
)
