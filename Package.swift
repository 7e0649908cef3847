// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BreastAI",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "breastai-compile", targets: ["breastai-compile"]),
        .executable(name: "breastai-run", targets: ["breastai-run"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The IR, the models, autodiff and the reference interpreter. No files, no threads, no C.
        .target(name: "Graph"),
        // Graph passes, the memory plan, C emission and the C build.
        .target(name: "Codegen", dependencies: ["Graph"]),
        // PNG and JPEG through libpng and libjpeg, in C because both report errors with longjmp.
        .target(name: "CImageCodecs", linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg")]),
        // Everything that touches files and data: safetensors, loading and running compiled programs,
        // benchmarks, images, the training configuration, schedule, sampler, split and metrics.
        .target(name: "Runtime", dependencies: ["Graph", "CImageCodecs"]),
        .executableTarget(name: "breastai-compile", dependencies: [
            "Graph", "Codegen", "Runtime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "breastai-run", dependencies: [
            "Graph", "Runtime", "Codegen",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixtures live in Tests/Fixtures and are found through #filePath (no bundle needed).
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Runtime"]),
        .testTarget(name: "CodegenTests", dependencies: ["Codegen", "Graph", "Runtime"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Graph"]),
    ]
)
