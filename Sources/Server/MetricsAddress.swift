/// The address of the metrics listener.
public struct MetricsAddress: Sendable {
  public var host: String
  /// 0 picks a free port.
  public var port: Int

  /// The metrics listener on `host`:`port`.
  public init(host: String = "127.0.0.1", port: Int) {
    self.host = host
    self.port = port
  }
}
