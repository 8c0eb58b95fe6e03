import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// Where `asciinema` is, when Debian's `asciinema` package is installed.
let asciinemaTool = ["/usr/bin/asciinema", "/usr/local/bin/asciinema"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// `--record FILE.cast`: asciicast v2 files that asciinema reads and that replay to the display's last frame.
@Suite(
  "Recordings", .serialized, .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: asciinemaTool != nil, "asciinema is not installed (Debian: asciinema)"),
  .enabled(if: TmuxScreen.executable != nil, "tmux is not installed (asciinema cat needs a terminal)"))
struct RecordingTests {
  /// The header and the events of a cast file.
  static func read(_ path: String) throws -> (header: JSONValue, events: [JSONValue]) {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let header = try JSONParser.parse(Array(try #require(lines.first).utf8))
    return (header, try lines.dropFirst().map { try JSONParser.parse(Array($0.utf8)) })
  }

  /// Replays `cast` with `asciinema cat` in a `width` × `height` tmux pane (it needs a terminal) with tmux `options`
  /// until the pane shows what `done` wants; expects `asciinema cat` to succeed and returns the pane's text, and
  /// the text with its colours and attributes once `asciinema cat` ended.
  static func replay(
    _ cast: String, width: Int, height: Int, options: [String] = [], until done: (String) -> Bool
  ) throws -> (text: String, styled: String) {
    let status = cast + ".status"
    let screen = try TmuxScreen(
      ["sh", "-c", "'\(try #require(asciinemaTool))' cat '\(cast)'; echo $? > '\(status)'; sleep 60"], width: width,
      height: height, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"], options: options)
    defer { screen.kill() }
    let shown = try screen.waitFor("the replayed frame", done)
    let code = waitForFile(status)
    #expect(
      code?.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "asciinema cat ended with \(code ?? "nothing")")
    return (shown, try screen.capture(escapes: true))
  }

  /// The contents of the file at `path` once it exists, waiting at most 10 s; nil when it never appears.
  static func waitForFile(_ path: String) -> String? {
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: path), Date() < deadline { usleep(50_000) }
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  /// The rows of `text` without trailing spaces, and without trailing empty rows.
  static func rows(_ text: some StringProtocol) -> [String] {
    var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while rows.last?.isEmpty == true { rows.removeLast() }
    return rows
  }

  @Test("the headless demo records a cast asciinema cat reads; replayed in a terminal it shows the last frame")
  func headlessDemo() throws {
    let folder = try temporaryFolder()
    let cast = folder.appendingPathComponent("demo.cast").path
    let run = try ChildProcess.run([
      "demo", "--headless", "--speed", "20", "--size", "80x24", "--frames", "6", "--record", cast,
    ])
    #expect(run.status == 0, "\(run.err)")
    let (header, events) = try Self.read(cast)
    #expect(header["version"] == .int(2))
    #expect(header["width"] == .int(80))
    #expect(header["height"] == .int(24))
    #expect(events.count == 6)
    let times = events.compactMap { $0.arrayValue?.first?.doubleValue }
    #expect(times.count == 6)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "times must not go back: \(times)")
    #expect(events.allSatisfy { $0.arrayValue?[1] == "o" })

    // The last frame the display printed, as text.
    let frames = run.out.components(separatedBy: "--- frame ")
    let lastFrame = try #require(frames.last).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    let expected = Self.rows(lastFrame.joined(separator: "\n"))
    #expect(expected.count > 5)
    let shown = try Self.replay(cast, width: 80, height: 24) { Self.rows($0) == expected }.text
    #expect(Self.rows(shown) == expected)
  }

  @Test("play --record under curses records the very bytes the terminal was sent; replayed, they show the same pane")
  func cursesPlay() async throws {
    let folder = try temporaryFolder()
    let cast = folder.appendingPathComponent("play.cast").path
    let sent = folder.appendingPathComponent("sent.bytes").path
    let start = folder.appendingPathComponent("start").path
    let exitStatus = folder.appendingPathComponent("status").path
    // tmux ignores the alternate screen, so both panes keep the last frame after curses ends.
    let options = ["set -g alternate-screen off"]
    var live = ""
    try await ServerHarness.with { server in
      // The display starts once tmux pipes the pane's output to `sent`, so that file holds every byte it sent; the
      // pane stays after it ends, showing what it left on the terminal.
      let script = #"while [ ! -e "$1" ]; do sleep 0.05; done; status=$2; shift 2; "$@"; echo $? > "$status"; sleep 60"#
      let screen = try TmuxScreen(
        [
          "sh", "-c", script, "sh", start, exitStatus, try #require(bulkheadExecutable).path, "play", "--server",
          // The picture probe's queries go to the terminal before the relay starts; this test checks curses' bytes.
          server.base, "--images", "off", "--record", cast,
        ],
        width: 90, height: 28,
        environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no"], options: options)
      defer { screen.kill() }
      try screen.pipeOutput(to: sent)
      FileManager.default.createFile(atPath: start, contents: nil)
      try screen.waitFor(text: "MSV Kestrel Dawn")
      _ = try await server.gm("/api/gm/broadcast/", #"{"content":"HULL BREACH DECK 2","priority":"LOW"}"#)
      try screen.waitFor(text: "HULL BREACH DECK 2")
      try screen.send("q")
      let code = Self.waitForFile(exitStatus)
      #expect(code?.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "play ended with \(code ?? "nothing")")
      live = try screen.capture(escapes: true)
    }
    let (header, events) = try Self.read(cast)
    #expect(header["width"] == .int(90))
    #expect(header["height"] == .int(28))
    let recorded = events.filter { $0.arrayValue?[1] == "o" }.compactMap { $0.arrayValue?[2].stringValue }.joined()
    // Byte for byte what the terminal received (tmux's copy is complete once it ends, so wait for it a little).
    let deadline = Date().addingTimeInterval(10)
    var received = ""
    repeat {
      received = (try? String(contentsOfFile: sent, encoding: .utf8)) ?? ""
      if received == recorded { break }
      usleep(100_000)
    } while Date() < deadline
    #expect(
      received.utf8.elementsEqual(recorded.utf8),
      "the cast's \(recorded.utf8.count) bytes differ from the \(received.utf8.count) bytes sent")
    // curses' own output: the alternate screen entered and left, and the cursor addressed to a row and column
    // (a frame-by-frame repaint would only home it).
    #expect(recorded.contains("\u{1B}[?1049h") && recorded.contains("\u{1B}[?1049l"))
    #expect(recorded.contains(/\x1B\[[0-9]+;[0-9]+H/))
    #expect(recorded.contains("HULL BREACH DECK 2"))
    let replayed = try Self.replay(cast, width: 90, height: 28, options: options) {
      Self.rows($0).contains { $0.contains("HULL BREACH DECK 2") }
    }
    #expect(Self.rows(replayed.styled) == Self.rows(live), "the replayed pane differs from the live one")
  }

  @Test("a recording that cannot be created stops the command with its reason")
  func unwritable() throws {
    let run = try ChildProcess.run([
      "play", "--headless", "--frames", "1", "--server", "http://127.0.0.1:9", "--record", "/nonexistent/x.cast",
    ])
    #expect(run.status != 0)
    #expect(run.err.contains("/nonexistent/x.cast"), "\(run.err)")
  }
}
