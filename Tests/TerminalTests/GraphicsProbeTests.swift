import BulkheadCanvas
import Foundation
import Glibc
import Testing

@testable import BulkheadTerminal

/// Asking the terminal about pictures over a real pty, the test playing the terminal: it reads the queries and
/// answers as a sixel terminal, as kitty, or not at all.
struct GraphicsProbeTests {
  /// Runs the probe on the slave side of a new pty while `terminal` plays the terminal on the master side.
  static func probe(timeout: Duration = .milliseconds(400), terminal: @escaping @Sendable (Int32) -> Void) throws
    -> GraphicsProbe.Answer
  {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw ProbeTestError.noPty }
    defer {
      close(master)
      close(slave)
    }
    let player = Thread { [master] in terminal(master) }
    player.start()
    return GraphicsProbe.ask(input: slave, output: slave, timeout: timeout)
  }

  enum ProbeTestError: Error { case noPty }

  /// Reads from the master side until the whole query has arrived (or 2 s pass); returns what arrived.
  static func readQuery(_ master: Int32) -> [UInt8] {
    var got: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    let deadline = Date().addingTimeInterval(2)
    while got.count < GraphicsProbe.query.count, Date() < deadline {
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 100) > 0 else { continue }
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      got += buffer[0..<count]
    }
    return got
  }

  static func answer(_ master: Int32, _ text: String) {
    _ = GraphicsProbe.writeAll(Array(text.utf8), to: master)
  }

  @Test func aSixelTerminalSaysSoInDA1() throws {
    let heard = LockedBytes()
    let answer = try Self.probe { master in
      heard.set(Self.readQuery(master))
      Self.answer(master, "\u{1B}[6;20;10t\u{1B}[?63;1;2;4;6;9;15;22c")
    }
    #expect(heard.get() == GraphicsProbe.query, "the terminal got the kitty query, the cell-size query and DA1")
    #expect(answer == GraphicsProbe.Answer(answered: true, sixel: true, kitty: false, cellSize: (10, 20)))
    #expect(ImagesChoice.auto.graphics(for: answer) == .sixel)
  }

  @Test func aKittyTerminalAnswersTheGraphicsQuery() throws {
    let answer = try Self.probe { master in
      _ = Self.readQuery(master)
      Self.answer(master, "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;22c")
    }
    #expect(answer == GraphicsProbe.Answer(answered: true, sixel: false, kitty: true))
    #expect(ImagesChoice.auto.graphics(for: answer) == .kitty)
  }

  @Test func aTerminalWithoutPicturesGetsHalfBlocks() throws {
    let answer = try Self.probe { master in
      _ = Self.readQuery(master)
      Self.answer(master, "\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}[?1;2c")
    }
    #expect(answer == GraphicsProbe.Answer(answered: true))
    #expect(ImagesChoice.auto.graphics(for: answer) == nil)
  }

  @Test func aSilentTerminalFallsBackAfterTheTimeout() throws {
    let started = ContinuousClock.now
    let answer = try Self.probe(timeout: .milliseconds(200)) { master in _ = Self.readQuery(master) }
    #expect(answer == GraphicsProbe.Answer())
    #expect(ContinuousClock.now - started < .seconds(5), "the probe gives up instead of waiting on")
    #expect(ImagesChoice.auto.graphics(for: answer) == nil)
    #expect(ImagesChoice.sixel.graphics(for: answer) == .sixel, "--images sixel draws whatever the answer")
    #expect(ImagesChoice.off.graphics(for: GraphicsProbe.Answer(answered: true, sixel: true, kitty: true)) == nil)
  }

  @Test func repliesSplitAcrossReadsAreReadWhole() {
    let whole = Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?64;4c".utf8)
    #expect(GraphicsProbe.parse(Array(whole.prefix(9))).answered == false)
    #expect(GraphicsProbe.parse(whole) == GraphicsProbe.Answer(answered: true, sixel: true, kitty: true))
  }
}

/// Bytes shared between the test and the thread playing the terminal.
final class LockedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes: [UInt8] = []

  func set(_ new: [UInt8]) { lock.withLock { bytes = new } }
  func get() -> [UInt8] { lock.withLock { bytes } }
}
