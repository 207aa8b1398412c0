// swift-tools-version: 6.0
// libFuzzer targets for assess's readers. Kept out of the main package so that a plain
// `swift build` never needs `-sanitize=fuzzer`; built and run by Benchmarks/fuzz.sh.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let assess = root.lastPathComponent

let package = Package(
    name: "assess-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzZip", dependencies: ["FuzzSupport", .product(name: "AssessDocuments", package: assess)]),
        .executableTarget(name: "FuzzDocument", dependencies: ["FuzzSupport", .product(name: "AssessDocuments", package: assess)]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "AssessCore", package: assess)]),
        .executableTarget(name: "FuzzQuizKey", dependencies: ["FuzzSupport", .product(name: "AssessDocuments", package: assess)]),
    ]
)
