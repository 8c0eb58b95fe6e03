/// Writes small PNG files for the decoder's tests: every colour type and bit depth, palettes with `tRNS`,
/// colour-key transparency and Adam7 interlacing. The image data is stored uncompressed (deflate "stored" blocks).
struct TestPNG {
  /// The PNG colour types.
  enum ColorType: UInt8 {
    case grey = 0
    case rgb = 2
    case palette = 3
    case greyAlpha = 4
    case rgba = 6

    /// Samples per pixel.
    var channels: Int {
      switch self {
      case .grey, .palette: 1
      case .greyAlpha: 2
      case .rgb: 3
      case .rgba: 4
      }
    }
  }

  var width: Int
  var height: Int
  var colorType: ColorType
  var bitDepth: Int
  /// `width × height × channels` samples, each below `2^bitDepth` (palette indexes for `.palette`).
  var samples: [UInt16]
  /// RGB entries for `.palette`.
  var palette: [(UInt8, UInt8, UInt8)] = []
  /// The raw `tRNS` chunk data, when given.
  var transparency: [UInt8]? = nil
  var interlaced = false
  /// Overrides the header's width and height (the pixel data stays as given), for oversized-header tests.
  var claimedSize: (width: UInt32, height: UInt32)? = nil

  /// The file's bytes.
  var bytes: [UInt8] {
    var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = []
    header += Self.bigEndian(claimedSize?.width ?? UInt32(width))
    header += Self.bigEndian(claimedSize?.height ?? UInt32(height))
    header += [UInt8(bitDepth), colorType.rawValue, 0, 0, interlaced ? 1 : 0]
    file += Self.chunk("IHDR", header)
    if colorType == .palette {
      file += Self.chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] })
    }
    if let transparency { file += Self.chunk("tRNS", transparency) }
    file += Self.chunk("IDAT", Self.zlibStored(scanlines))
    file += Self.chunk("IEND", [])
    return file
  }

  /// The filtered (filter type 0) scanlines of the image or of each Adam7 pass.
  private var scanlines: [UInt8] {
    guard interlaced else { return rows(columns: Array(0..<width), rows: Array(0..<height)) }
    let passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    var data: [UInt8] = []
    for (x0, y0, dx, dy) in passes {
      let columns = Array(stride(from: x0, to: width, by: dx))
      let rows = Array(stride(from: y0, to: height, by: dy))
      if columns.isEmpty || rows.isEmpty { continue }
      data += self.rows(columns: columns, rows: rows)
    }
    return data
  }

  private func rows(columns: [Int], rows: [Int]) -> [UInt8] {
    var data: [UInt8] = []
    for y in rows {
      data.append(0)
      var bits = 0
      var accumulator = 0
      for x in columns {
        for channel in 0..<colorType.channels {
          let sample = Int(samples[(y * width + x) * colorType.channels + channel])
          switch bitDepth {
          case 16: data += [UInt8(sample >> 8), UInt8(sample & 0xFF)]
          case 8: data.append(UInt8(sample))
          default:
            accumulator = (accumulator << bitDepth) | sample
            bits += bitDepth
            if bits == 8 {
              data.append(UInt8(accumulator))
              accumulator = 0
              bits = 0
            }
          }
        }
      }
      if bits > 0 { data.append(UInt8((accumulator << (8 - bits)) & 0xFF)) }
    }
    return data
  }

  /// A chunk: length, type, data, CRC of type and data.
  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typeBytes = Array(type.utf8)
    return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
  }

  /// A zlib stream of stored (uncompressed) deflate blocks.
  static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var stream: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let length = min(65_535, data.count - offset)
      let last: UInt8 = offset + length == data.count ? 1 : 0
      stream += [last, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      stream += data[offset..<offset + length]
      offset += length
    } while offset < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    return stream + bigEndian((b << 16) | a)
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
  }
}
