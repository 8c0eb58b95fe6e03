import ArgumentParser
import BulkheadTUI

/// `bulkhead play`: the player display.
struct Play: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the live active view: the players' screen (or the GM's monitor with --role gm).",
    discussion: """
      On a terminal it draws with curses (q quits, Ctrl-L repaints). With --headless, or when the terminal \
      cannot be used (not a TTY, TERM unset, unknown or without cursor addressing), it prints each changed frame \
      as text after a line "--- frame N <reason> <UTC time> ---".
      """)

  @Option(help: "The server's base URL.")
  var server = "http://127.0.0.1:8000"

  @Option(help: "Whose view: player or gm (the GM sees fogged rooms dim and hears of trouble sooner).")
  var role: PlayerModel.Role = .player

  @Option(
    name: .customLong("failure-threshold"),
    help: "Consecutive connection failures before the banner shows (default: player 5, gm 2).")
  var failureThreshold: Int?

  @Flag(
    help: """
      Kiosk mode for a public screen: Ctrl-C, Ctrl-\\ and Ctrl-Z do nothing and there is no quit key. Needs a \
      terminal: without one (ssh -T, or ssh with a command) it refuses at once with a non-zero exit.
      """)
  var kiosk = false

  @OptionGroup var display: DisplayOptions

  func validate() throws {
    guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
      throw ValidationError("--server must start with http:// or https://")
    }
    if let failureThreshold, failureThreshold < 1 {
      throw ValidationError("--failure-threshold must be at least 1")
    }
  }

  func run() async throws {
    var configuration = PlayerConfiguration(server: server, role: role, failureThreshold: failureThreshold)
    configuration.allowsQuit = !kiosk
    _ = try await display.run(configuration, kiosk: kiosk)
  }
}

extension PlayerModel.Role: ExpressibleByArgument {}
