import BulkheadCore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// An in-process HTTP server that speaks a given wire: its stream sends `blocks` (raw `text/event-stream` text) as
/// they are given and then holds the connection open; its other GETs answer from `answers`, by path (Hummingbird's 404 otherwise). It stands
/// in for a server that is not Bulkhead (the original tool) or that misbehaves (an oversized event).
final class WireServer: Sendable {
  let base: String
  private let task: Task<Void, any Error>

  private init(base: String, task: Task<Void, any Error>) {
    self.base = base
    self.task = task
  }

  /// Starts a server on a free loopback port.
  static func start(blocks: [String], answers: [String: JSONValue] = [:]) async throws -> WireServer {
    let router = Router()
    router.get("api/active-view/stream") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
        body: ResponseBody { writer in
          for block in blocks { try await writer.write(ByteBuffer(string: block)) }
          try? await Task.sleep(for: .seconds(3600))
          try await writer.finish(nil)
        })
    }
    for (path, answer) in answers {
      let route = path.split(separator: "/").joined(separator: "/")
      router.get(RouterPath(route)) { _, _ in
        Response(
          status: .ok, headers: [.contentType: "application/json"],
          body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.encode(answer))))
      }
    }
    var logger = Logger(label: "wire-server")
    logger.logLevel = .critical
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
    let task = Task {
      defer { continuation.finish() }
      try await app.runService(gracefulShutdownSignals: [])
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw HarnessError("the wire server did not start") }
    return WireServer(base: "http://127.0.0.1:\(port)", task: task)
  }

  /// One `activeview` event block with `data` on one line.
  static func event(_ data: String, id: String? = nil) -> String {
    (id.map { "id: \($0)\n" } ?? "") + "event: activeview\ndata: \(data)\n\n"
  }

  /// Stops the server.
  func stop() async {
    task.cancel()
    _ = await task.result
  }
}
