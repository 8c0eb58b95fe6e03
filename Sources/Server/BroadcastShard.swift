import NIOCore
import Synchronization

/// The streams of one event loop, and the frame a new one starts with.
///
/// Everything but ``streamCount`` is touched only on `loop`, so the shard needs no lock: a publish arrives as one
/// `execute` on the loop, and a stream joins on the loop, so the two are ordered by the loop's queue.
final class BroadcastShard: @unchecked Sendable {
  let loop: any EventLoop
  /// The first frame of a stream that joins now (chunked).
  private var current: ByteBuffer
  private var streams: [ObjectIdentifier: StreamChannelHandler] = [:]
  private let count = Atomic<Int>(0)

  init(loop: any EventLoop, current: ByteBuffer) {
    self.loop = loop
    self.current = current
  }

  /// How many streams are joined, readable from any thread.
  var streamCount: Int { count.load(ordering: .relaxed) }

  /// Writes `chunk` to every stream on the loop; `snapshot`, when given, becomes the first frame of new streams.
  func deliver(_ chunk: ByteBuffer, snapshot: ByteBuffer?) {
    loop.execute {
      if let snapshot { self.current = snapshot }
      for stream in self.streams.values { stream.write(chunk) }
    }
  }

  /// Adds `stream` and writes it the current frame. On the loop.
  func join(_ stream: StreamChannelHandler) {
    loop.preconditionInEventLoop()
    streams[ObjectIdentifier(stream)] = stream
    count.add(1, ordering: .relaxed)
    stream.write(current)
  }

  /// Removes `stream`. On the loop.
  func leave(_ stream: StreamChannelHandler) {
    loop.preconditionInEventLoop()
    if streams.removeValue(forKey: ObjectIdentifier(stream)) != nil { count.subtract(1, ordering: .relaxed) }
  }
}
