import BulkheadClient
import BulkheadCore
import BulkheadServer
import Foundation
import Logging

/// A Bulkhead server in this process, for the demo and the benchmarks: started, stopped and started again on the
/// same port with the same database, with a GM account of its own.
public actor DemoServer {
  public let campaign: Campaign
  public let database: String
  private var server: BulkheadServer?
  private var task: Task<Void, any Error>?
  private static let username = "demo-gm"
  private let password = UUID().uuidString

  public init(campaign: Campaign, database: String) throws {
    self.campaign = campaign
    self.database = database
  }

  /// Starts a server on `port` (0: a free one) and returns the port it listens on.
  public func start(port: Int) async throws -> Int {
    let server = try await BulkheadServer(
      configuration: ServerConfiguration(host: "127.0.0.1", port: port, campaign: campaign, databasePath: database),
      logger: Logger(label: "bulkhead-demo", factory: { _ in SwiftLogNoOpLogHandler() }))
    if try await server.accounts.usernames().isEmpty {
      try await server.accounts.setAccount(username: Self.username, password: password)
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let task = Task {
      defer { continuation.finish() }
      try await server.run { port in continuation.yield(port) }
    }
    var iterator = ports.makeAsyncIterator()
    guard let listening = await iterator.next() else {
      if case .failure(let error) = await task.result { throw BenchError("the demo server did not start: \(error)") }
      throw BenchError("the demo server did not start")
    }
    self.server = server
    self.task = task
    return listening
  }

  /// Logs the demo GM in on `base` and returns the token.
  public func login(_ base: String) async throws -> String {
    let answer: JSONValue
    do {
      answer = try await HTTPJSONClient(server: base).post(
        "/api/auth/login", body: ["username": .string(Self.username), "password": .string(password)])
    } catch {
      throw BenchError("the demo GM could not log in: \(error)")
    }
    guard let token = answer["token"]?.stringValue else { throw BenchError("the login answer has no token") }
    return token
  }

  /// Stops the server and waits for it to end.
  public func stop() async {
    server?.stop()
    _ = await task?.result
    server = nil
    task = nil
  }
}
