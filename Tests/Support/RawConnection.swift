import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A plain TCP connection to a loopback server, for requests no HTTP client would send.
final class RawConnection: @unchecked Sendable {
  private let socketFD: Int32

  /// Connects to 127.0.0.1:`port`.
  init(port: Int) throws {
    socketFD = try connectLoopback(port: port)
  }

  /// Sends `text` as it is.
  func send(_ text: String) {
    _ = text.withCString { Glibc.send(socketFD, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
  }

  /// Ends the sending side (the server reads end of stream), keeping the receiving side open.
  func shutdownSending() {
    _ = shutdown(socketFD, Int32(SHUT_WR))
  }

  /// What the server sent until it closed the connection, or until `timeout` seconds passed without a byte.
  ///
  /// The blocking reads run on a thread of their own: an in-process server needs every thread of the cooperative pool.
  ///
  /// - Returns: the bytes as text, and whether the server closed the connection.
  func readAll(timeout: Int = 10) async -> (text: String, closed: Bool) {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: self.blockingReadAll(timeout: timeout)) }.start()
    }
  }

  /// ``readAll(timeout:)`` on the calling thread.
  func blockingReadAll(timeout: Int) -> (text: String, closed: Bool) {
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socketFD, &buffer, buffer.count, 0)
      if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
      if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
      received.append(contentsOf: buffer[0..<count])
    }
  }

  /// Reads until `marker` has arrived after `start`, on the calling thread; false when `timeout` seconds pass
  /// without a byte or the connection ends first.
  func blockingRead(until marker: String, after start: String, timeout: Int) -> Bool {
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var received = ""
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socketFD, &buffer, buffer.count, 0)
      if count <= 0 { return false }
      received += String(decoding: buffer[0..<count], as: UTF8.self)
      if let begin = received.range(of: start), received[begin.upperBound...].contains(marker) { return true }
    }
  }

  /// The status code of the first response line read so far, if any.
  static func status(of text: String) -> Int? {
    let parts = text.split(separator: " ", maxSplits: 2)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.") else { return nil }
    return Int(parts[1])
  }

  deinit {
    _ = Glibc.close(socketFD)
  }
}

/// A TCP socket connected to 127.0.0.1:`port`; with `receiveBuffer`, its receive buffer is set that small first.
func connectLoopback(port: Int, receiveBuffer: Int32? = nil) throws -> Int32 {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { throw HarnessError("socket() failed") }
  if var size = receiveBuffer {
    setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
  }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = in_port_t(UInt16(port).bigEndian)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  guard connected == 0 else {
    let reason = String(cString: strerror(errno))
    _ = Glibc.close(descriptor)
    throw HarnessError("connect() failed: \(reason)")
  }
  return descriptor
}
