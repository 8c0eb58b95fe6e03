import Foundation
import SSEClient

/// Throughput of the SSE client's parser on a stream held in memory, fed in socket-sized reads.
public enum BenchParser {
  /// The size of each read handed to the parser.
  public static let readSize = 16 << 10

  /// A stream of small `activeview` events, each with an id and one `data` line, of about `bytes` bytes in all;
  /// returns the stream and how many events it holds.
  public static func smallEvents(bytes: Int) -> (stream: [UInt8], events: Int) {
    var stream: [UInt8] = []
    stream.reserveCapacity(bytes + 256)
    var events = 0
    while stream.count < bytes {
      events += 1
      let event =
        "id: bench.\(events)\nevent: activeview\n"
        + "data: {\"version\":\(events),\"view_type\":\"ENCOUNTER\",\"tokens\":{\"t1\":{\"x\":\(events % 40),\"y\":7}}}\n\n"
      stream.append(contentsOf: event.utf8)
    }
    return (stream, events)
  }

  /// One event whose single `data` line holds `bytes` bytes of JSON-like text.
  public static func largeEvent(bytes: Int) -> [UInt8] {
    var stream = Array("id: bench.1\nevent: activeview\ndata: ".utf8)
    stream.reserveCapacity(stream.count + bytes + 2)
    let pattern = Array("{\"room\":\"cargo_bay\",\"x\":12},".utf8)
    while stream.count < bytes + 36 {
      stream.append(contentsOf: pattern)
    }
    stream.append(contentsOf: Array("\n\n".utf8))
    return stream
  }

  /// Parses `stream` with a new parser in reads of ``readSize`` bytes and returns the time it took; throws unless
  /// the parser delivered exactly `events` events.
  public static func time(_ stream: [UInt8], events: Int) throws -> Duration {
    let clock = ContinuousClock()
    var parser = SSEParser(maxEventBytes: stream.count)
    var delivered = 0
    let elapsed = clock.measure {
      stream.withUnsafeBytes { bytes in
        var start = 0
        while start < bytes.count {
          let end = min(start + readSize, bytes.count)
          for item in parser.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
            if case .event = item { delivered += 1 }
          }
          start = end
        }
      }
    }
    guard delivered == events else {
      throw BenchError("the parser delivered \(delivered) events of \(events)")
    }
    return elapsed
  }
}
