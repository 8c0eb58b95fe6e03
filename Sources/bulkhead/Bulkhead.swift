import ArgumentParser

/// `bulkhead`: the push server, the player display, accounts and tools.
@main
struct Bulkhead: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulkhead",
    abstract: "A live player display for tabletop sci-fi horror sessions.",
    subcommands: [Serve.self, Play.self, Demo.self, GM.self, Accounts.self, Session.self, Tap.self, Bench.self])
}
