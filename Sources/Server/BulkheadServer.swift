import BulkheadCore
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// Everything `bulkhead serve` needs to start.
public struct ServerConfiguration: Sendable {
  public var host: String
  /// 0 picks a free port.
  public var port: Int
  public var campaign: Campaign
  /// The SQLite file (created when missing); not used in a cluster.
  public var databasePath: String
  /// The cluster's PostgreSQL database (`postgres://…`): set, the session, accounts and messages live there and the
  /// server follows the other servers' writes.
  public var cluster: String?
  /// Time between `: keepalive` comments on the stream.
  public var keepalive: Duration
  /// Bytes a stream's connection may have queued (beyond what the kernel holds) before it is closed as too slow.
  public var listenerBufferBytes: Int
  /// How long a connection may take to send a whole request head, and stay idle between requests, before it is
  /// closed. Open streams are never cut by it.
  public var requestTimeout: Duration
  /// The most connections held at once; nil: as many as the open-file limit allows, less a reserve.
  public var maximumConnections: Int?
  /// Where `GET /metrics` listens, apart from the API; nil (the default) serves no metrics.
  public var metrics: MetricsAddress?
  /// HTTPS instead of HTTP on the API port, when set.
  public var tls: ServerTLS?
  /// Start the campaign's session over (new epoch, version 0, STANDBY) instead of resuming the stored one.
  public var newSession: Bool

  /// A configuration; the defaults are those of `bulkhead serve`.
  public init(
    host: String = "127.0.0.1", port: Int = 8000, campaign: Campaign, databasePath: String,
    keepalive: Duration = .seconds(15), listenerBufferBytes: Int = 64 * 1024, requestTimeout: Duration = .seconds(10),
    maximumConnections: Int? = nil, newSession: Bool = false, cluster: String? = nil
  ) {
    self.host = host
    self.port = port
    self.campaign = campaign
    self.databasePath = databasePath
    self.keepalive = keepalive
    self.listenerBufferBytes = listenerBufferBytes
    self.requestTimeout = requestTimeout
    self.maximumConnections = maximumConnections
    self.newSession = newSession
    self.cluster = cluster
  }
}

/// The push server: one campaign, one active view, the routes of API.md.
public struct BulkheadServer: Sendable {
  /// The server's state store.
  public let store: StateStore
  /// The server's accounts.
  public let accounts: AccountStore
  /// What `GET /metrics` reports.
  public let metrics = ServerMetrics()
  let configuration: ServerConfiguration
  let messages: MessageStore
  let logger: Logger
  /// The cluster's database, when the server is part of one.
  private let clusterDatabase: ClusterDatabase?
  /// What runs beside the HTTP server: the fan-out's keepalives, and in a cluster the listener.
  private let services: [any Service]
  private let stopRequests: AsyncStream<Void>
  private let stopContinuation: AsyncStream<Void>.Continuation

  /// Opens the database and resumes the campaign's stored session (or starts a new one when there is none,
  /// or when `newSession` is set); nothing listens until `run`.
  public init(configuration: ServerConfiguration, logger: Logger) async throws {
    self.configuration = configuration
    self.logger = logger
    (stopRequests, stopContinuation) = AsyncStream.makeStream(of: Void.self)
    let key = configuration.campaign.sessionKey
    let session: any SessionStore
    if let url = configuration.cluster {
      let cluster = try await ClusterDatabase.connect(url, logger: logger)
      clusterDatabase = cluster
      messages = MessageStore(cluster: cluster)
      accounts = AccountStore(cluster: cluster)
      session = PostgresSessionStore(database: cluster, campaign: key)
    } else {
      let database = try Database(path: configuration.databasePath)
      clusterDatabase = nil
      messages = MessageStore(database: database)
      accounts = AccountStore(database: database)
      session = SQLiteSessionStore(database: database, campaign: key)
    }
    let snapshot: SessionSnapshot
    do {
      snapshot = try await session.open(startOver: configuration.newSession)
    } catch {
      clusterDatabase?.close()
      throw error
    }
    if snapshot.version == 0 {
      logger.info("new session \(snapshot.epoch) of \(configuration.campaign.sessionKey)")
    } else {
      logger.info(
        "resuming session \(snapshot.epoch) of \(configuration.campaign.sessionKey) at version \(snapshot.version)")
    }
    store = StateStore(
      campaign: configuration.campaign, session: session, snapshot: snapshot, messages: messages,
      bufferBytes: configuration.listenerBufferBytes, keepalive: configuration.keepalive)
    let metrics = metrics
    store.broadcaster.observeSends { metrics.sent(.full, bytes: $0, listeners: $1, isEvent: $2) }
    store.compactBroadcaster.observeSends { metrics.sent(.lean, bytes: $0, listeners: $1, isEvent: $2) }
    if let clusterDatabase, let sessions = session as? PostgresSessionStore {
      services = [
        store.broadcaster, store.compactBroadcaster,
        ClusterListener(database: clusterDatabase, sessions: sessions, store: store, logger: logger),
      ]
    } else {
      services = [store.broadcaster, store.compactBroadcaster]
    }
  }

