// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Bulkhead",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "bulkhead", targets: ["bulkhead"])
  ],
  dependencies: [
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
  ],
  targets: [
    .target(
      name: "BulkheadCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      path: "Sources/Core"
    ),
    .target(
      name: "SSEClient",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      path: "Sources/SSEClient"
    ),
    .target(
      name: "BulkheadClient",
      dependencies: [
        "BulkheadCore",
        "SSEClient",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      path: "Sources/Client"
    ),
    .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
    .systemLibrary(
      name: "CLibPNG", path: "Sources/CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .target(name: "BulkheadCanvas", path: "Sources/Canvas"),
    .target(
      name: "BulkheadTerminal",
      dependencies: ["BulkheadCanvas", "CNCursesW"],
      path: "Sources/Terminal"
    ),
    .target(
      name: "BulkheadTUI",
      dependencies: ["BulkheadCore", "BulkheadCanvas", "SSEClient", "CLibPNG"],
      path: "Sources/TUI"
    ),
    .target(
      name: "BulkheadServer",
      dependencies: [
        "BulkheadCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      path: "Sources/Server"
    ),
    .target(
      name: "BulkheadBench",
      dependencies: [
        "BulkheadCore",
        "BulkheadServer",
        "BulkheadClient",
        "BulkheadCanvas",
        "BulkheadTUI",
        "SSEClient",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/Bench"
    ),
    .executableTarget(
      name: "bulkhead",
      dependencies: [
        "BulkheadCore",
        "BulkheadServer",
        "BulkheadClient",
        "BulkheadBench",
        "BulkheadCanvas",
        "BulkheadTerminal",
        "BulkheadTUI",
        "SSEClient",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/bulkhead"
    ),
    .testTarget(
      name: "CoreTests",
      dependencies: ["BulkheadCore"],
      path: "Tests/CoreTests"
    ),
    .testTarget(
      name: "ClientTests",
      dependencies: ["BulkheadClient", "BulkheadBench", "BulkheadCore", "TestSupport"],
      path: "Tests/ClientTests"
    ),
    .testTarget(
      name: "BenchTests",
      dependencies: ["BulkheadBench", "BulkheadCore"],
      path: "Tests/BenchTests"
    ),
    .testTarget(
      name: "CanvasTests",
      dependencies: ["BulkheadCanvas"],
      path: "Tests/CanvasTests"
    ),
    .testTarget(
      name: "TerminalTests",
      dependencies: ["BulkheadTerminal", "BulkheadCanvas", "CNCursesW"],
      path: "Tests/TerminalTests"
    ),
    .testTarget(
      name: "TUITests",
      dependencies: ["BulkheadTUI", "BulkheadTerminal", "BulkheadCanvas", "BulkheadCore"],
      path: "Tests/TUITests",
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "SSEClientTests",
      dependencies: [
        "SSEClient",
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      path: "Tests/SSEClientTests"
    ),
    .target(
      name: "TestSupport",
      dependencies: [
        "BulkheadCore",
        "BulkheadServer",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      path: "Tests/Support"
    ),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "TestSupport",
        "BulkheadCore",
        "BulkheadServer",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      path: "Tests/ServerTests"
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "TestSupport",
        "BulkheadCore",
        "BulkheadServer",
        "BulkheadCanvas",
        "BulkheadTUI",
        "BulkheadTerminal",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      path: "Tests/EndToEndTests"
    ),
  ],
  swiftLanguageModes: [.v6]
)
