import Foundation
import PostgresNIO

/// A cluster's database as `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (`postgresql://` too); TLS is not
/// offered (`?sslmode=disable` is accepted): run the servers beside PostgreSQL or over a private network.
public struct ClusterURL: Sendable, CustomStringConvertible {
  let host: String
  let port: Int
  let username: String
  let password: String?
  let database: String

  /// Parses `text`; throws a message naming what is wrong.
  public init(_ text: String) throws {
    guard let components = URLComponents(string: text), let scheme = components.scheme,
      ["postgres", "postgresql"].contains(scheme.lowercased())
    else {
      throw ClusterURLError("the cluster URL must look like postgres://user:password@host:5432/database")
    }
    guard let host = components.host, !host.isEmpty else { throw ClusterURLError("the cluster URL has no host") }
    guard let username = components.user, !username.isEmpty else {
      throw ClusterURLError("the cluster URL has no user (postgres://USER@host/database)")
    }
    let database = components.path.drop { $0 == "/" }
    guard !database.isEmpty else { throw ClusterURLError("the cluster URL has no database (…/DATABASE)") }
    for item in components.queryItems ?? [] where !(item.name == "sslmode" && item.value == "disable") {
      throw ClusterURLError("the cluster URL option \(item.name) is not supported (only sslmode=disable)")
    }
    self.host = host
    port = components.port ?? 5432
    self.username = username
    password = components.password
    self.database = String(database)
  }

  /// The URL without its password, for logs and messages.
  public var description: String {
    "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
  }

  /// The pool's configuration.
  var clientConfiguration: PostgresClient.Configuration {
    var configuration = PostgresClient.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: .disable)
    configuration.options.connectTimeout = .seconds(3)
    configuration.options.additionalStartupParameters = [("application_name", "bulkhead")]
    return configuration
  }

  /// A dedicated connection's configuration (the one that listens).
  var connectionConfiguration: PostgresConnection.Configuration {
    var configuration = PostgresConnection.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: .disable)
    configuration.options.connectTimeout = .seconds(3)
    configuration.options.additionalStartupParameters = [("application_name", "bulkhead-listener")]
    return configuration
  }
}

/// A cluster URL that cannot be used, and why.
public struct ClusterURLError: Error, CustomStringConvertible, Sendable {
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