  /// Asks a running server to shut down gracefully, as SIGTERM does.
  public func stop() {
    stopContinuation.yield()
  }

  /// The routes of the API and the campaign files on this server's stores: what ``run(onListening:onMetricsListening:)``
  /// serves, and what route tests drive in memory.
  public func router() -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    BulkheadAPI(
      store: store, messages: messages, accounts: accounts,
      playerLimiter: RateLimiter(burst: 20, perSecond: 2), loginLimiter: RateLimiter(burst: 10, perSecond: 1),
      metrics: metrics
    ).register(on: router)
    return router
  }

  /// Serves until SIGTERM, SIGINT or `stop()`; open streams end cleanly.
  ///
  /// - Parameters:
  ///   - onListening: called with the bound port once the server accepts connections.
  ///   - onMetricsListening: called with the metrics listener's bound port, when there is one.
  public func run(
    onListening: @escaping @Sendable (Int) async -> Void = { _ in },
    onMetricsListening: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    let router = router()
    let limit =
      configuration.maximumConnections.map { ConnectionLimit(maximum: $0, logger: logger) }
      ?? ConnectionLimit.fromOpenFileLimit(logger: logger)
    let (seconds, attoseconds) = configuration.requestTimeout.components
    let requestTimeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    // A backlog of 4096 (the kernel caps it at net.core.somaxconn): with Hummingbird's 256, a burst of 1000
    // displays connecting at once overflows the accept queue and most wait for a SYN retransmit (1 s and more).
    let application = Application(
      router: router,
      server: try Self.serverBuilder(
        .init(additionalChannelHandlers: [ConnectionGuard(limit: limit)], idleTimeout: requestTimeout),
        tls: configuration.tls),
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port), serverName: "bulkhead", backlog: 4096),
      services: services,
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
    var groupServices: [any Service] = [application]
    if let address = configuration.metrics {
      groupServices.append(
        MetricsListener.application(
          metrics: metrics, host: address.host, port: address.port, logger: logger, onListening: onMetricsListening))
    }
    var groupConfiguration = ServiceGroupConfiguration(
      services: groupServices, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    // A response stuck writing to a client that reads nothing must not hold the exit up.
    groupConfiguration.maximumGracefulShutdownDuration = .seconds(1)
    let group = ServiceGroup(configuration: groupConfiguration)
    defer { clusterDatabase?.close() }
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask {
        for await _ in stopRequests {
          await group.triggerGracefulShutdown()
          return
        }
      }
      try await group.run()
      tasks.cancelAll()
    }
  }

  /// HTTP/1.1 with `http1`, inside TLS when `tls` is given.
  static func serverBuilder(_ http1: HTTP1Channel.Configuration, tls: ServerTLS?) throws -> HTTPServerBuilder {
    let plain = HTTPServerBuilder.http1(configuration: http1)
    guard let tls else { return plain }
    return try .tls(plain, tlsConfiguration: tls.configuration)
  }
}
