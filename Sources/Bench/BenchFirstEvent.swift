import SSEClient

/// Reads the raw bytes of a `GET /api/active-view/stream/` response — status line, headers, a chunked or plain body
/// — until the SSE parser delivers the first `activeview` event, as a display does before it draws.
public struct BenchFirstEvent {
  /// How far the response has come.
  public enum Progress: Equatable {
    /// The first event is not complete yet.
    case waiting
    /// The first `activeview` event is complete; its data has `bytes` bytes.
    case delivered(bytes: Int)
    /// The response cannot deliver the event.
    case failed(String)
  }

  private var head: [UInt8] = []
  private var inBody = false
  /// The chunked body's decoder; nil for a body sent as it is.
  private var chunks: BenchChunkedBody?
  private var parser = SSEParser(maxEventBytes: 8 << 20)
  private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)

  /// Feeds the next bytes read from the connection.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Progress {
    inBody ? readBody(bytes) : readHead(bytes)
  }

  private mutating func readHead(_ bytes: UnsafeRawBufferPointer) -> Progress {
    head.append(contentsOf: bytes)
    guard let end = Self.find(Self.headEnd, in: head) else {
      return head.count > 16_384 ? .failed("response headers over 16 KiB") : .waiting
    }
    let text = String(decoding: head[..<end], as: UTF8.self)
    guard text.hasPrefix("HTTP/1.1 200") || text.hasPrefix("HTTP/1.0 200") else {
      return .failed("HTTP status \(text.prefix { $0 != "\r" })")
    }
    chunks = text.lowercased().contains("\r\ntransfer-encoding: chunked") ? BenchChunkedBody() : nil
    inBody = true
    let rest = Array(head[(end + Self.headEnd.count)...])
    head = []
    return rest.withUnsafeBytes { readBody($0) }
  }

  private mutating func readBody(_ bytes: UnsafeRawBufferPointer) -> Progress {
    let items: [SSEParser.Item]
    if var decoder = chunks {
      do {
        items = parser.feed(try decoder.decode(bytes))
      } catch {
        return .failed("\(error)")
      }
      chunks = decoder
      if decoder.isEnded { return Self.firstEvent(in: items) ?? .failed("the stream ended before its first event") }
    } else {
      items = parser.feed(bytes)
    }
    return Self.firstEvent(in: items) ?? .waiting
  }

  private static func firstEvent(in items: [SSEParser.Item]) -> Progress? {
    for case .event(let event) in items where event.type == "activeview" {
      return .delivered(bytes: event.data.utf8.count)
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    return (0...(haystack.count - needle.count)).first { start in
      haystack[start..<start + needle.count].elementsEqual(needle)
    }
  }
}
