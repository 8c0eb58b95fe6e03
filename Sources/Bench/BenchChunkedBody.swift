/// Decodes an HTTP/1.1 body sent with `Transfer-Encoding: chunked`, fed in pieces as they arrive: each chunk is a
/// hexadecimal size line, that many bytes and a line end; a chunk of size 0 ends the body.
public struct BenchChunkedBody {
  private enum Place {
    case sizeLine
    case data(left: Int)
    case dataEnd
    case ended
  }

  private var place = Place.sizeLine
  private var sizeLine: [UInt8] = []

  /// Whether the last chunk (size 0) has arrived.
  public var isEnded: Bool {
    if case .ended = place { return true }
    return false
  }

  /// Decodes the next piece of the body and returns the data it carries.
  ///
  /// - Throws: on a size line that is not hexadecimal.
  public mutating func decode(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8] {
    var data: [UInt8] = []
    var index = 0
    while index < bytes.count {
      switch place {
      case .sizeLine:
        let byte = bytes[index]
        index += 1
        guard byte == UInt8(ascii: "\n") else {
          sizeLine.append(byte)
          continue
        }
        let digits = sizeLine.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "\r") }
        guard let size = Int(String(decoding: digits, as: UTF8.self), radix: 16), size >= 0 else {
          throw BenchError("bad chunk size line '\(String(decoding: sizeLine, as: UTF8.self))'")
        }
        sizeLine = []
        place = size == 0 ? .ended : .data(left: size)
      case .data(let left):
        let taken = Swift.min(left, bytes.count - index)
        data.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<index + taken]))
        index += taken
        place = left == taken ? .dataEnd : .data(left: left - taken)
      case .dataEnd:
        if bytes[index] == UInt8(ascii: "\n") { place = .sizeLine }
        index += 1
      case .ended:
        return data
      }
    }
    return data
  }
}
