import ArgumentParser
import BulkheadServer
import Foundation
import Logging

/// The options of `bulkhead serve` for operators: log format, metrics listener, TLS.
struct ServeOperations: ParsableArguments {
  /// How log lines are written.
  enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Option(help: "Log lines as text, or json: one JSON object per line (time, level, label, message, metadata).")
  var logFormat = LogFormat.text

  @Option(help: "Serve GET /metrics (Prometheus text format) on this port, apart from the API; off without it.")
  var metricsPort: Int?

  @Option(help: "The address the metrics listener binds to.")
  var metricsHost = "127.0.0.1"

  @Option(help: "Serve HTTPS with this PEM certificate chain (needs --tls-key).")
  var tlsCert: String?

  @Option(help: "The PEM private key of --tls-cert.")
  var tlsKey: String?

  func validate() throws {
    if let metricsPort, !(0...65535).contains(metricsPort) {
      throw ValidationError("--metrics-port must be between 0 and 65535")
    }
    if (tlsCert == nil) != (tlsKey == nil) {
      throw ValidationError("--tls-cert and --tls-key go together: give both, or neither for plain HTTP")
    }
  }

  /// Sends every log line to standard error in the chosen format.
  func bootstrapLogging() {
    switch logFormat {
    case .text: LoggingSystem.bootstrap(StreamLogHandler.standardError)
    case .json: LoggingSystem.bootstrap(JSONLogHandler.standardError(label:))
    }
  }

  /// Adds the metrics listener and TLS these options ask for to `configuration`.
  func apply(to configuration: inout ServerConfiguration) throws {
    if let metricsPort { configuration.metrics = MetricsAddress(host: metricsHost, port: metricsPort) }
    if let tlsCert, let tlsKey {
      do {
        configuration.tls = try ServerTLS(certificate: tlsCert, key: tlsKey)
      } catch {
        throw CLIError(error.description)
      }
    }
  }

  /// The scheme of the API's URL.
  var scheme: String { tlsCert == nil ? "http" : "https" }

  /// The warning for a server reachable from other hosts without TLS, or nil.
  func cleartextWarning(host: String) -> String? {
    guard tlsCert == nil, !Self.isLoopback(host) else { return nil }
    return "serving plain HTTP on \(host): GM passwords and tokens cross the network in clear text;"
      + " use --tls-cert and --tls-key (or a TLS proxy) on a network you do not trust"
  }

  /// Whether `host` is a loopback name or address.
  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}
