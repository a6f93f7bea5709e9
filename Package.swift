// swift-tools-version: 6.0
import PackageDescription

// Targets under Plugins/ are ordinary library targets, so each names its `path:`
// explicitly: SwiftPM would otherwise take the Plugins/ folder for package plugins.

let package = Package(
  name: "Quarry",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "quarry", targets: ["quarry"]),
    .executable(name: "quarry-readability", targets: ["quarry-readability"]),
    .library(name: "QuarryCore", targets: ["QuarryCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // MARK: libedit
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "CEditLine",
      dependencies: ["CLibEdit"]
    ),

    // MARK: The language and the plugin API
    .target(
      name: "QuarryCore",
      swiftSettings: [
        // The interpreter's frames are class storage touched on every variable access;
        // dynamic exclusivity checks on them cost about a tenth of a tight loop's time.
        // Frames are confined to the session's thread, so the checks can never fire.
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
      ]
    ),
    .testTarget(name: "QuarryCoreTests", dependencies: ["QuarryCore"]),

    // MARK: News and graph model shared by the plugins
    .target(name: "QuarryModel", dependencies: ["QuarryCore"]),
    .testTarget(name: "QuarryModelTests", dependencies: ["QuarryModel"]),

    // MARK: Web pages: parsing, the article's text and the page's metadata
    .target(name: "QuarryHTML", dependencies: ["QuarryCore"]),
    .testTarget(name: "QuarryHTMLTests", dependencies: ["QuarryHTML"]),

    // MARK: Out-of-tree plugins: the stdio protocol's host side, and a kit to serve it
    .target(name: "QuarryPluginHost", dependencies: ["QuarryCore"]),
    .target(name: "QuarryPluginKit", dependencies: ["QuarryCore"]),

    // MARK: The interactive shell
    .target(name: "QuarryShell", dependencies: ["QuarryCore", "CEditLine", "CLibEdit"]),
    .testTarget(name: "QuarryShellTests", dependencies: ["QuarryShell"]),

    // MARK: Built-in plugins
    // The tagger's model and the gazetteers, compiled into the binary (C23 #embed).
    .target(
      name: "QuarryExtractorResources",
      path: "Plugins/Extractor/Resources"
    ),
    .target(
      name: "QuarryExtractor",
      dependencies: ["QuarryCore", "QuarryModel", "QuarryHTML", "QuarryExtractorResources"],
      path: "Plugins/Extractor",
      exclude: ["Resources"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    .testTarget(
      name: "QuarryExtractorTests",
      dependencies: ["QuarryExtractor"]
    ),
    .target(
      name: "QuarryGraph",
      dependencies: ["QuarryCore", "QuarryModel"],
      path: "Plugins/Graph",
      // The analytics' scratch arrays live in objects that one worker thread owns; the
      // dynamic exclusivity checks on every element access cost a third of a search.
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    .testTarget(
      name: "QuarryGraphTests",
      dependencies: ["QuarryGraph", "QuarryExtractor"],
      // Expected results written by networkx (Scripts/graph-fixtures), read by path.
      exclude: ["Fixtures"]
    ),
    .target(
      name: "QuarryExport",
      dependencies: ["QuarryCore", "QuarryModel"],
      path: "Plugins/Export"
    ),
    .testTarget(
      name: "QuarryExportTests",
      dependencies: ["QuarryExport", "QuarryGraph", "QuarryExtractor"],
      // The script that reads exports back with networkx, Graphviz and graphglot.
      exclude: ["Readers"]
    ),
    // The in-tree example plugin.
    .target(
      name: "QuarryKeywords",
      dependencies: ["QuarryCore"],
      path: "Plugins/Keywords"
    ),
    // An out-of-tree plugin in Swift: its own executable, speaking the plugin protocol.
    .executableTarget(
      name: "quarry-readability",
      dependencies: ["QuarryCore", "QuarryPluginKit"],
      path: "Plugins/Examples/Readability"
    ),

    // MARK: The executable
    .executableTarget(
      name: "quarry",
      dependencies: [
        "QuarryCore", "QuarryShell", "QuarryPluginHost", "QuarryExtractor", "QuarryGraph", "QuarryExport",
        "QuarryKeywords",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["QuarryCore"],
      exclude: ["Golden"]
    ),
  ]
)
