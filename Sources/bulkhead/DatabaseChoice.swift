import BulkheadCore
import BulkheadServer
import Foundation
import Logging

/// Which database a command opens: a cluster's PostgreSQL (`--cluster`, else `BULKHEAD_DATABASE_URL`), or the
/// SQLite file (`--db`, else the default path).
enum DatabaseChoice {
  /// The environment variable that names a cluster's database for every command.
  static let environmentVariable = "BULKHEAD_DATABASE_URL"

  case sqlite(path: String)
  case cluster(url: String)

  /// The choice made by the options `cluster` and `db` and the environment.
  init(cluster: String?, db: String?) throws {
    let fromEnvironment = ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap {
      $0.isEmpty ? nil : $0
    }
    if let url = cluster ?? fromEnvironment {
      guard db == nil else {
        throw CLIError("--db and a cluster URL (--cluster or \(Self.environmentVariable)) exclude each other")
      }
      do {
        _ = try ClusterURL(url)
      } catch {
        throw CLIError("\(error)")
      }
      self = .cluster(url: url)
    } else {
      self = .sqlite(path: db ?? Paths.defaultDatabase())
    }
  }

  /// The database in words for messages (a cluster URL without its password).
  var description: String {
    switch self {
    case .sqlite(let path): path
    case .cluster(let url): (try? ClusterURL(url).description) ?? "the cluster database"
    }
  }

  /// Connects to the cluster's database (for the commands other than `serve`), quietly.
  static func connect(_ url: String) async throws -> ClusterDatabase {
    var logger = Logger(label: "bulkhead")
    logger.logLevel = .error
    do {
      return try await ClusterDatabase.connect(url, logger: logger)
    } catch {
      throw CLIError("cannot open the cluster database \((try? ClusterURL(url).description) ?? url): \(error)")
    }
  }
}
