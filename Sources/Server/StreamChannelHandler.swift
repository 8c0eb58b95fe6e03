import NIOCore

/// Why a stream ended.
enum StreamEnd: Sendable {
  /// The client closed its side or the connection.
  case clientGone
  /// The client fell behind: its channel's outbound buffer passed the bound. The channel is closed.
  case dropped
  /// The server is shutting down: the response can be ended cleanly.
  case shutdown
}

/// One SSE stream on its channel, placed just before the HTTP response encoder: the shard writes the chunked frames
/// through it, and it watches the channel for the stream's end.
///
/// Inbound traffic passes through untouched. The outbound bound is NIO's own: the write-buffer high water mark is set
/// to the broadcaster's `bufferBytes`, and a channel that stays unwritable with frames queued is closed as a slow
/// consumer.
final class StreamChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private let shard: BroadcastShard
  private let bufferBytes: Int
  /// Completed once, with why the stream ended.
  let ended: EventLoopPromise<StreamEnd>
  private var context: ChannelHandlerContext?

  init(shard: BroadcastShard, bufferBytes: Int, ended: EventLoopPromise<StreamEnd>) {
    self.shard = shard
    self.bufferBytes = bufferBytes
    self.ended = ended
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    guard context.channel.isActive else {
      end(.clientGone)
      return
    }
    let marks = ChannelOptions.Types.WriteBufferWaterMark(low: max(1, bufferBytes / 2), high: bufferBytes)
    try? context.channel.syncOptions?.setOption(ChannelOptions.writeBufferWaterMark, value: marks)
    shard.join(self)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    end(.clientGone)
  }

  /// Writes one chunk (on the loop). A channel left unwritable by it, still holding more than this chunk (so an
  /// earlier frame has not gone out either), is closed as too slow: one frame larger than the bound alone does not
  /// count, so a big view reaches every client that reads.
  func write(_ chunk: ByteBuffer) {
    guard let context else { return }
    context.writeAndFlush(NIOAny(chunk), promise: nil)
    guard !context.channel.isWritable else { return }
    let queued = (try? context.channel.syncOptions?.getOption(ChannelOptions.bufferedWritableBytes)) ?? Int.max
    if queued > chunk.readableBytes { end(.dropped) }
  }

  func channelInactive(context: ChannelHandlerContext) {
    end(.clientGone)
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    switch event {
    case ChannelEvent.inputClosed:
      end(.clientGone)
    case is ChannelShouldQuiesceEvent:
      // A client that reads nothing would hold a clean ending up: close it instead.
      end(context.channel.isWritable ? .shutdown : .dropped)
    default:
      break
    }
    context.fireUserInboundEventTriggered(event)
  }

  /// Leaves the shard and reports `reason`, once; a dropped stream's channel is closed.
  private func end(_ reason: StreamEnd) {
    guard let context else { return }
    self.context = nil
    shard.leave(self)
    if case .dropped = reason { context.close(promise: nil) }
    ended.succeed(reason)
  }
}
