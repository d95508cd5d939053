// swift-tools-version: 6.0
// Fuzz targets (libFuzzer with AddressSanitizer), kept out of the main package so that normal
// builds are not instrumented. Built and run by `make fuzz`.
import Foundation
import PackageDescription

// The main package's identity is the name of its folder (main, a clone's name…).
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "BriefingFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "BriefingFuzz",
            dependencies: [
                .product(name: "BriefingCoreForFuzzing", package: parent),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
