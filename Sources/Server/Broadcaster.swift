import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// Hands each SSE frame to every stream, and sends the keepalive comment.
///
/// A frame is framed as an HTTP chunk once, and the same `ByteBuffer` is written to every stream's channel on that
/// channel's event loop: one `execute` per loop per frame, no task or async stream per listener. Each loop has its own
/// ``BroadcastShard`` holding its streams; a stream joins its shard on its loop, so its first frame (the shard's current
/// one) can never race a publish. A stream whose channel stops being writable (its outbound buffer passed
/// ``bufferBytes``) is a slow or dead consumer: it is closed, so its client reconnects and re-syncs, and it never
/// holds memory or delays the others.
public final class Broadcaster: Service, Sendable {
  private struct Registry {
    /// One shard per event loop that has had a stream, keyed by the loop's identity.
    var shards: [ObjectIdentifier: BroadcastShard] = [:]
    /// The first frame of a new stream, already chunked.
    var current: ByteBuffer
    /// Told of every frame sent, once per frame (``observeSends(_:)``).
    var observer: (@Sendable (_ bytes: Int, _ streams: Int, _ isEvent: Bool) -> Void)?
  }

  /// Held only to read or change the shard list and the current frame: never while a frame is written.
  private let registry: Mutex<Registry>
  /// Bytes a stream's channel may have queued before it counts as too slow.
  public let bufferBytes: Int
  /// Time between keepalive comments.
  public let keepalive: Duration
  private static let keepaliveChunk = chunk(ByteBuffer(string: ": keepalive\n\n"))

  /// A broadcaster whose first frame for every listener is `initial`.
  public init(initial: ByteBuffer, bufferBytes: Int = 64 * 1024, keepalive: Duration = .seconds(15)) {
    registry = Mutex(Registry(current: Self.chunk(initial)))
    self.bufferBytes = bufferBytes
    self.keepalive = keepalive
  }

  /// Attaches the stream whose response head has been written on `channel`: from now on every frame is written to it,
  /// starting with the current one.
  ///
  /// - Returns: why the stream ended. By then its handler has left the channel's pipeline, unless the channel is closed.
  func attach(_ channel: any Channel) -> EventLoopFuture<StreamEnd> {
    let loop = channel.eventLoop
    let (shard, firstBytes, observer) = registry.withLock { registry in
      let known = registry.shards[ObjectIdentifier(loop)]
      let shard = known ?? BroadcastShard(loop: loop, current: registry.current)
      registry.shards[ObjectIdentifier(loop)] = shard
      return (shard, registry.current.readableBytes, registry.observer)
    }
    observer?(firstBytes, 1, true)
    let bufferBytes = bufferBytes
    return loop.flatSubmit {
      let handler = StreamChannelHandler(shard: shard, bufferBytes: bufferBytes, ended: loop.makePromise())
      do {
        // Before the encoder: the handler's writes are chunks already, and skip the HTTP codecs.
        let encoder = try channel.pipeline.syncOperations.handler(type: HTTPResponseEncoder.self)
        try channel.pipeline.syncOperations.addHandler(handler, position: .before(encoder))
      } catch {
        return loop.makeSucceededFuture(.clientGone)
      }
      return handler.ended.futureResult
    }
  }

  /// How many streams are attached.
  public var listenerCount: Int {
    registry.withLock { $0.shards.values.reduce(0) { $0 + $1.streamCount } }
  }

  /// Sends a state frame to every stream and makes `snapshot` (by default the frame itself) the first frame of new
  /// ones: a lean frame that relies on the previous one still starts new streams with the whole state.
  public func publish(_ frame: ByteBuffer, snapshot: ByteBuffer? = nil) {
    let chunk = Self.chunk(frame)
    let first = snapshot.map(Self.chunk) ?? chunk
    send(chunk, snapshot: first)
  }

  /// Calls `observer` with each frame's size in bytes (as an HTTP chunk), the streams it goes to and whether it is an
  /// event (not a keepalive): once per frame whatever the number of streams, and once per stream for its first frame.
  public func observeSends(_ observer: @escaping @Sendable (_ bytes: Int, _ streams: Int, _ isEvent: Bool) -> Void) {
    registry.withLock { $0.observer = observer }
  }

  private func send(_ chunk: ByteBuffer, snapshot: ByteBuffer?) {
    let (shards, observer) = registry.withLock { registry in
      if let snapshot { registry.current = snapshot }
      return (Array(registry.shards.values), registry.observer)
    }
    for shard in shards { shard.deliver(chunk, snapshot: snapshot) }
    observer?(chunk.readableBytes, shards.reduce(0) { $0 + $1.streamCount }, snapshot != nil)
  }

  /// Sends `: keepalive` to every stream every `keepalive`, until graceful shutdown.
  public func run() async throws {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          try await Task.sleep(for: self.keepalive)
        } catch {
          return
        }
        self.send(Self.keepaliveChunk, snapshot: nil)
      }
    }
  }

  /// `frame` as one HTTP/1.1 chunk: the streams' handlers write below the HTTP encoder, which would otherwise frame it.
  static func chunk(_ frame: ByteBuffer) -> ByteBuffer {
    var chunk = ByteBuffer()
    let size = String(frame.readableBytes, radix: 16)
    chunk.reserveCapacity(size.utf8.count + frame.readableBytes + 4)
    chunk.writeString(size)
    chunk.writeStaticString("\r\n")
    chunk.writeImmutableBuffer(frame)
    chunk.writeStaticString("\r\n")
    return chunk
  }
}
