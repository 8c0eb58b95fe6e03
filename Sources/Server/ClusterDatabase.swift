import BulkheadCore
import Logging
import PostgresNIO

/// The PostgreSQL database a cluster's servers share: the sessions, GM accounts and logins, broadcasts and CHARON
/// conversations. A pool of connections (PostgresNIO), the migrations, and every wait bounded: a database that
/// does not answer within ``requestTimeout`` is reported as ``DatabaseUnavailable`` (HTTP 503), never a hang.
public final class ClusterDatabase: Sendable {
  /// Longest a request waits on the database.
  static let requestTimeout: Duration = .seconds(5)
  let url: ClusterURL
  let client: PostgresClient
  let logger: Logger
  private let runner: Task<Void, Never>

  private init(url: ClusterURL, logger: Logger) {
    self.url = url
    self.logger = logger
    let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
    self.client = client
    runner = Task { await client.run() }
  }

  /// Connects to the database at `url` and brings its tables up to date.
  public static func connect(_ url: String, logger: Logger) async throws -> ClusterDatabase {
    let database = ClusterDatabase(url: try ClusterURL(url), logger: logger)
    do {
      try await database.transaction { connection in
        try await ClusterMigrations.migrate(connection, logger: logger)
      }
    } catch {
      database.close()
      throw error
    }
    return database
  }

  /// Closes the pool.
  public func close() {
    runner.cancel()
  }

  /// Runs `body` in one transaction (BEGIN … COMMIT; ROLLBACK when it throws), within ``requestTimeout``.
  ///
  /// - Throws: what `body` throws when it is not a PostgreSQL error; ``DatabaseUnavailable`` when the database
  ///   cannot be reached or dropped the connection; the PostgreSQL error otherwise.
  @discardableResult
  func transaction<T: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    let client = client
    let logger = logger
    do {
      return try await Deadline.run(Self.requestTimeout) {
        try await client.withTransaction(logger: logger) { connection in try await body(connection) }
      }
    } catch let error as PostgresTransactionError {
      if let inner = error.closureError, !(inner is PSQLError), !(inner is DatabaseUnavailable) { throw inner }
      throw Self.classify(error.beginError ?? error.closureError ?? error.commitError ?? error)
    } catch {
      throw Self.classify(error)
    }
  }

  /// Runs one statement outside a transaction and returns its rows, within ``requestTimeout``.
  func rows<Row: Sendable>(
    _ query: PostgresQuery, _ decode: @escaping @Sendable (PostgresRowSequence) async throws -> [Row]
  ) async throws -> [Row] {
    let client = client
    let logger = logger
    do {
      return try await Deadline.run(Self.requestTimeout) {
        try await decode(try await client.query(query, logger: logger))
      }
    } catch {
      throw Self.classify(error)
    }
  }

  /// An error as the caller should see it: a lost or unreachable database as ``DatabaseUnavailable``.
  static func classify(_ error: any Error) -> any Error {
    if error is DatabaseUnavailable || error is CancellationError { return error }
    guard let error = error as? PSQLError else {
      // The pool's own errors (connection creation failing, a lease cancelled) mean the same.
      return DatabaseUnavailable("the database cannot be reached: \(error)")
    }
    if error.code == .server {
      let state = error.serverInfo?[.sqlState] ?? ""
      let message = error.serverInfo?[.message] ?? ""
      // 08: connection exception; 57P0x: shutting down, crashed, starting up; 53: out of resources.
      if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") {
        return DatabaseUnavailable("the database is unavailable: \(message) (\(state))")
      }
      return DatabaseQueryError(description: "PostgreSQL error \(state): \(message)")
    }
    return DatabaseUnavailable("the database connection failed: \(error.code)")
  }
}

/// A statement PostgreSQL refused (a bug, not an outage), with its SQLSTATE and message.
struct DatabaseQueryError: Error, CustomStringConvertible, Sendable {
  let description: String
}
