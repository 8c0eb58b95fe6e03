import ArgumentParser
import BulkheadBench
import BulkheadCore
import BulkheadServer
import Foundation
import Logging

/// `bulkhead serve`: the push server on one campaign.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the push server: the live active view over SSE, GM writes, messages.")

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0 picks a free one).")
  var port = 8000

  @Option(help: "The campaign folder (default: the bundled demo campaign).")
  var campaign: String?

  @Option(help: "The SQLite database (default: $XDG_DATA_HOME/bulkhead/bulkhead.sqlite).")
  var db: String?

  @Option(
    help: ArgumentHelp(
      "Run as one server of a cluster on this PostgreSQL database (postgres://user:password@host:5432/db).",
      discussion: "BULKHEAD_DATABASE_URL does the same.", valueName: "url"))
  var cluster: String?

  @Option(help: "Seconds between keepalive comments on the stream (at most 16: clients call 40 s of silence a stall).")
  var keepalive = 15.0

  @Option(
    help: "Seconds a connection may take to send a request head, or stay idle between requests, before it is closed.")
  var requestTimeout = 10.0

  @OptionGroup(title: "Operations")
  var operations: ServeOperations

  @Flag(help: "Start the campaign's session over (STANDBY, a new epoch) instead of resuming the stored one.")
  var newSession = false

  func validate() throws {
    guard (0.5...3600).contains(requestTimeout) else {
      throw ValidationError("--request-timeout must be between 0.5 and 3600 seconds")
    }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard (0.05...16).contains(keepalive) else {
      throw ValidationError(
        "--keepalive must be between 0.05 and 16 seconds: clients treat 40 s without a byte as a stalled connection")
    }
  }

  func run() async throws {
    operations.bootstrapLogging()
    let campaign = try CampaignOption.load(campaign)
    let database = try DatabaseChoice(cluster: cluster, db: db)
    var configuration = ServerConfiguration(
      host: host, port: port, campaign: campaign, databasePath: db ?? Paths.defaultDatabase(),
      keepalive: .milliseconds(Int(keepalive * 1000)), requestTimeout: .milliseconds(Int(requestTimeout * 1000)),
      newSession: newSession)
    if case .cluster(let url) = database { configuration.cluster = url }
    try operations.apply(to: &configuration)
    let logger = Logger(label: "bulkhead")
    if let warning = operations.cleartextWarning(host: host) { logger.warning("\(warning)") }
    for warning in campaign.warnings { logger.warning("campaign: \(warning)") }
    // Each display holds a connection: a shell's usual 1024 open files would stop the server near 1000 displays.
    let openFiles = OpenFileLimit.raiseToHardLimit()
    if openFiles < 4096 {
      logger.warning("only \(openFiles) open files allowed (ulimit -n): about as many displays can connect")
    }
    let server: BulkheadServer
    do {
      server = try await BulkheadServer(configuration: configuration, logger: logger)
    } catch {
      throw CLIError("cannot open the database \(database.description): \(error)")
    }
    ShutdownDeadline.install(grace: .seconds(5)) { reason in logger.critical("\(reason)") }
    let name = campaign.shipName ?? campaign.root.lastPathComponent
    let host = host
    let scheme = operations.scheme
    let metricsHost = operations.metricsHost
    try await server.run(
      onListening: { port in
        let line = "Bulkhead serving \(name) on \(scheme)://\(host):\(port)/ (stream: /api/active-view/stream/)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
      },
      onMetricsListening: { port in
        FileHandle.standardOutput.write(Data("Metrics on http://\(metricsHost):\(port)/metrics\n".utf8))
      })
  }
}

/// Loads the campaign a `--campaign` option names, or the bundled demo.
enum CampaignOption {
  static func load(_ path: String?) throws -> Campaign {
    let folder: URL
    if let path {
      folder = URL(fileURLWithPath: path)
    } else if let demo = Paths.demoCampaign() {
      folder = demo
    } else {
      throw CLIError("the bundled demo campaign was not found; set BULKHEAD_HOME or pass --campaign DIR")
    }
    do {
      return try Campaign.load(from: folder)
    } catch {
      throw CLIError("cannot load the campaign \(folder.path): \(error)")
    }
  }
}

/// An error the CLI reports as one readable line, exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
