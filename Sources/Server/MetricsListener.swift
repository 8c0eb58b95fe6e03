import Hummingbird
import Logging

/// The metrics listener: `GET /metrics` in the Prometheus text format, on its own address, never on the API port.
enum MetricsListener {
  /// An application answering `GET /metrics` from `metrics` on `host`:`port`.
  static func application(
    metrics: ServerMetrics, host: String, port: Int, logger: Logger,
    onListening: @escaping @Sendable (Int) async -> Void
  ) -> some ApplicationProtocol {
    let router = Router()
    router.get("metrics") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }
    return Application(
      router: router,
      configuration: .init(address: .hostname(host, port: port), serverName: "bulkhead-metrics"),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
  }
}
