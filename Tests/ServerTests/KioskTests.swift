import Foundation
import Testing

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

  /// The lines of `text` that end like a shell prompt (`$` or `#`).
  static func promptLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return trimmed.hasSuffix("$") || trimmed.hasSuffix("#")
    }
  }
}
