import ArgumentParser
import BulkheadServer

/// `bulkhead`: the push server, the player display, accounts and tools.
@main
struct Bulkhead: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulkhead",
    abstract: "A live player display for tabletop sci-fi horror sessions.",
    version: BuildInfo.version,
    subcommands: [Serve.self, Play.self, Demo.self, GM.self, Accounts.self, Session.self, Tap.self, Bench.self])

  /// Runs the command the arguments name. `bulkhead gm …` goes to ``GM`` as it comes, which parses it with its own
  /// exit statuses; ``GM`` lists the gm commands only so that help, completions and the man page show them.
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      if arguments.first == "gm" {
        var gm = GM()
        gm.arguments = Array(arguments.dropFirst())
        try await gm.run()
        return
      }
      var command = try parseAsRoot(arguments)
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}
