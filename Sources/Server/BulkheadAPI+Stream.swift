import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

extension BulkheadAPI {
  /// The `retry:` line every stream starts with, in milliseconds.
  static let retryFrame = ByteBuffer(string: "retry: 3000\n\n")

  /// `GET /api/active-view/stream/`: `retry:`, then the current payload, then one event per change.
  ///
  /// With `?compact=1` (the lean stream, for Bulkhead's own display) an event leaves out `location_data` and
  /// `encounter_npc_data` and says `"compact": true` when they are those of the event before; the first event is
  /// always whole.
  ///
  /// The listener is registered before its first frame is taken. The response ends when the
  /// client goes away, when it falls behind (the connection is closed, so its client reconnects
  /// and re-syncs), or on shutdown (the stream is ended cleanly).
  func stream(_ request: Request) -> Response {
    let kind: ServerMetrics.StreamKind = request.uri.queryParameters["compact"] == "1" ? .lean : .full
    let broadcaster = kind == .lean ? store.compactBroadcaster : store.broadcaster
    let stop = StreamStop()
    let metrics = metrics
    let (id, frames) = broadcaster.subscribe(onDrop: {
      metrics.slowConsumerClosed(kind)
      stop.stop(.dropped)
    })
    metrics.streamOpened(kind)
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream"
    headers[.cacheControl] = "no-cache"
    headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        defer {
          broadcaster.remove(id)
          metrics.streamClosed(kind)
        }
        try await writer.write(Self.retryFrame)
        let interrupted = try await withGracefulShutdownHandler {
          try await request.body.consumeWithInboundCloseHandler { _ in
            try await stop.run {
              var first = true
              for await frame in frames {
                if first {
                  // The first frame goes to this listener alone; every later one is counted once per publish.
                  first = false
                  metrics.sent(
                    kind, bytes: Self.retryFrame.readableBytes + frame.readableBytes, listeners: 1, isEvent: true)
                }
                try await writer.write(frame)
              }
            }
          } onInboundClosed: {
            stop.stop(.clientGone)
          }
        } onGracefulShutdown: {
          stop.stop(.shutdown)
        }
        switch stop.reason {
        case .clientGone?, .dropped?:
          // Nobody reads the rest: close the connection rather than wait to write its end.
          throw CancellationError()
        case .shutdown?, nil:
          // A write cut off mid-wait means the client reads nothing: close instead of finishing.
          if interrupted { throw CancellationError() }
          try await writer.finish(nil)
        }
      })
  }
}
