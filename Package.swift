// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Coda",
    products: [
        .executable(name: "coda", targets: ["coda"]),
        .library(name: "CodaKit", targets: ["CodaKit"]),
    ],
    targets: [
        .target(name: "CodaKit"),
        .executableTarget(name: "coda", dependencies: ["CodaKit"]),
        .executableTarget(name: "coda-bench", dependencies: ["CodaKit"]),
        .testTarget(
            name: "CodaKitTests",
            dependencies: ["CodaKit"],
            exclude: ["Fixtures"]
        ),
    ]
)
