import AsyncHTTPClient
import BulkheadCore
import Foundation
import NIOCore
import Synchronization

/// One SSE block as a test sees it.
struct StreamEvent: Sendable {
  var id: String?
  var event: String?
  var data: String?
  var retry: String?
  var comment: String?

  /// The version part of `id: <epoch>.<version>`.
  var version: Int? {
    id.flatMap { $0.split(separator: ".").last }.flatMap { Int($0) }
  }

  /// The `activeview` payload of the event.
  func payload() throws -> ActiveViewPayload {
    try ActiveViewPayload.decode(Array((data ?? "").utf8))
  }
}

/// Reads `GET /api/active-view/stream/` over a real connection, block by block.
final class EventStreamReader: @unchecked Sendable {
  let headers: [(String, String)]
  let status: Int
  private let events: AsyncStream<StreamEvent>
  private var iterator: AsyncStream<StreamEvent>.Iterator
  private let task: Task<Void, Never>
  /// Yields once when the response ended.
  let ended: AsyncStream<Void>
  /// Whether the response ended without an error (the server closed the stream cleanly).
  var endedCleanly: Bool { cleanEnd.value.withLock { $0 } }
  private let cleanEnd: Flag

  private init(
    status: Int, headers: [(String, String)], events: AsyncStream<StreamEvent>, ended: AsyncStream<Void>,
    cleanEnd: Flag, task: Task<Void, Never>
  ) {
    self.cleanEnd = cleanEnd
    self.status = status
    self.headers = headers
    self.events = events
    self.iterator = events.makeAsyncIterator()
    self.ended = ended
    self.task = task
  }

  /// Opens the stream of the server at `base`; `query` (e.g. `?compact=1`) is appended to the path.
  static func open(_ base: String, query: String = "") async throws -> EventStreamReader {
    let request = HTTPClientRequest(url: base + "/api/active-view/stream/" + query)
    let response = try await testClient.execute(request, timeout: .seconds(10))
    let (events, continuation) = AsyncStream.makeStream(of: StreamEvent.self)
    let (ended, endedContinuation) = AsyncStream.makeStream(of: Void.self)
    let cleanEnd = Flag()
    let task = Task {
      var pending = ""
      do {
        for try await chunk in response.body {
          pending += String(buffer: chunk)
          while let range = pending.range(of: "\n\n") {
            let block = String(pending[..<range.lowerBound])
            pending = String(pending[range.upperBound...])
            continuation.yield(parse(block))
          }
        }
        cleanEnd.value.withLock { $0 = true }
      } catch {}
      endedContinuation.yield()
      endedContinuation.finish()
      continuation.finish()
    }
    return EventStreamReader(
      status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
      events: events, ended: ended, cleanEnd: cleanEnd, task: task)
  }

  /// The next block, or nil when the stream ended.
  func next() async -> StreamEvent? {
    await iterator.next()
  }

  /// The next `activeview` event, skipping `retry:` and comments.
  func nextEvent() async -> StreamEvent? {
    while let block = await next() {
      if block.event != nil { return block }
    }
    return nil
  }

  func close() {
    task.cancel()
  }

  private static func parse(_ block: String) -> StreamEvent {
    var event = StreamEvent()
    for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix(":") {
        event.comment = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
      } else if let colon = line.firstIndex(of: ":") {
        var value = line[line.index(after: colon)...]
        if value.hasPrefix(" ") { value = value.dropFirst() }
        switch line[..<colon] {
        case "id": event.id = String(value)
        case "event": event.event = String(value)
        case "data": event.data = String(value)
        case "retry": event.retry = String(value)
        default: break
        }
      }
    }
    return event
  }
}

/// A Boolean shared between tasks.
final class Flag: Sendable {
  let value = Mutex(false)
}
