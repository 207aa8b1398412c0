// swift-tools-version: 6.0
// An external processor for assess, in its own package: `swift build -c release` here,
// then put .build/release/assess-processor-readability in a course's plugins/ folder or
// on PATH. It depends on Foundation only.
import PackageDescription

let package = Package(
    name: "swift-readability",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "assess-processor-readability", targets: ["assess-processor-readability"])],
    targets: [.executableTarget(name: "assess-processor-readability")],
    swiftLanguageModes: [.v6]
)
