import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

extension BulkheadAPI {
  /// The `retry:` line every stream starts with, in milliseconds.
  static let retryFrame = ByteBuffer(string: "retry: 3000\n\n")

  /// `GET /api/active-view/stream/`: `retry:`, then the current payload, then one event per change.
  ///
  /// The listener is registered before its first frame is taken. The response ends when the
  /// client goes away, when it falls behind (its client reconnects and re-syncs), or on shutdown.
  func stream(_ request: Request) -> Response {
    let broadcaster = store.broadcaster
    let (id, frames) = broadcaster.subscribe()
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream"
    headers[.cacheControl] = "no-cache"
    headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        defer { broadcaster.remove(id) }
        try await writer.write(Self.retryFrame)
        try await request.body.consumeWithCancellationOnInboundClose { _ in
          for await frame in frames.cancelOnGracefulShutdown() {
            try await writer.write(frame)
          }
        }
        try await writer.finish(nil)
      })
  }
}
