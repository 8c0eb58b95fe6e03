import Foundation

/// Many connections to a server's event stream on plain non-blocking sockets, driven by `poll` in the calling
/// thread: each connects, sends its request, reads until its first event, and from then on is held idle.
public final class BenchStreamSockets {
  /// What opening a batch of connections came to.
  public struct Opening {
    /// For each connection that received its first event, the time from its `connect` call to that event.
    var times: [Duration] = []
    /// How many connections failed, by reason.
    var failures: [String: Int] = [:]
    /// The largest first event's data, in bytes.
    var eventBytes = 0

    /// How many connections failed.
    var failed: Int { failures.values.reduce(0, +) }

    /// The reasons, most frequent first, as `count reason` phrases.
    var reasons: String {
      failures.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
  }

  private struct Pending {
    let socket: Int32
    let started: ContinuousClock.Instant
    var sent = false
    var response = BenchFirstEvent()
  }

  private let port: Int
  private let request: [UInt8]
  private var readBuffer = [UInt8](repeating: 0, count: 64 << 10)
  /// The sockets that received their first event and are still open.
  private(set) var held: [Int32] = []

  /// Connections to `GET /api/active-view/stream/` on 127.0.0.1:`port`.
  public init(port: Int) {
    self.port = port
    request = Array(
      "GET /api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8)
  }

  deinit { closeAll() }

  /// Opens `count` connections, with at most `window` of them connecting or waiting for their first event at a
  /// time (`window` ≥ `count`: every `connect` is called in one loop before any is read). A connection without its
  /// first event when `limit` has passed since the first `connect` counts as failed.
  public func open(count: Int, window: Int, limit: Duration) -> Opening {
    var opening = Opening()
    var pending: [Pending] = []
    var started = 0
    let deadline = ContinuousClock.now.advanced(by: limit)
    while started < count || !pending.isEmpty {
      while started < count, pending.count < window {
        started += 1
        switch connectOne() {
        case .success(let connection): pending.append(connection)
        case .failure(let reason): opening.failures["connect: \(reason)", default: 0] += 1
        }
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else {
        for connection in pending { close(connection.socket) }
        opening.failures["no first event within \(limit)", default: 0] += pending.count
        opening.failures["not started within \(limit)", default: 0] += count - started
        break
      }
      var polls = pending.map { pollfd(fd: $0.socket, events: Int16($0.sent ? POLLIN : POLLOUT), revents: 0) }
      guard poll(&polls, nfds_t(polls.count), Int32(Swift.min(left.seconds * 1000 + 1, 100))) > 0 else { continue }
      var still: [Pending] = []
      for (connection, polled) in zip(pending, polls) {
        guard polled.revents != 0 else {
          still.append(connection)
          continue
        }
        switch advance(connection) {
        case .waiting(let next): still.append(next)
        case .delivered(let bytes):
          opening.times.append(ContinuousClock.now - connection.started)
          opening.eventBytes = Swift.max(opening.eventBytes, bytes)
          held.append(connection.socket)
        case .failed(let reason):
          close(connection.socket)
          opening.failures[reason, default: 0] += 1
        }
      }
      pending = still
    }
    return opening
  }

  /// Reads what arrived on the held connections (keepalive comments) and closes those the server ended; returns
  /// how many are still open.
  public func checkHeld() -> Int {
    var polls = held.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    _ = poll(&polls, nfds_t(polls.count), 0)
    held = zip(held, polls).compactMap { socket, polled in
      guard polled.revents != 0 else { return socket }
      if drain(socket) { return socket }
      close(socket)
      return nil
    }
    return held.count
  }

  /// Closes every held connection.
  public func closeAll() {
    for socket in held { close(socket) }
    held = []
  }

  private enum Step {
    case waiting(Pending)
    case delivered(bytes: Int)
    case failed(String)
  }

  /// Starts one non-blocking connect to the server.
  private func connectOne() -> Result<Pending, Failure> {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard socket >= 0 else { return .failure(Failure(errno)) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
    let started = ContinuousClock.now
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 || errno == EINPROGRESS else {
      let failure = Failure(errno)
      close(socket)
      return .failure(failure)
    }
    return .success(Pending(socket: socket, started: started))
  }

  /// Sends the request once the connection is up, then reads what has arrived.
  private func advance(_ connection: Pending) -> Step {
    var connection = connection
    if !connection.sent {
      var error: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(connection.socket, SOL_SOCKET, SO_ERROR, &error, &length)
      guard error == 0 else { return .failed("connect: \(Failure(error))") }
      let written = request.withUnsafeBytes { send(connection.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard written == request.count else { return .failed("the request could not be sent whole") }
      connection.sent = true
      return .waiting(connection)
    }
    while true {
      let count = recv(connection.socket, &readBuffer, readBuffer.count, 0)
      if count == 0 { return .failed("closed before the first event") }
      if count < 0 {
        return errno == EAGAIN || errno == EWOULDBLOCK ? .waiting(connection) : .failed("read: \(Failure(errno))")
      }
      let progress = readBuffer.withUnsafeBytes { bytes in
        connection.response.feed(UnsafeRawBufferPointer(rebasing: bytes[..<count]))
      }
      switch progress {
      case .waiting: continue
      case .delivered(let bytes): return .delivered(bytes: bytes)
      case .failed(let reason): return .failed(reason)
      }
    }
  }

  /// Reads and drops everything waiting on `socket`; returns whether the connection is still open.
  private func drain(_ socket: Int32) -> Bool {
    while true {
      let count = recv(socket, &readBuffer, readBuffer.count, 0)
      if count > 0 { continue }
      return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }
  }

  /// A system call's error, named.
  public struct Failure: Error, CustomStringConvertible {
    let code: Int32

    init(_ code: Int32) {
      self.code = code
    }

    public var description: String { String(cString: strerror(code)) }
  }
}
