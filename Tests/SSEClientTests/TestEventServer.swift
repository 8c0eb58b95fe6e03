import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// An in-process HTTP server whose routes misbehave on purpose, for the client's tests.
///
/// Every request's `Last-Event-ID`, `Accept` and `Cache-Control` headers are recorded.
final class TestEventServer: Sendable {
  struct Seen: Sendable, Equatable {
    var path: String
    var lastEventID: String?
    var accept: String?
    var cacheControl: String?
  }

  let port: Int
  private let recorder: Recorder
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  /// The requests so far.
  var seen: [Seen] { recorder.requests.withLock { $0 } }

  /// The URL of `path`.
  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  private init(port: Int, recorder: Recorder, group: ServiceGroup, task: Task<Void, any Error>) {
    self.port = port
    self.recorder = recorder
    self.group = group
    self.task = task
  }

  /// Starts a server with `routes` added to its router.
  static func start(
    _ routes: (Router<BasicRequestContext>) -> Void = { _ in }
  ) async throws -> TestEventServer {
    let router = Router()
    let recorder = Recorder()
    router.add(middleware: recorder)
    standardRoutes(router)
    routes(router)
    var logger = Logger(label: "test-event-server")
    logger.logLevel = .critical
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
    let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
    let task = Task { try await group.run() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    return TestEventServer(port: port, recorder: recorder, group: group, task: task)
  }

  func stop() async {
    await group.triggerGracefulShutdown()
    _ = await task.result
  }

  /// A 200 `text/event-stream` response whose body is `chunks`, with `pause` between them.
  static func stream(
    _ chunks: [String], contentType: String = "text/event-stream", pause: Duration = .zero, holdOpen: Bool = false
  ) -> Response {
    Response(
      status: .ok, headers: [.contentType: contentType],
      body: ResponseBody { writer in
        for chunk in chunks {
          try await writer.write(ByteBuffer(string: chunk))
          if pause > .zero { try await Task.sleep(for: pause) }
        }
        if holdOpen { await cancelWhenGracefulShutdown { try? await Task.sleep(for: .seconds(3600)) } }
        try await writer.finish(nil)
      })
  }

  private static func standardRoutes(_ router: Router<BasicRequestContext>) {
    router.get("status/:code") { _, context in
      let code = Int(context.parameters.get("code") ?? "") ?? 500
      var headers = HTTPFields()
      headers[.retryAfter] = "1"
      return Response(status: .init(code: code), headers: headers)
    }
    router.get("type/:kind") { _, context in
      let types = [
        "plain": "text/plain", "params": "text/event-stream; charset=utf-8", "semicolon": "text/event-stream;",
        "upper": "Text/Event-Stream", "bogus": "text/x-bogus",
      ]
      return stream(["data: typed\n\n"], contentType: types[context.parameters.get("kind") ?? ""] ?? "x bogus")
    }
    router.get("redirect") { _, _ in
      Response(status: .temporaryRedirect, headers: [.location: "/type/params"])
    }
    router.get("empty") { _, _ in stream([]) }
  }

  /// Records each request's headers.
  private final class Recorder: RouterMiddleware, Sendable {
    typealias Context = BasicRequestContext
    let requests = Mutex<[Seen]>([])

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
      async throws -> Response
    {
      let seen = Seen(
        path: request.uri.path, lastEventID: request.headers[HTTPField.Name("Last-Event-ID")!],
        accept: request.headers[.accept], cacheControl: request.headers[.cacheControl])
      requests.withLock { $0.append(seen) }
      return try await next(request, context)
    }
  }
}
