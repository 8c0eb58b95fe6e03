import BulkheadCore
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// The first handler after the HTTP codec: counts the connection against the ``ConnectionLimit``, and answers what
/// Hummingbird would otherwise answer without a body or drop.
///
/// - Over the limit, the connection gets `503` with a JSON error and is closed before any request is read.
/// - Its receive buffer starts at 512 bytes instead of NIO's 2 KiB (and grows for larger reads): a GM write's request
///   fits, and every open stream, which reads nothing after its request, holds 1.5 KiB less.
/// - A request whose framing does not parse before its head is complete (an unknown `Transfer-Encoding`, a broken
///   request line) gets `400` with a JSON error naming the fault, and the connection is closed. A fault inside a
///   body reaches the route instead, whose error middleware answers 400 the same way.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private let limit: ConnectionLimit
  private static let receiveBuffer = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65536)
  private var admitted = false
  /// Whether a request head has gone up the pipeline and its end has not.
  private var inRequest = false
  /// Whether a response has begun on this connection and not ended.
  private var inResponse = false

  init(limit: ConnectionLimit) {
    self.limit = limit
  }

  func handlerAdded(context: ChannelHandlerContext) {
    // Before the first read: setting it fails only on a channel already closed, which has nothing left to read.
    try? context.channel.syncOptions?.setOption(ChannelOptions.recvAllocator, value: Self.receiveBuffer)
    if context.channel.isActive { admit(context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    if !admitted { admit(context) }
    context.fireChannelActive()
  }

  private func admit(_ context: ChannelHandlerContext) {
    if limit.admit() {
      admitted = true
    } else {
      answer(context, .serviceUnavailable, "the server holds as many connections as it can: try again shortly")
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    if admitted {
      admitted = false
      limit.release()
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    // A refused connection's request is never handled: it is being closed.
    guard admitted else { return }
    switch unwrapInboundIn(data) {
    case .head: inRequest = true
    case .end: inRequest = false
    case .body: break
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head: inResponse = true
    case .end: inResponse = false
    case .body: break
    }
    context.write(data, promise: promise)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    guard admitted else { return }
    guard let parseError = error as? HTTPParserError, !inRequest, !inResponse else {
      context.fireErrorCaught(error)
      return
    }
    answer(context, .badRequest, "malformed request: \(parseError)")
  }

  /// Writes a whole JSON error response and closes the connection.
  private func answer(_ context: ChannelHandlerContext, _ status: HTTPResponse.Status, _ message: String) {
    let body = context.channel.allocator.buffer(bytes: JSONWriter.encode(["error": .string(message)]))
    var head = HTTPResponse(status: status)
    head.headerFields[.contentType] = "application/json; charset=utf-8"
    head.headerFields[.contentLength] = String(body.readableBytes)
    head.headerFields[.connection] = "close"
    if status == .serviceUnavailable { head.headerFields[.retryAfter] = "5" }
    inResponse = true
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    context.write(wrapOutboundOut(.body(body)), promise: nil)
    context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
  }
}
