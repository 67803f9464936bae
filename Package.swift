// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dropviz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dropviz", targets: ["dropviz"]),
        .library(name: "DropoutCore", targets: ["DropoutCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // Wide-character ncurses (Debian: libncurses-dev); see ../shared/DESIGN.md.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // Flush-to-zero for the training step (FloatMode.swift).
        .target(name: "CFloatMode"),
        // The small-matrix product (DropoutCore/SmallGemm.swift).
        .target(name: "CSmallGemm"),
        // -Ounchecked: measured faster than -O (tiny 1.66x, digits 1.24x) and than -O with exclusivity
        // unchecked (tiny 1.19x, digits 1.16x), interleaved runs (README, Performance, build flags).
        .target(
            name: "DropoutCore",
            dependencies: ["CBLAS", "CFloatMode", "CSmallGemm"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        // A small ratatui-like toolkit: cells, buffers, widgets. Knows nothing of dropout or ncurses.
        .target(name: "TermUI"),
        // The visualizer: pure state + update + view into a TermUI buffer.
        .target(name: "DropvizUI", dependencies: ["DropoutCore", "TermUI"]),
        // The only code that touches ncurses.
        .target(name: "TerminalBackend", dependencies: ["CNCurses", "TermUI"]),
        .executableTarget(
            name: "dropviz",
            dependencies: [
                "DropoutCore", "DropvizUI", "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DropoutCoreTests", dependencies: ["DropoutCore"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI"]),
        // Golden/: the golden screens, text files the tests read (GoldenScreen.swift).
        .testTarget(name: "DropvizUITests", dependencies: ["DropvizUI", "DropoutCore", "TermUI"], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: ["dropviz", "DropvizUI", "DropoutCore", "TermUI"]),
    ],
    swiftLanguageModes: [.v6]
)
