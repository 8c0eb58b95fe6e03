import BulkheadCanvas
import BulkheadTerminal
import Foundation
import Testing

@testable import BulkheadTUI
@testable import TestSupport

/// The curses display on a pty the test plays as the terminal: asked, it answers as a sixel or a kitty terminal, or
/// stays silent; what the display writes is decoded back to pixels and compared with the portrait.
@Suite(
  "Portraits as pictures", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct PortraitPictureTests {
  /// The display's question ends with DA1.
  static let deviceAttributes = "\u{1B}[c"
  /// The cell size the test terminal claims.
  static let cell = (width: 10, height: 20)

  /// Imre Sallow's portrait as the display keeps it.
  static func portrait() throws -> RGBAImage {
    let file = demoCampaign.root.appendingPathComponent("campaign/NPCs/images/imre_sallow.png")
    return try PNGDecoder.decode(Array(Data(contentsOf: file))).fitted(within: PortraitLoader.keptSide)
  }

  /// Opens the encounter with Imre Sallow's card on `server` and starts the display on a pty that answers the
  /// display's question with `reply` (none: silent); returns the terminal once the question was asked.
  static func display(_ server: ServerHarness, reply: String?, log: String) async throws -> PlayerTerminal {
    _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
    _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"imre_sallow"}"#)
    let terminal = try PlayerTerminal(["play", "--server", server.base, "--log", log])
    let asked = terminal.read(for: 10) { PlayerTerminal.contains($0, deviceAttributes) }
    #expect(asked, "the display asks the terminal (DA1) before drawing")
    if let reply { terminal.answer(reply) }
    return terminal
  }

  @Test("a sixel terminal gets the portrait as sixel, decoded back to the portrait; it goes with its card")
  func sixel() async throws {
    let decoder = try #require(
      ["/usr/bin/sixel2png", "/usr/local/bin/sixel2png"].first { FileManager.default.isExecutableFile(atPath: $0) },
      "sixel2png is not installed (apt-get install libsixel-bin)")
    try await ServerHarness.with { server in
      let folder = try temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let terminal = try await Self.display(
        server, reply: "\u{1B}[6;\(Self.cell.height);\(Self.cell.width)t\u{1B}[?62;4;22c",
        log: folder.appendingPathComponent("play.log").path)
      defer { terminal.end() }
      let drawn = terminal.read(for: 20) { !PlayerTerminal.strings(introducedBy: "P", in: $0).isEmpty }
      #expect(drawn, "a sixel picture was written")
      let sixel = try #require(PlayerTerminal.strings(introducedBy: "P", in: terminal.output).first)
      let input = folder.appendingPathComponent("portrait.six")
      let output = folder.appendingPathComponent("portrait.png")
      try Data(sixel).write(to: input)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: decoder)
      process.arguments = ["-i", input.path, "-o", output.path]
      try process.run()
      process.waitUntilExit()
      let decoded = try PNGDecoder.decode(Array(Data(contentsOf: output)))
      #expect(decoded.width % Self.cell.width == 0 && decoded.height % Self.cell.height == 0, "whole cells")
      let expected = try Self.portrait().letterboxed(width: decoded.width, height: decoded.height)
      var largest = 0
      for offset in stride(from: 0, to: expected.pixels.count, by: 4) {
        for channel in 0..<3 {
          largest = max(largest, abs(Int(decoded.pixels[offset + channel]) - Int(expected.pixels[offset + channel])))
        }
      }
      #expect(largest <= 26, "every pixel within half a step of the sixel colour cube")

      let before = terminal.output.count
      _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"imre_sallow"}"#)
      terminal.read(for: 3)
      let after = Array(terminal.output[before...])
      #expect(PlayerTerminal.strings(introducedBy: "P", in: after).isEmpty, "no picture once the card is gone")
      #expect(!PlayerTerminal.contains(after, "Captain Imre Sallow"))
      let log = (try? String(contentsOf: folder.appendingPathComponent("play.log"), encoding: .utf8)) ?? ""
      #expect(log.contains("portraits: sixel"), "\(log)")
    }
  }

  @Test("a kitty terminal gets the portrait's exact pixels; the pictures are deleted on exit")
  func kitty() async throws {
    try await ServerHarness.with { server in
      let folder = try temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let terminal = try await Self.display(
        server, reply: "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;\(Self.cell.height);\(Self.cell.width)t\u{1B}[?62;22c",
        log: folder.appendingPathComponent("play.log").path)
      let drawn = terminal.read(for: 20) { PlayerTerminal.contains($0, "\u{1B}_Ga=T,f=32") }
      #expect(drawn, "a kitty picture was written")
      terminal.read(for: 1)
      terminal.end()
      let commands = PlayerTerminal.strings(introducedBy: "_", in: terminal.output).map {
        String(decoding: $0.dropFirst(3).dropLast(2), as: UTF8.self)
      }
      let first = try #require(commands.firstIndex { $0.hasPrefix("a=T,") })
      let keys = Dictionary(
        uniqueKeysWithValues: commands[first].split(separator: ";")[0].split(separator: ",").map {
          (String($0.split(separator: "=")[0]), String($0.split(separator: "=")[1]))
        })
      var payload = ""
      for command in commands[first...] {
        let parts = command.split(separator: ";", maxSplits: 1)
        payload += parts.count > 1 ? parts[1] : ""
        if parts[0].hasSuffix("m=0") { break }
      }
      let width = try #require(keys["s"].flatMap { Int($0) })
      let height = try #require(keys["v"].flatMap { Int($0) })
      let columns = try #require(keys["c"].flatMap { Int($0) })
      let rows = try #require(keys["r"].flatMap { Int($0) })
      #expect(width == columns * Self.cell.width && height == rows * Self.cell.height)
      let pixels = try #require(Data(base64Encoded: payload))
      let expected = try Self.portrait().letterboxed(width: width, height: height)
      #expect(RGBAImage(width: width, height: height, pixels: Array(pixels)) == expected)
      #expect(commands.last == "a=d,d=A,q=2", "every picture deleted on the way out")
    }
  }

  @Test("a terminal that does not answer keeps the half blocks, after a short wait")
  func silentTerminal() async throws {
    try await ServerHarness.with { server in
      let folder = try temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let log = folder.appendingPathComponent("play.log").path
      let terminal = try await Self.display(server, reply: nil, log: log)
      defer { terminal.end() }
      let drawn = terminal.read(for: 20) { PlayerTerminal.contains($0, "Captain Imre Sallow") }
      #expect(drawn)
      terminal.read(for: 1)
      #expect(PlayerTerminal.contains(terminal.output, "▀"), "the portrait in half blocks")
      #expect(PlayerTerminal.strings(introducedBy: "P", in: terminal.output).isEmpty, "no sixel")
      let kitty = PlayerTerminal.strings(introducedBy: "_", in: terminal.output)
      #expect(kitty.count == 1, "only the question itself, no picture")
      let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      #expect(logged.contains("portraits: half blocks") && logged.contains("did not answer"), "\(logged)")
    }
  }
}
