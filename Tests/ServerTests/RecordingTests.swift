import BulkheadCore
import Foundation
import Testing

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

  /// Replays `cast` with `asciinema cat` in a `width` × `height` tmux pane (it needs a terminal) until the pane
  /// shows what `done` wants; expects `asciinema cat` to succeed and returns the pane's text.
  static func replay(_ cast: String, width: Int, height: Int, until done: (String) -> Bool) throws -> String {
    let status = cast + ".status"
    let screen = try TmuxScreen(
      ["sh", "-c", "'\(try #require(asciinemaTool))' cat '\(cast)'; echo $? > '\(status)'; sleep 60"], width: width,
      height: height, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    defer { screen.kill() }
    let shown = try screen.waitFor("the replayed frame", done)
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: status), Date() < deadline { usleep(50_000) }
    let code = try? String(contentsOfFile: status, encoding: .utf8)
    #expect(
      code?.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "asciinema cat ended with \(code ?? "nothing")")
    return shown
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
    let shown = try Self.replay(cast, width: 80, height: 24) { Self.rows($0) == expected }
    #expect(Self.rows(shown) == expected)
  }

  @Test("play --record under curses records the pane's size and its frames, and replays them")
  func cursesPlay() async throws {
    let cast = try temporaryFolder().appendingPathComponent("play.cast").path
    try await ServerHarness.with { server in
      let screen = try CursesPlayTests.display(server.base, width: 90, height: 28, ["--record", cast])
      defer { screen.kill() }
      try screen.waitFor(text: "MSV Kestrel Dawn")
      _ = try await server.gm("/api/gm/broadcast/", #"{"content":"HULL BREACH DECK 2","priority":"LOW"}"#)
      try screen.waitFor(text: "HULL BREACH DECK 2")
      try screen.send("q")
      let deadline = Date().addingTimeInterval(5)
      while screen.isRunning, Date() < deadline { usleep(50_000) }
    }
    let (header, events) = try Self.read(cast)
    #expect(header["width"] == .int(90))
    #expect(header["height"] == .int(28))
    #expect(events.count >= 2)
    #expect(events.contains { $0.arrayValue?[2].stringValue?.contains("HULL BREACH DECK 2") == true })
    let shown = try Self.replay(cast, width: 90, height: 28) { $0.contains("HULL BREACH DECK 2") }
    #expect(shown.contains("HULL BREACH DECK 2"))
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
