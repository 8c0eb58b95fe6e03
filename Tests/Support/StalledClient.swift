import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A client that opens the stream with a tiny receive buffer and then does not read.
final class StalledClient: @unchecked Sendable {
  private let socketFD: Int32

  init(port: Int) throws {
    socketFD = try connectLoopback(port: port, receiveBuffer: 4096)
    let request = "GET /api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    _ = request.withCString { send(socketFD, $0, strlen($0), 0) }
  }

  /// How the server ended the response, as seen after draining it.
  enum Ending: Equatable {
    /// The chunked response ended with its terminating chunk.
    case terminatingChunk
    /// The server closed the connection.
    case closed
    /// Nothing more arrived for 10 s: the server kept the response open.
    case stillOpen
  }

  /// Reads everything the server sent until the response ends or 10 s pass without a byte.
  func drain() -> Ending {
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var tail: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    let terminator = Array("0\r\n\r\n".utf8)
    while true {
      let count = recv(socketFD, &buffer, buffer.count, 0)
      if count == 0 { return tail.suffix(5).elementsEqual(terminator) ? .terminatingChunk : .closed }
      if count < 0 { return .stillOpen }
      tail.append(contentsOf: buffer[0..<count])
      if tail.count > 16 { tail.removeFirst(tail.count - 16) }
      if tail.suffix(5).elementsEqual(terminator) { return .terminatingChunk }
    }
  }

  func close() {
    _ = Glibc.close(socketFD)
  }
}
