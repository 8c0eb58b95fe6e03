import Foundation
import Testing

@testable import TestSupport

/// `bulkhead play --kiosk` as the `ForceCommand` of a real sshd, reached with `ssh -tt` from a detached tmux: what a
/// player at a public screen gets, and all they get.
@Suite(
  "Kiosk over SSH", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: TmuxScreen.executable != nil, "tmux is not installed (apt-get install tmux)"),
  .enabled(
    if: SSHKiosk.tools != nil,
    "OpenSSH is missing and could not be installed (as root: apt-get install openssh-server openssh-client)"))
struct KioskTests {
  @Test("the login shows the display, survives ^C ^Z ^\\ and q without a shell, follows the GM, ends with the client")
  func kioskOverSSH() async throws {
    try await ServerHarness.with { server in
      let folder = try temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let log = folder.appendingPathComponent("kiosk.log").path
      let executable = try #require(bulkheadExecutable).path
      let kiosk = try SSHKiosk(
        folder: folder, command: [executable, "play", "--kiosk", "--server", server.base, "--log", log])
      defer { kiosk.stop() }
      let screen = try TmuxScreen(
        kiosk.clientCommand, width: 100, height: 30, environment: ["TERM": "tmux-256color"])
      defer { screen.kill() }

      let standby = try screen.waitFor("the standby screen") {
        $0.contains("STANDBY") && $0.contains("MSV Kestrel Dawn")
      }
      #expect(standby.contains("┌"), "SetEnv LANG=C.UTF-8 gives the session a UTF-8 locale: box drawing")
      let displays = SSHKiosk.processes(withArgument: log)
      #expect(displays.count == 1, "one display process for the session: \(displays)")
      let display = try #require(displays.first)
      let environment = SSHKiosk.environment(of: display)
      #expect(environment.contains("SWIFT_BACKTRACE=enable=no"))
      #expect(environment.contains("LANG=C.UTF-8"))

      for key in ["C-c", "C-z", "C-\\", "q"] { try screen.send(key) }
      try await Task.sleep(for: .seconds(1))
      let afterKeys = try screen.capture()
      #expect(afterKeys.contains("STANDBY") && afterKeys.contains("MSV Kestrel Dawn"), "\(afterKeys)")
      #expect(Self.promptLines(afterKeys).isEmpty, "a shell prompt appeared:\n\(afterKeys)")
      #expect(screen.isRunning, "the ssh session must stay open")
      #expect(["S", "R"].contains(SSHKiosk.state(of: display)), "the display must run on (not stopped, not ended)")
      #expect(SSHKiosk.processes(withArgument: log) == [display], "the same display, not a new one")

      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let encounter = try screen.waitFor(text: "DECK 1/2")
      #expect(!encounter.contains("STANDBY"))
      #expect(Self.promptLines(encounter).isEmpty, "a shell prompt appeared:\n\(encounter)")

      let client = try screen.panePID()
      let killed = Date()
      kill(client, SIGKILL)
      while !CursesPlayTests.hasExited(display), Date().timeIntervalSince(killed) < 10 { usleep(5_000) }
      let seconds = Date().timeIntervalSince(killed)
      #expect(
        CursesPlayTests.hasExited(display),
        "the display still runs \(seconds) s after its ssh client was killed; sshd log:\n\(kiosk.daemonLog())")
    }
  }

  @Test("ssh -T (no terminal) is refused at once: the message reaches the client, and ssh exits non-zero")
  func kioskWithoutTerminalOverSSH() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("kiosk.log").path
    let executable = try #require(bulkheadExecutable).path
    // No server listens there: a display that ran instead of refusing would retry it until killed below.
    let kiosk = try SSHKiosk(
      folder: folder, command: [executable, "play", "--kiosk", "--server", "http://127.0.0.1:9", "--log", log])
    defer { kiosk.stop() }
    let outPath = folder.appendingPathComponent("ssh.out").path
    let errPath = folder.appendingPathComponent("ssh.err").path
    // posix_spawn and waitpid, not Process: the client must be reaped by this test whatever else runs.
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let command = kiosk.clientCommandWithoutTerminal
    let argv = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var client: pid_t = 0
    #expect(posix_spawn(&client, command[0], &actions, nil, argv, environ) == 0)
    var status: Int32 = 0
    let started = Date()
    var reaped = false
    while !reaped, Date().timeIntervalSince(started) < 20 {
      reaped = waitpid(client, &status, WNOHANG) == client
      if !reaped { usleep(20_000) }
    }
    let stillRunning = !reaped
    if stillRunning {
      kill(client, SIGKILL)
      waitpid(client, &status, 0)
    }
    let exitStatus = (status >> 8) & 0xFF
    let said = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    let printed = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    #expect(!stillRunning, "the kiosk session still ran 20 s after an ssh -T login; it printed:\n\(printed)")
    #expect(exitStatus != 0, "ssh -T to the kiosk must fail; it printed:\n\(printed)")
    #expect(said.contains("kiosk needs a terminal: ssh -t"), "what the client saw on stderr: \(said)")
    #expect(!printed.contains("--- frame"), "no headless frames: \(printed)")
    let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    #expect(logged.contains("display refused: kiosk needs a terminal"), "the kiosk's log: \(logged)")
  }

  /// The lines of `text` that end like a shell prompt (`$` or `#`).
  static func promptLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return trimmed.hasSuffix("$") || trimmed.hasSuffix("#")
    }
  }
}
