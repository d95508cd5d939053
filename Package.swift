// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "briefing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        // For the fuzz targets in Fuzz/ (public stages only).
        .library(name: "BriefingCoreForFuzzing", targets: ["BriefingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(name: "BriefingModel"),
        .target(
            name: "BriefingCore",
            dependencies: [
                "BriefingModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .target(name: "BriefingPDF", dependencies: ["BriefingModel", "CPangoCairo"]),
        // glibc's <malloc.h> (header only: mallopt is in libc).
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingModel", "BriefingCore", "BriefingPDF", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BriefingCoreTests", dependencies: ["BriefingCore", "BriefingModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "BriefingPDFTests", dependencies: ["BriefingPDF", "BriefingModel"]),
        .testTarget(name: "BriefingCLITests", dependencies: ["BriefingModel"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
