import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI
@testable import BulkheadTerminal

/// The bytes a terminal gets for a portrait picture, decoded back to pixels: sixel through libsixel's `sixel2png`
/// (Debian `libsixel-bin`), kitty by reading its base64 RGBA; and what the image layer sends, deletes and repaints
/// as frames come and go.
struct PortraitGraphicsTests {
  /// The demo campaign's portrait of Imre Sallow, decoded and kept as the display keeps it.
  static func portrait() throws -> RGBAImage {
    let file = DeckMapViewTests.projectRoot.appendingPathComponent(
      "campaigns/demo/campaign/NPCs/images/imre_sallow.png")
    return try PNGDecoder.decode(Array(Data(contentsOf: file))).fitted(within: PortraitLoader.keptSide)
  }

  /// `sixel2png`, when installed.
  static let sixelDecoder: String? = ["/usr/bin/sixel2png", "/usr/local/bin/sixel2png"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The largest difference of one colour component between two images of one size.
  static func largestDifference(_ image: RGBAImage, _ other: RGBAImage) -> Int {
    var largest = 0
    for offset in stride(from: 0, to: image.pixels.count, by: 4) {
      for channel in 0..<3 {
        largest = max(largest, abs(Int(image.pixels[offset + channel]) - Int(other.pixels[offset + channel])))
      }
    }
    return largest
  }

  @Test(.enabled(if: sixelDecoder != nil, "sixel2png is not installed (apt-get install libsixel-bin): skipped"))
  func sixelDecodesBackToThePortrait() throws {
    let bitmap = try Self.portrait().letterboxed(width: 20 * 10, height: 10 * 20)
    let sixel = SixelEncoder.encode(bitmap)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-sixel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("portrait.six")
    let output = folder.appendingPathComponent("portrait.png")
    try Data(sixel).write(to: input)
    let decoder = Process()
    decoder.executableURL = URL(fileURLWithPath: try #require(Self.sixelDecoder))
    decoder.arguments = ["-i", input.path, "-o", output.path]
    try decoder.run()
    decoder.waitUntilExit()
    #expect(decoder.terminationStatus == 0)
    let decoded = try PNGDecoder.decode(Array(Data(contentsOf: output)))
    #expect(decoded.width == bitmap.width && decoded.height == bitmap.height)
    guard decoded.width == bitmap.width, decoded.height == bitmap.height else { return }
    let registers = SixelEncoder.quantized(bitmap)
    var exact = true
    for pixel in 0..<registers.count {
      let expected = SixelEncoder.colour(ofRegister: Int(registers[pixel]))
      let offset = pixel * 4
      let got = RGBA(red: decoded.pixels[offset], green: decoded.pixels[offset + 1], blue: decoded.pixels[offset + 2])
      if abs(Int(got.red) - Int(expected.red)) > 1 || abs(Int(got.green) - Int(expected.green)) > 1
        || abs(Int(got.blue) - Int(expected.blue)) > 1
      {
        exact = false
        Issue.record("pixel \(pixel % bitmap.width),\(pixel / bitmap.width): decoded \(got), encoded \(expected)")
        break
      }
    }
    #expect(exact)
    #expect(Self.largestDifference(decoded, bitmap) <= 26, "the 6-level cube is at most half a step off")
  }

  @Test func kittyCarriesThePortraitsPixelsExactly() throws {
    let bitmap = try Self.portrait().letterboxed(width: 24 * 10, height: 12 * 20)
    let bytes = KittyEncoder.place(bitmap, id: 7, columns: 24, rows: 12)
    let text = String(decoding: bytes, as: UTF8.self)
    let commands = text.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
    #expect(commands.count > 1, "a picture this size takes several chunks")
    var payload = ""
    for (index, command) in commands.enumerated() {
      #expect(command.hasPrefix("\u{1B}_G"))
      let body = command.dropFirst(3)
      let parts = body.split(separator: ";", maxSplits: 1)
      let keys = Dictionary(
        uniqueKeysWithValues: parts[0].split(separator: ",").map { pair in
          let kv = pair.split(separator: "=", maxSplits: 1)
          return (String(kv[0]), String(kv[1]))
        })
      #expect(keys["m"] == (index == commands.count - 1 ? "0" : "1"))
      if index == 0 {
        #expect(keys["a"] == "T" && keys["f"] == "32" && keys["i"] == "7" && keys["C"] == "1")
        #expect(keys["s"] == "240" && keys["v"] == "240" && keys["c"] == "24" && keys["r"] == "12")
      }
      #expect(parts[1].count <= 4096)
      payload += parts[1]
    }
    let pixels = try #require(Data(base64Encoded: payload))
    #expect(RGBAImage(width: 240, height: 240, pixels: Array(pixels)) == bitmap)
  }

  @Test func letterboxKeepsTheProportionsAndCentres() {
    let red = RGBAImage(width: 2, height: 4, pixels: Array(repeating: [255, 0, 0, 255], count: 8).flatMap { $0 })
    let box = red.letterboxed(width: 8, height: 4)
    #expect(box.width == 8 && box.height == 4)
    #expect(box[x: 0, y: 0] == RGBA(red: 0, green: 0, blue: 0))
    #expect(box[x: 3, y: 0] == RGBA(red: 255, green: 0, blue: 0))
    #expect(box[x: 4, y: 3] == RGBA(red: 255, green: 0, blue: 0))
    #expect(box[x: 6, y: 2] == RGBA(red: 0, green: 0, blue: 0))
  }
}
