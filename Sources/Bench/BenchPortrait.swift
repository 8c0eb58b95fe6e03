import BulkheadCanvas
import BulkheadCore
import BulkheadTUI
import Foundation

/// The portrait figures: decoding a 512×512 PNG and drawing it into a 24×12-cell card's picture.
public enum BenchPortrait {
  /// The 512×512 PNG measured: the fixture campaign's first portrait when the fixtures are there, else `nil`.
  public static func fixturePNG() -> (name: String, bytes: [UInt8])? {
    guard let folder = BenchEncounter.fixtureFolder() else { return nil }
    let file = folder.appendingPathComponent("campaign/NPCs/images/lucia_vance.png")
    guard let data = try? Data(contentsOf: file) else { return nil }
    return ("fixture lucia_vance.png", Array(data))
  }

  /// A 512×512 RGB image with a gradient and a disc, for machines without the fixtures.
  public static func generatedImage() -> RGBAImage {
    var pixels = [UInt8](repeating: 255, count: 512 * 512 * 4)
    for y in 0..<512 {
      for x in 0..<512 {
        let offset = (y * 512 + x) * 4
        let inDisc = (x - 256) * (x - 256) + (y - 220) * (y - 220) < 150 * 150
        pixels[offset] = UInt8(x / 2)
        pixels[offset + 1] = inDisc ? 200 : UInt8(y / 2)
        pixels[offset + 2] = inDisc ? 160 : 90
      }
    }
    return RGBAImage(width: 512, height: 512, pixels: pixels)
  }

  /// Decode time of the fixture PNG (when present), and the time to draw the 512×512 image into 24×12 cells in
  /// half blocks at 256 colours and as the ASCII ramp.
  public static func figures(runs: Int) throws -> [BenchFigure] {
    var figures: [BenchFigure] = []
    var image = generatedImage()
    var source = "generated 512x512"
    if let png = fixturePNG() {
      var decoded: RGBAImage?
      let durations = BenchSuite.time(max(1, runs / 10)) { _ in decoded = try? PNGDecoder.decode(png.bytes) }
      guard let decoded, decoded.width == 512, decoded.height == 512 else {
        throw BenchError("the fixture portrait \(png.name) did not decode to 512x512")
      }
      image = decoded
      source = png.name
      figures.append(
        BenchFigure(
          key: "portrait.decode", label: "PNG decode, \(png.name) 512x512 RGB (\(png.bytes.count) B)", unit: "ms",
          durations: durations, counts: ["png_bytes": png.bytes.count]))
    }
    let area = Rect(x: 0, y: 0, width: 24, height: 12)
    for (key, mode, name) in [
      ("portrait.half_blocks", PortraitMode.halfBlocks(.full), "256-colour half blocks"),
      ("portrait.ramp", PortraitMode.ramp(.none), "ASCII ramp"),
    ] {
      let painter = PortraitPainter(mode: mode)
      var drawn = 0
      let durations = BenchSuite.time(runs) { _ in
        var canvas = Canvas(width: 24, height: 12)
        painter.draw(image, into: &canvas, area: area)
        drawn = TextScreen.plain(canvas).filter { $0 != " " && $0 != "\n" }.count
      }
      guard drawn > 0 else { throw BenchError("the portrait drew nothing in \(name)") }
      figures.append(
        BenchFigure(
          key: key, label: "portrait \(source) into 24x12 cells, \(name)", unit: "µs", durations: durations,
          counts: ["cells_drawn": drawn]))
    }
    return figures
  }

  /// The portraits of `model`'s active NPCs from `campaign`'s folder, decoded as the display keeps them.
  public static func portraits(of model: PlayerModel, campaign: Campaign) throws -> [String: PortraitArt] {
    var portraits: [String: PortraitArt] = [:]
    for id in model.payload?.encounterActivePortraits ?? [] {
      guard let source = model.payload?.encounterNPCData[id].flatMap(PortraitSource.init), !source.isText else {
        continue
      }
      let file = campaign.root.appendingPathComponent(String(source.path.dropFirst("/data/".count)))
      guard let data = try? Data(contentsOf: file) else { throw BenchError("cannot read the portrait \(file.path)") }
      portraits[source.path] = .image(try PNGDecoder.decode(Array(data)).fitted(within: 256))
    }
    return portraits
  }
}
