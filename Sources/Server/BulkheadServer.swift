import BulkheadCore
import Hummingbird
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
  /// Frames a stream listener may have queued before it is closed as too slow.
  public var listenerBuffer: Int
  /// Start the campaign's session over (new epoch, version 0, STANDBY) instead of resuming the stored one.
  public var newSession: Bool

  /// A configuration; the defaults are those of `bulkhead serve`.
  public init(
    host: String = "127.0.0.1", port: Int = 8000, campaign: Campaign, databasePath: String,
    keepalive: Duration = .seconds(15), listenerBuffer: Int = 64, newSession: Bool = false, cluster: String? = nil
  ) {
    self.host = host
    self.port = port
    self.campaign = campaign
    self.databasePath = databasePath
    self.keepalive = keepalive
    self.listenerBuffer = listenerBuffer
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
      bufferSize: configuration.listenerBuffer, keepalive: configuration.keepalive)
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

  /// Serves until SIGTERM, SIGINT or `stop()`; open streams end cleanly.
  ///
  /// - Parameter onListening: called with the bound port once the server accepts connections.
  public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    let router = Router(context: AppRequestContext.self)
    BulkheadAPI(
      store: store, messages: messages, accounts: accounts,
      playerLimiter: RateLimiter(burst: 20, perSecond: 2), loginLimiter: RateLimiter(burst: 10, perSecond: 1)
    ).register(on: router)
    // A backlog of 4096 (the kernel caps it at net.core.somaxconn): with Hummingbird's 256, a burst of 1000
    // displays connecting at once overflows the accept queue and most wait for a SYN retransmit (1 s and more).
    let application = Application(
      router: router,
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port), serverName: "bulkhead", backlog: 4096),
      services: services,
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
    var groupConfiguration = ServiceGroupConfiguration(
      services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
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
}
