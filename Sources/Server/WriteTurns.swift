import Synchronization

/// Lets writes take turns, first come first served: one runs between `begin()` and `end()` at a time, so each
/// commits and publishes before the next one starts, even though they wait on storage in between.
final class WriteTurns: Sendable {
  private struct Queue {
    var busy = false
    var waiting: [CheckedContinuation<Void, Never>] = []
  }

  private let queue = Mutex(Queue())

  /// Waits for this caller's turn.
  func begin() async {
    await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
      let now = queue.withLock { queue in
        if queue.busy {
          queue.waiting.append(turn)
          return false
        }
        queue.busy = true
        return true
      }
      if now { turn.resume() }
    }
  }

  /// Ends the current turn and hands it to the next caller waiting, if any.
  func end() {
    let next = queue.withLock { queue -> CheckedContinuation<Void, Never>? in
      guard !queue.waiting.isEmpty else {
        queue.busy = false
        return nil
      }
      return queue.waiting.removeFirst()
    }
    next?.resume()
  }
}
