// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Recall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recall", targets: ["recall"]),
        .library(name: "RecallKit", targets: ["RecallKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The engine: decks, scheduling, storage, sessions. No terminal I/O.
        .target(
            name: "RecallKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The deck files of Decks/, compiled into the binary by the EmbedDecks plugin.
        .target(
            name: "BundledDecks",
            plugins: ["EmbedDecks"]
        ),
        .executableTarget(name: "DeckEmbedder"),
        .plugin(
            name: "EmbedDecks",
            capability: .buildTool(),
            dependencies: ["DeckEmbedder"]
        ),
        // The command line: one file per subcommand, over a scriptable console.
        .target(
            name: "RecallCLI",
            dependencies: [
                "RecallKit",
                "BundledDecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "recall", dependencies: ["RecallCLI"]),
        // Scripts/bench.sh's in-process timings (not shipped).
        .executableTarget(name: "recall-bench", dependencies: ["RecallKit"], path: "Sources/RecallBench"),
        .testTarget(name: "RecallKitTests", dependencies: ["RecallKit"]),
        .testTarget(
            name: "RecallCLITests",
            dependencies: [
                "RecallCLI", "RecallKit", "BundledDecks",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
