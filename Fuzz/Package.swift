// swift-tools-version: 6.0
// Fuzz targets (libFuzzer with AddressSanitizer), kept out of the main package so that normal
// builds are not instrumented. Built and run by `make fuzz`.
import PackageDescription

let package = Package(
    name: "BriefingFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "BriefingFuzz",
            dependencies: [
                .product(name: "BriefingCoreForFuzzing", package: "main"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
