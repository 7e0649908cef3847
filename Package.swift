// swift-tools-version:6.0
import PackageDescription

// Modules by concern, each depending only downward (README "Architecture" has the table):
//   compiler:      Graph, Formats (hashes) <- Codegen
//   second backend: Graph, Formats <- ONNX
//   runtime side:  Formats <- Runtime (+Graph), Data (+Graph) <- Evaluation <- Training
//                                                             Evaluation, Data <- Reports
//   CLIs on top. The runtime-side targets live in sub-folders of Sources/Runtime through `path:`;
//   Training knows no chart (Reports is above it, beside it), Evaluation knows no trainer.
let package = Package(
    name: "BreastAI",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "breastai-compile", targets: ["breastai-compile"]),
        .executable(name: "breastai-run", targets: ["breastai-run"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // The IR, the models, autodiff and the reference interpreter. No files, no threads, no C.
        .target(name: "Graph"),
        // Graph passes, the memory plan, C emission and the C build.
        .target(name: "Codegen", dependencies: ["Graph", "Formats"]),
        // The second backend: the eval graph lowered to ONNX (protobuf messages from Formats).
        .target(name: "ONNX", dependencies: ["Graph", "Formats"], path: "Sources/ONNX"),
        // PNG and JPEG through libpng and libjpeg, in C because both report errors with longjmp.
        .target(name: "CImageCodecs", linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg"), .linkedLibrary("tiff")]),
        // DICOM through DCMTK (C++ behind a C header): decoders for JPEG, JPEG-LS and RLE, color rendering.
        .target(name: "CDicom", linkerSettings: [
            .linkedLibrary("dcmimage"), .linkedLibrary("dcmimgle"), .linkedLibrary("dcmjpeg"), .linkedLibrary("dcmjpls"),
            .linkedLibrary("dcmdata"), .linkedLibrary("oflog"), .linkedLibrary("ofstd"), .linkedLibrary("stdc++"),
        ]),
        // File formats: safetensors, JSON, protobuf, atomic files, SHA-256, torch .pth; the
        // runtime side's error enum. Knows no model.
        .target(name: "Formats", path: "Sources/Runtime/Formats"),
        // Loading a compiled artifact, the arena and state blocks, BLAS core type, weights,
        // initialisers, the stepper, benchmarks.
        .target(name: "Runtime", dependencies: ["Graph", "Formats"], path: "Sources/Runtime/Runtime"),
        // Images and datasets: codecs (PNG, JPEG, TIFF, DICOM) and windowing, preprocessing, the cache, splits, the loader, augmentation, phantoms.
        .target(name: "Data", dependencies: ["Graph", "Formats", "CImageCodecs", "CDicom"], path: "Sources/Runtime/Data"),
        // Metrics, the decision rule, bootstrap, TTA, temperature scaling, the evaluator. No trainer, no charts.
        .target(name: "Evaluation", dependencies: ["Graph", "Formats", "Runtime", "Data"], path: "Sources/Runtime/Evaluation"),
        // The configuration schema, the trainer, schedule, sampler, run identity, checkpoints, logs. No charts.
        .target(name: "Training", dependencies: ["Graph", "Formats", "Runtime", "Data", "Evaluation"],
                path: "Sources/Runtime/Training"),
        // Evaluation reports: Markdown, JSON and PNG charts of an evaluated model. No trainer.
        .target(name: "Reports", dependencies: ["Formats", "Data", "Evaluation"], path: "Sources/Runtime/Reports"),
        // `breastai-run serve`: the web page and its JSON API over a workspace; trainings, evals,
        // exports and predictions run as child processes and are read back from their files.
        .target(name: "Server", dependencies: [
            "Graph", "Formats", "Data", "Training",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], path: "Sources/Server", resources: [.copy("Web")]),
        .executableTarget(name: "breastai-compile", dependencies: [
            "Graph", "Codegen",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "breastai-run", dependencies: [
            "Graph", "Codegen", "ONNX", "Formats", "Runtime", "Data", "Evaluation", "Training", "Reports", "Server",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixtures live in Tests/Fixtures and are found through #filePath (no bundle needed).
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Formats"]),
        .testTarget(name: "CodegenTests", dependencies: ["Codegen", "Graph", "Formats", "Runtime", "Data", "Training"]),
        .testTarget(name: "ONNXTests", dependencies: ["ONNX", "Graph", "Formats", "Runtime", "Codegen"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Graph", "Runtime"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Graph", "Formats", "Codegen"]),
        .testTarget(name: "DataTests", dependencies: ["Data", "Graph", "Formats"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Reports", "Graph", "Formats", "Data", "Training"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Formats", "Data", "Training",
                                                       .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Evaluation", "Reports", "Graph", "Formats", "Runtime", "Data", "Codegen"]),
    ]
)
