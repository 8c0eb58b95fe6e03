import AsyncHTTPClient
import BulkheadCore
import BulkheadServer
import Foundation
import Logging
import NIOCore

/// The project root, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The bundled demo campaign, loaded once.
let demoCampaign: Campaign = {
  do {
    return try Campaign.load(from: projectRoot.appendingPathComponent("campaigns/demo"))
  } catch {
    fatalError("the demo campaign does not load: \(error)")
  }
}()

/// The HTTP client every test shares, with room for many open streams to one host.
let testClient: HTTPClient = {
  var configuration = HTTPClient.Configuration()
  configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2000
  return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// An HTTP answer: the status and the body parsed as JSON (`null` when it is not JSON).
struct Answer {
  var status: Int
  var json: JSONValue
  var text: String
}

/// A real server on a free loopback port, in this process, with one GM account logged in.
struct ServerHarness {
  let server: BulkheadServer
  let task: Task<Void, any Error>
  let base: String
  let token: String
  let folder: URL

  static let username = "gm"
  static let password = "correct horse battery"

  /// Starts a server; `body` runs against it, then the server stops.
  static func with<T>(
    keepalive: Duration = .seconds(15), listenerBufferBytes: Int = 64 * 1024, databaseFolder: URL? = nil,
    campaign: Campaign? = nil, port: Int = 0, requestTimeout: Duration = .seconds(10), cluster: String? = nil,
    _ body: (ServerHarness) async throws -> T
  ) async throws -> T {
    let harness = try await start(
      keepalive: keepalive, listenerBufferBytes: listenerBufferBytes, databaseFolder: databaseFolder,
      campaign: campaign ?? demoCampaign, port: port, requestTimeout: requestTimeout, cluster: cluster)
    do {
      let result = try await body(harness)
      await harness.stop()
      return result
    } catch {
      await harness.stop()
      throw error
    }
  }

  static func start(
    keepalive: Duration, listenerBufferBytes: Int, databaseFolder: URL?, campaign: Campaign, port: Int = 0,
    requestTimeout: Duration = .seconds(10), cluster: String? = nil
  ) async throws -> ServerHarness {
    let folder = try databaseFolder ?? temporaryFolder()
    var logger = Logger(label: "test-server")
    logger.logLevel = .warning
    let server = try await BulkheadServer(
      configuration: ServerConfiguration(
        port: port, campaign: campaign, databasePath: folder.appendingPathComponent("db.sqlite").path,
        keepalive: keepalive, listenerBufferBytes: listenerBufferBytes, requestTimeout: requestTimeout,
        cluster: cluster),
      logger: logger)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let task = Task {
      defer { continuation.finish() }
      try await server.run { port in continuation.yield(port) }
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
      var reason = "it stopped"
      if case .failure(let error) = await task.result { reason = "\(error)" }
      throw HarnessError("the server did not start: \(reason)")
    }
    let base = "http://127.0.0.1:\(port)"
    if try await server.accounts.usernames().isEmpty {
      try await server.accounts.setAccount(username: username, password: password)
    }
    let login = try await request(
      "POST", base + "/api/auth/login", body: #"{"username":"gm","password":"correct horse battery"}"#)
    guard case .string(let token)? = login.json["token"] else {
      throw HarnessError("login failed: \(login.text)")
    }
    return ServerHarness(server: server, task: task, base: base, token: token, folder: folder)
  }

  func stop() async {
    server.stop()
    _ = await task.result
  }

  /// A GM write with the harness's token.
  func gm(_ path: String, _ body: String = "{}") async throws -> Answer {
    try await Self.request("POST", base + path, body: body, token: token)
  }

  /// A public POST (no token).
  func post(_ path: String, _ body: String = "{}", token: String? = nil) async throws -> Answer {
    try await Self.request("POST", base + path, body: body, token: token)
  }

  /// A GET.
  func get(_ path: String, token: String? = nil) async throws -> Answer {
    try await Self.request("GET", base + path, token: token)
  }

  /// The current payload.
  func payload() async throws -> ActiveViewPayload {
    let answer = try await get("/api/active-view/")
    return try ActiveViewPayload.decode(Array(answer.text.utf8))
  }

  static func request(
    _ method: String, _ url: String, body: String? = nil, token: String? = nil, headers: [(String, String)] = []
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: url)
    request.method = .RAW(value: method)
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(string: body))
    }
    // The whole exchange, body included, is bounded: a server that stops half way fails the test, never hangs it.
    let prepared = request
    let (status, bytes) = try await withThrowingTaskGroup(of: (Int, ByteBuffer)?.self) { group in
      group.addTask {
        let response = try await testClient.execute(prepared, timeout: .seconds(30))
        return (Int(response.status.code), try await response.body.collect(upTo: 16 << 20))
      }
      group.addTask {
        try await Task.sleep(for: .seconds(30))
        return nil
      }
      defer { group.cancelAll() }
      guard let answer = try await group.next() ?? nil else {
        throw HarnessError("\(method) \(url): no whole answer within 30 s")
      }
      return answer
    }
    let text = String(buffer: bytes)
    let json = (try? JSONParser.parse(Array(text.utf8))) ?? .null
    return Answer(status: status, json: json, text: text)
  }
}

struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
