// swift-tools-version: 6.0
import PackageDescription

/// Library targets: Swift 6 mode plus the upcoming features that keep APIs honest.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "assess",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "assess", targets: ["assess"]),
        .library(name: "AssessCore", targets: ["AssessCore"]),
        .library(name: "AssessDocuments", targets: ["AssessDocuments"]),
        .library(name: "AssessProcessors", targets: ["AssessProcessors"]),
        .library(name: "AssessFeedback", targets: ["AssessFeedback"]),
        .library(name: "AssessLedger", targets: ["AssessLedger"]),
        .plugin(name: "ValidateAssessments", targets: ["ValidateAssessments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]),
        .target(
            name: "AssessDocuments", dependencies: ["CLibXML2", "CLibZip", "CPoppler"],
            swiftSettings: strict),
        .target(
            name: "AssessCore",
            dependencies: ["AssessDocuments", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .target(name: "AssessProcessors", dependencies: ["AssessCore", "AssessDocuments"], swiftSettings: strict),
        .target(name: "AssessFeedback", dependencies: ["AssessCore", "AssessDocuments"], swiftSettings: strict),
        // The ledger sits beside the writers, on the core's model only: SQLite stays
        // inside it, and a future server can swap it without touching the model.
        .target(name: "AssessLedger", dependencies: ["AssessCore", "CSQLite"], swiftSettings: strict),
        .executableTarget(
            name: "assess",
            dependencies: [
                "AssessCore", "AssessProcessors", "AssessFeedback", "AssessDocuments", "AssessLedger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "AssessTestSupport", dependencies: ["AssessDocuments", "AssessCore"],
            path: "Tests/AssessTestSupport", swiftSettings: strict),
        .testTarget(name: "AssessDocumentsTests", dependencies: ["AssessDocuments", "AssessTestSupport"]),
        .testTarget(name: "AssessCoreTests", dependencies: ["AssessCore", "AssessTestSupport"]),
        .testTarget(
            name: "AssessProcessorsTests",
            dependencies: ["AssessProcessors", "AssessCore", "AssessDocuments", "AssessTestSupport"]),
        .testTarget(
            name: "AssessFeedbackTests", dependencies: ["AssessFeedback", "AssessCore", "AssessTestSupport"]),
        .testTarget(
            name: "AssessEndToEndTests",
            dependencies: ["AssessCore", "AssessProcessors", "AssessFeedback", "AssessDocuments", "AssessLedger", "AssessTestSupport", "assess"]),
        .testTarget(name: "AssessLedgerTests", dependencies: ["AssessLedger", "AssessCore", "AssessTestSupport"]),
        // Command plugins run the built tool; they do not depend on it (see STACK.md).
        .plugin(
            name: "ValidateAssessments",
            capability: .command(intent: .custom(verb: "validate-assessments", description: "Check every course, assessment and rubric configuration in the package; errors as file:line:column.")),
            path: "Plugins/ValidateAssessments"),
        .plugin(
            name: "NewProcessor",
            capability: .command(
                intent: .custom(verb: "new-processor", description: "Scaffold a built-in processor, its test and its registration."),
                permissions: [.writeToPackageDirectory(reason: "It writes the new processor's source and test files and registers it.")]),
            path: "Plugins/NewProcessor"),
    ],
    swiftLanguageModes: [.v6]
)
