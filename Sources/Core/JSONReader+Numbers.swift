/// Numbers: the RFC 8259 grammar, integers kept exact, doubles correctly rounded.
extension JSONReader {
  /// Exact powers of ten, for the fast path of number conversion.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
  ]

  @inline(__always)
  private func isDigit(at position: Int) -> Bool {
    position < end && bytes[position] &- UInt8(ascii: "0") < 10
  }

  /// Reads a number; `index` is at `-` or a digit.
  ///
  /// Up to 19 significant digits are gathered in an integer; when it and the power of ten
  /// are both exact in a `Double`, one multiplication or division gives the correctly
  /// rounded value (Clinger's fast path). Otherwise the text goes to `Double(_:)`.
  mutating func number() throws(JSONParseError) -> JSONValue {
    let start = index
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    guard isDigit(at: index) else { throw failure(.invalidNumber) }
    var significand: UInt64 = 0
    var exact = true  // `significand` holds every digit read
    var scale = 0  // the power of ten that `significand` is to be multiplied by
    var isInteger = true

    func accumulate(_ byte: UInt8) {
      let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
      let (sum, carry) = product.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
      if overflow || carry { exact = false } else { significand = sum }
    }

    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if isDigit(at: index) { throw failure(.leadingZero) }
    } else {
      repeat {
        if exact { accumulate(bytes[index]) }
        index += 1
      } while isDigit(at: index)
    }
    if index < end, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard isDigit(at: index) else { throw failure(.invalidNumber) }
      repeat {
        if exact {
          accumulate(bytes[index])
          scale -= 1
        }
        index += 1
      } while isDigit(at: index)
    }
    if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      index += 1
      var exponentIsNegative = false
      if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentIsNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard isDigit(at: index) else { throw failure(.invalidNumber) }
      var exponent = 0
      repeat {
        if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        index += 1
      } while isDigit(at: index)
      scale += exponentIsNegative ? -exponent : exponent
    }

    if isInteger && exact {
      if !negative {
        if significand <= UInt64(Int.max) { return .int(Int(significand)) }
      } else if significand == 0 {
        return .double(-0.0)
      } else if significand <= UInt64(Int.max) + 1 {
        return .int(Int(truncatingIfNeeded: 0 &- significand))
      }
    }
    if exact, significand <= 1 << 53, scale >= -22, scale <= 22 {
      var value = Double(significand)
      if scale < 0 {
        value /= Self.powersOfTen[-scale]
      } else {
        value *= Self.powersOfTen[scale]
      }
      return .double(negative ? -value : value)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw JSONParseError(offset: start, reason: .numberOutOfRange)
    }
    return .double(value)
  }
}
