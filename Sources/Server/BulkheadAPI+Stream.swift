import HTTPTypes
import Hummingbird
import NIOCore

extension BulkheadAPI {
  /// The `retry:` line every stream starts with, in milliseconds.
  static let retryFrame = ByteBuffer(string: "retry: 3000\n\n")

  /// `GET /api/active-view/stream/`: `retry:`, then the current payload, then one event per change.
  ///
  /// With `?compact=1` (the lean stream, for Bulkhead's own display) an event leaves out `location_data` and
  /// `encounter_npc_data` and says `"compact": true` when they are those of the event before; the first event is
  /// always whole.
  ///
  /// The head and the `retry:` line go out through Hummingbird; then the stream is attached to the broadcaster,
  /// which writes every frame to the channel on its event loop, the current one first. The response ends when the
  /// client goes away or falls behind (the connection is closed, so its client reconnects and re-syncs), or on
  /// shutdown (the stream is ended cleanly).
  func stream(_ request: Request, _ context: AppRequestContext) -> Response {
    let kind: ServerMetrics.StreamKind = request.uri.queryParameters["compact"] == "1" ? .lean : .full
    let broadcaster = kind == .lean ? store.compactBroadcaster : store.broadcaster
    let metrics = metrics
    let channel = context.channel
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream"
    headers[.cacheControl] = "no-cache"
    headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        try await writer.write(Self.retryFrame)
        metrics.streamOpened(kind)
        defer { metrics.streamClosed(kind) }
        let end = try await broadcaster.attach(channel).get()
        if end == .dropped { metrics.slowConsumerClosed(kind) }
        switch end {
        case .clientGone, .dropped:
          // Nobody reads the rest: close the connection rather than write its end.
          throw CancellationError()
        case .shutdown:
          try await writer.finish(nil)
        }
      })
  }
}
