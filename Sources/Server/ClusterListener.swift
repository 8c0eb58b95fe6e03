import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Keeps one server of a cluster in step with the others: `LISTEN`s on its own connection; a notification that
/// carries the next version's state is published at once, and any other (and each start of listening) makes it
/// read the versions newer than the server's and publish them in order. After a lost connection or a PostgreSQL
/// restart it connects again, listens again and re-reads, so no committed version is skipped.
final class ClusterListener: Service, Sendable {
  private let database: ClusterDatabase
  private let sessions: PostgresSessionStore
  private let store: StateStore
  private let logger: Logger
  /// The listening connection, closed at shutdown to end the wait on notifications.
  private let connection = Mutex<PostgresConnection?>(nil)
  /// One catch-up at a time (the listening loop and the poll), so versions are published in order.
  private let catchingUp = WriteTurns()

  init(database: ClusterDatabase, sessions: PostgresSessionStore, store: StateStore, logger: Logger) {
    self.database = database
    self.sessions = sessions
    self.store = store
    self.logger = logger
  }

  /// How often the stored session is read even without a notification: a listening connection that stalls
  /// without failing (its backend stopped, the network silent) delays the displays by at most this.
  static let pollInterval: Duration = .seconds(2)

  func run() async throws {
    await withGracefulShutdownHandler {
      await withTaskGroup(of: Void.self) { tasks in
        tasks.addTask { await self.listenUntilCancelled() }
        tasks.addTask { await self.pollUntilCancelled() }
        await tasks.waitForAll()
      }
    } onGracefulShutdown: {
      self.closeConnection()
    }
  }

  private func pollUntilCancelled() async {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          try await Task.sleep(for: Self.pollInterval)
        } catch {
          return
        }
        // A failure here is the database's, which the listening loop already reports.
        try? await self.catchUp()
      }
    }
  }

  private func listenUntilCancelled() async {
    var delay = Duration.milliseconds(50)
    var failures = 0
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      do {
        try await listenOnce {
          if failures > 0 { self.logger.notice("cluster: listening again after \(failures) failed attempts") }
          failures = 0
          delay = .milliseconds(50)
        }
      } catch {
        if Task.isCancelled || Task.isShuttingDownGracefully { return }
        failures += 1
        // The first failure is worth a warning; the retries of one outage are not.
        logger.log(
          level: failures == 1 ? .warning : .debug,
          "cluster: the listening connection failed (\(ClusterDatabase.classify(error))); retrying")
      }
      try? await Task.sleep(for: delay)
      delay = min(delay * 2, .seconds(1))
    }
  }

  /// One connection: LISTEN, catch up, then follow each notification until the connection fails.
  private func listenOnce(onListening: () -> Void) async throws {
    let opened = try await PostgresConnection.connect(
      configuration: database.url.connectionConfiguration, id: 1, logger: logger)
    connection.withLock { $0 = opened }
    defer { closeConnection() }
    try await opened.listen(on: PostgresSessionStore.channel) { notifications in
      try await catchUp()
      onListening()
      for try await notification in notifications {
        guard let notice = SessionNotice(payload: notification.payload) else {
          logger.warning("cluster: a notification that is not a session notice (\(notification.payload.prefix(80)))")
          try await catchUp()
          continue
        }
        if notice.campaign == sessions.campaign { try await follow(notice) }
      }
    }
  }

  /// Publishes the version `notice` announces: straight from the notice when it carries the state and follows the
  /// version last published, else by reading the stored versions.
  private func follow(_ notice: SessionNotice) async throws {
    await catchingUp.begin()
    defer { catchingUp.end() }
    let published = await store.snapshot
    if notice.epoch == published.epoch {
      if notice.version <= published.version { return }
      if notice.version == published.version + 1, let next = notice.snapshot {
        await store.adopt(next)
        return
      }
    }
    try await readStored(after: published)
  }

  /// Publishes every stored version newer than the server's, in order.
  func catchUp() async throws {
    await catchingUp.begin()
    defer { catchingUp.end() }
    try await readStored(after: await store.snapshot)
  }

  /// Reads and publishes every stored version newer than `published`; the caller holds the catch-up turn.
  private func readStored(after published: SessionSnapshot) async throws {
    let stored = try await sessions.current()
    guard stored.supersedes(published) else { return }
    if stored.epoch == published.epoch {
      for snapshot in try await sessions.versions(after: published, upTo: stored.version - 1) {
        await store.adopt(snapshot)
      }
    }
    await store.adopt(stored)
  }

  private func closeConnection() {
    guard let open = connection.withLock({ $0.take() }) else { return }
    Task { try? await open.close() }
  }
}
