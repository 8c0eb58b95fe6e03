import Synchronization

/// A value that concurrent test tasks read and change under a lock.
final class Shared<Value: Sendable>: Sendable {
  private let value: Mutex<Value>

  init(_ value: Value) {
    self.value = Mutex(value)
  }

  /// Runs `body` on the value under the lock.
  func withLock<T: Sendable>(_ body: (inout sending Value) -> sending T) -> T {
    value.withLock(body)
  }
}
