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
    var observer: (@Sendable (_ bytes: Int, _ listeners: Int, _ isEvent: Bool) -> Void)?
  }

  private let registry: Mutex<Registry>
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
    let id = registry.withLock { registry in
      registry.nextID += 1
      registry.listeners[registry.nextID] = Listener(frames: continuation, onDrop: onDrop)
      continuation.yield(registry.current)
      return registry.nextID
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

  /// Calls `observer` after each frame sent with its size, the listeners it went to and whether it was an event
  /// (not a keepalive): one call per frame, whatever the number of listeners.
  public func observeSends(_ observer: @escaping @Sendable (_ bytes: Int, _ listeners: Int, _ isEvent: Bool) -> Void) {
    registry.withLock { $0.observer = observer }
  }

  /// Sends a state frame to every listener and makes `snapshot` (by default the frame itself) the first frame of
  /// new ones: a lean frame that relies on the previous one still starts new listeners with the whole state.
  public func publish(_ frame: ByteBuffer, snapshot: ByteBuffer? = nil) {
    send(frame, snapshot: snapshot ?? frame)
  }

  private func send(_ frame: ByteBuffer, snapshot: ByteBuffer?) {
    let (slow, delivered, observer) = registry.withLock { registry in
      if let snapshot { registry.current = snapshot }
      var slow: [Listener] = []
      for (id, listener) in registry.listeners {
        if case .dropped = listener.frames.yield(frame) {
          registry.listeners[id] = nil
          slow.append(listener)
        }
      }
      return (slow, registry.listeners.count, registry.observer)
    }
    observer?(frame.readableBytes, delivered, snapshot != nil)
    for listener in slow {
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
