import NIOCore
import ServiceLifecycle
import Synchronization

/// Hands each SSE frame to every listener, and sends the keepalive comment.
///
/// The same `ByteBuffer` goes to every listener. Each listener has a bounded buffer; one
/// that falls behind is finished (its response ends, its client reconnects and re-syncs)
/// so it can never grow memory or hold up the others.
public final class Broadcaster: Service, Sendable {
  private struct Listener {
    let frames: AsyncStream<ByteBuffer>.Continuation
    /// Called when the listener is dropped as too slow, so its response can end at once.
    let onDrop: @Sendable () -> Void
  }

  private struct Registry {
    var nextID = 0
    var listeners: [Int: Listener] = [:]
    var current: ByteBuffer
  }

  /// The listeners and the current frame. Held only to read or change them: never while a
  /// continuation is resumed or foreign code runs, because a listener task being cancelled holds its
  /// own lock while its stream's `onTermination` comes here (`remove`).
  private let registry: Mutex<Registry>
  /// Held while frames are handed to listeners, so every listener gets them in publishing order and a
  /// new listener's first frame comes before any later one. Taken before `registry`, never inside it.
  private let delivery = Mutex(())
  /// Frames a listener may have queued before it counts as too slow.
  public let bufferSize: Int
  /// Time between keepalive comments.
  public let keepalive: Duration
  private static let keepaliveFrame = ByteBuffer(string: ": keepalive\n\n")

  /// A broadcaster whose first frame for every listener is `initial`.
  public init(initial: ByteBuffer, bufferSize: Int = 64, keepalive: Duration = .seconds(15)) {
    registry = Mutex(Registry(current: initial))
    self.bufferSize = bufferSize
    self.keepalive = keepalive
  }

  /// Registers a listener and queues the current frame as its first, atomically with `publish`,
  /// so no change can fall between the snapshot and the live frames. `onDrop` is called if the
  /// listener falls behind and is dropped.
  public func subscribe(onDrop: @escaping @Sendable () -> Void = {}) -> (id: Int, frames: AsyncStream<ByteBuffer>) {
    let (frames, continuation) = AsyncStream.makeStream(
      of: ByteBuffer.self, bufferingPolicy: .bufferingOldest(bufferSize))
    let id = delivery.withLock { _ in
      let (id, first) = registry.withLock { registry in
        registry.nextID += 1
        registry.listeners[registry.nextID] = Listener(frames: continuation, onDrop: onDrop)
        return (registry.nextID, registry.current)
      }
      // No task reads this stream yet, so the yield only queues the frame.
      continuation.yield(first)
      return id
    }
    continuation.onTermination = { [weak self] _ in self?.remove(id) }
    return (id, frames)
  }

  /// Forgets a listener (its client went away).
  public func remove(_ id: Int) {
    _ = registry.withLock { $0.listeners.removeValue(forKey: id) }
  }

  /// How many listeners are registered.
  public var listenerCount: Int {
    registry.withLock { $0.listeners.count }
  }

  /// Sends a state frame to every listener and makes `snapshot` (by default the frame itself) the first frame of
  /// new ones: a lean frame that relies on the previous one still starts new listeners with the whole state.
  public func publish(_ frame: ByteBuffer, snapshot: ByteBuffer? = nil) {
    send(frame, snapshot: snapshot ?? frame)
  }

  private func send(_ frame: ByteBuffer, snapshot: ByteBuffer?) {
    let slow = delivery.withLock { _ in
      let listeners = registry.withLock { registry in
        if let snapshot { registry.current = snapshot }
        return registry.listeners
      }
      var slow: [(id: Int, listener: Listener)] = []
      for (id, listener) in listeners {
        if case .dropped = listener.frames.yield(frame) { slow.append((id, listener)) }
      }
      return slow
    }
    guard !slow.isEmpty else { return }
    registry.withLock { registry in
      for (id, _) in slow { registry.listeners[id] = nil }
    }
    for (_, listener) in slow {
      listener.frames.finish()
      listener.onDrop()
    }
  }

  /// Sends `: keepalive` to every listener every `keepalive`, until graceful shutdown.
  public func run() async throws {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          try await Task.sleep(for: self.keepalive)
        } catch {
          return
        }
        self.send(Self.keepaliveFrame, snapshot: nil)
      }
    }
  }
}
