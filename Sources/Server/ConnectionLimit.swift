import Foundation
import Logging
import Synchronization

/// How many connections the server holds at once, so that it never runs out of file descriptors.
///
/// At the open-file limit `accept` fails and a server can neither take a new connection nor open its database. This
/// keeps a reserve: above `maximum` open connections, a new one is answered 503 and closed at once, while every
/// connection already held is served as before. The first refusal of an episode is logged, and so is its end.
public final class ConnectionLimit: Sendable {
  /// The most connections held at once.
  public let maximum: Int
  private let logger: Logger
  private let state = Mutex(State())

  private struct State {
    var open = 0
    /// Connections refused since the limit was last reached; nil while under it.
    var refusedInEpisode: Int?
  }

  /// File descriptors kept for the database, campaign files, logs and the runtime.
  public static let reservedDescriptors = 64

  /// A limit of `maximum` connections.
  public init(maximum: Int, logger: Logger) {
    self.maximum = maximum
    self.logger = logger
  }

  /// The limit the process's open-file limit allows, keeping ``reservedDescriptors`` for everything else.
  public static func fromOpenFileLimit(logger: Logger) -> ConnectionLimit {
    var limit = rlimit()
    let soft = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 1024
    return ConnectionLimit(maximum: max(16, soft - reservedDescriptors), logger: logger)
  }

  /// Counts a new connection; false when it must be refused (it is then not counted).
  func admit() -> Bool {
    let (admitted, firstRefusal) = state.withLock { state -> (Bool, Bool) in
      guard state.open >= maximum else {
        state.open += 1
        return (true, false)
      }
      let first = state.refusedInEpisode == nil
      state.refusedInEpisode = (state.refusedInEpisode ?? 0) + 1
      return (false, first)
    }
    if firstRefusal {
      logger.warning(
        """
        connection limit reached: \(maximum) connections are open; new ones get 503 until some close \
        (raise the open-file limit, ulimit -n, to hold more)
        """)
    }
    return admitted
  }

  /// Counts a connection that was admitted and has closed.
  func release() {
    let refused = state.withLock { state -> Int? in
      state.open -= 1
      guard let refused = state.refusedInEpisode, state.open < maximum * 9 / 10 else { return nil }
      state.refusedInEpisode = nil
      return refused
    }
    if let refused {
      logger.notice("below the connection limit again; \(refused) connections were refused meanwhile")
    }
  }

  /// The connections held now.
  public var openConnections: Int { state.withLock { $0.open } }
}
