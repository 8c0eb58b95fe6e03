import ArgumentParser

/// `bulkhead`: the push server, its accounts, and (later) the player display.
@main
struct Bulkhead: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulkhead",
    abstract: "A live player display for tabletop sci-fi horror sessions.",
    subcommands: [Serve.self, Accounts.self, Tap.self])
}
