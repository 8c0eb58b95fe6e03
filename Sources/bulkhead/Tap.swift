import ArgumentParser
import BulkheadCore
import Foundation
import SSEClient

/// `bulkhead tap URL`: prints a stream's events as they arrive, for operators and tests.
struct Tap: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the events of a Server-Sent Events stream as they arrive.",
    discussion: """
      Events go to standard output, connection states to standard error, each line written as it arrives (nothing \
      is buffered, so a pipe or a file has every event received). Without --once it reconnects like the player \
      display does, until interrupted: Ctrl-C (SIGINT) or SIGTERM ends it with status 130 or 143 once the events \
      received are written. With --json, control and bidirectional formatting characters in the data are escaped.
      """)

  @Argument(help: "The stream's URL, e.g. http://127.0.0.1:8000/api/active-view/stream/")
  var url: String

  @Flag(help: "Print each event as one JSON line {\"type\", \"data\", \"id\"}.")
  var json = false

  @Flag(help: "Do not reconnect: end with {\"end\": true, \"last_event_id\", \"retry_ms\"} when the stream ends.")
  var once = false

  @Option(name: .customLong("last-event-id"), help: "The last event ID to send on the first request.")
  var lastEventID = ""

  @OptionGroup var trust: TrustOptions

  func validate() throws {
    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
      throw ValidationError("the URL must start with http:// or https://")
    }
  }

  /// One input of the loop: an update of the stream, a signal, or the end of the stream.
  private enum Input: Sendable {
    case update(EventSourceUpdate)
    case signal(Int32)
    case ended
  }

  func run() async throws {
    var configuration = EventSourceConfiguration(url: url)
    configuration.lastEventID = lastEventID
    configuration.reconnects = !once
    let source = EventSource(configuration: configuration)
    let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
    let feed = Task {
      for await update in source.updates() { continuation.yield(.update(update)) }
      continuation.yield(.ended)
    }
    let signals = SignalFeed { continuation.yield(.signal($0)) }
    defer { signals.stop() }
    var wasOpen = false
    var closedReason: String?
    var stoppedBy: Int32?
    var written = 0
    loop: for await input in inputs {
      switch input {
      case .update(.event(let event)):
        write(line(for: event), to: .standardOutput)
        written += 1
      case .update(.state(let state)):
        if state == .open { wasOpen = true }
        if case .closed(let reason) = state { closedReason = reason }
        write(UntrustedText.sanitize(describe(state)), to: .standardError)
      case .update(.health(let health)):
        write("health: \(health.failures) consecutive failure(s)\(health.isLost ? ", lost" : "")", to: .standardError)
      case .update(.oversized(let bytes)):
        write("dropped an event over the size limit (\(bytes) bytes)", to: .standardError)
      case .update(.synced):
        break
      case .signal(let number):
        // Everything received before the signal is already queued ahead of it and has been written; stop reading
        // and write what the feed still hands over before it ends.
        stoppedBy = stoppedBy ?? number
        feed.cancel()
      case .ended:
        break loop
      }
    }
    if let stoppedBy {
      write("stopped by signal \(stoppedBy): \(written) event(s) written", to: .standardError)
      throw ExitCode(128 + stoppedBy)
    }
    guard once else { return }
    guard wasOpen else {
      write("error: \(closedReason ?? "the stream could not be opened")", to: .standardError)
      throw ExitCode(1)
    }
    let statistics = source.statistics
    let retry: JSONValue =
      statistics.serverRetry.map {
        .int(Int($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000))
      } ?? .null
    let end: JSONValue = [
      "end": true, "last_event_id": .string(statistics.lastEventID), "retry_ms": retry,
    ]
    write(String(decoding: JSONWriter.encode(end), as: UTF8.self), to: .standardOutput)
  }

  private func line(for event: SSEEvent) -> String {
    if json {
      let value: JSONValue = [
        "type": .string(event.type), "data": .string(event.data), "id": .string(event.lastEventID),
      ]
      return String(decoding: JSONWriter.encode(value), as: UTF8.self)
    }
    let type = UntrustedText.sanitize(event.type)
    let id = UntrustedText.sanitize(event.lastEventID)
    return "[\(type)] id=\(id) \(UntrustedText.sanitize(event.data, lineBreak: "\\n"))"
  }

  private func describe(_ state: ConnectionState) -> String {
    switch state {
    case .connecting(let attempt): return "connecting (attempt \(attempt))"
    case .open: return "open"
    case .stalled(let silence): return "stalled: no data for \(silence)"
    case .waiting(let attempt, let delay, let reason): return "\(reason); attempt \(attempt) in \(delay)"
    case .closed(let reason): return "closed: \(reason)"
    }
  }

  /// Writes `text` and a line end with unbuffered writes, so that each line is in the pipe or file as soon as it is
  /// written.
  private func write(_ text: String, to handle: FileHandle) {
    handle.write(Data((text + "\n").utf8))
  }
}
