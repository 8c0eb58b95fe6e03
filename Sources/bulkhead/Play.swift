import ArgumentParser
import BulkheadCanvas
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

  @Option(
    help: ArgumentHelp(
      "The server's base URL (default http://127.0.0.1:8000).",
      discussion: "Repeat it for the servers of a cluster: the display moves to the next one when its server fails."))
  var server: [String] = []

  private var servers: [String] { server.isEmpty ? ["http://127.0.0.1:8000"] : server }

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

  @OptionGroup var trust: TrustOptions

  func validate() throws {
    for url in servers where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
      throw ValidationError("--server must start with http:// or https://: \(url)")
    }
    if let failureThreshold, failureThreshold < 1 {
      throw ValidationError("--failure-threshold must be at least 1")
    }
  }

  func run() async throws {
    var configuration = PlayerConfiguration(server: servers[0], role: role, failureThreshold: failureThreshold)
    configuration.fallbackServers = Array(servers.dropFirst())
    configuration.allowsQuit = !kiosk
    _ = try await display.run(configuration, kiosk: kiosk)
  }
}

extension PlayerModel.Role: ExpressibleByArgument {}
