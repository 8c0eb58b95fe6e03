import Synchronization

/// Bounds a wait on the database: the caller gets its answer or ``DatabaseUnavailable`` after `limit`, even
/// when the operation itself ignores cancellation (a query on a connection that went away).
enum Deadline {
  /// Runs `operation` and returns its result, or throws ``DatabaseUnavailable`` once `limit` has passed (the
  /// operation is then cancelled and left to end by itself).
  static func run<T: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    let race = Race<T>()
    return try await withCheckedThrowingContinuation { continuation in
      race.waiter.withLock { $0 = continuation }
      let work = Task {
        let result: Result<T, any Error>
        do {
          result = .success(try await operation())
        } catch {
          result = .failure(error)
        }
        race.timer.withLock { $0 }?.cancel()
        race.waiter.withLock { $0.take() }?.resume(with: result)
      }
      let timer = Task {
        try? await Task.sleep(for: limit)
        guard !Task.isCancelled, let waiting = race.waiter.withLock({ $0.take() }) else { return }
        work.cancel()
        waiting.resume(throwing: DatabaseUnavailable("no answer from the database within \(limit)"))
      }
      race.timer.withLock { $0 = timer }
    }
  }

  /// The caller waiting for the first of the operation and the timer, and the timer to stop.
  private final class Race<T: Sendable>: Sendable {
    let waiter = Mutex<CheckedContinuation<T, any Error>?>(nil)
    let timer = Mutex<Task<Void, Never>?>(nil)
  }
}

/// The database cannot be reached: answered 503 with its cause.
public struct DatabaseUnavailable: Error, CustomStringConvertible, Sendable {
  public let description: String

  init(_ cause: String) {
    description = cause
  }
}
