// swift-tools-version:6.0
// Intrinsic: a terminal workbench for the geometry of high-dimensional data.
//
// Layers, each depending only on those above it:
//   COpenBLAS, CNcursesw  system libraries (Debian: libopenblas-dev, libncurses-dev)
//   IntrinsicCore         data sets, linear algebra, neighbours, methods; no UI code
//   IntrinsicPlot         text-mode plots on a grid of cells; no ncurses, no core types
//   IntrinsicApp          command line, batch runs, sessions, result-to-plot mapping
//   IntrinsicTUI          ncurses panes, keys and the event loop
//   intrinsic             the executable
import PackageDescription

let package = Package(
    name: "Intrinsic",
    products: [
        .executable(name: "intrinsic", targets: ["intrinsic"]),
        .library(name: "IntrinsicCore", targets: ["IntrinsicCore"]),
        .library(name: "IntrinsicPlot", targets: ["IntrinsicPlot"]),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        // No pkgConfig: SwiftPM drops the -D flags of ncursesw.pc and warns, so the
        // shim defines NCURSES_WIDECHAR itself.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "IntrinsicCore", dependencies: ["COpenBLAS"],
            linkerSettings: [.linkedLibrary("m")]),
        .target(name: "IntrinsicPlot"),
        .target(name: "IntrinsicApp", dependencies: ["IntrinsicCore", "IntrinsicPlot"]),
        .target(name: "IntrinsicTUI", dependencies: ["IntrinsicApp", "CNcursesw"]),
        .executableTarget(name: "intrinsic", dependencies: ["IntrinsicApp", "IntrinsicTUI"]),
        .testTarget(
            name: "IntrinsicCoreTests", dependencies: ["IntrinsicCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "IntrinsicPlotTests", dependencies: ["IntrinsicPlot"], exclude: ["Snapshots"]),
        .testTarget(name: "IntrinsicAppTests", dependencies: ["IntrinsicApp"]),
        .testTarget(name: "IntrinsicTUITests", dependencies: ["IntrinsicTUI", "intrinsic"]),
    ]
)
