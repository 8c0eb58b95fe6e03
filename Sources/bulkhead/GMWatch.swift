import ArgumentParser
import BulkheadClient

/// `bulkhead gm watch`: the GM's monitor, which is `bulkhead play --role gm`.
struct GMWatch: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "The GM's monitor: the shared screen with fogged rooms dim and room, door and token ids.",
    discussion: """
      The same as `bulkhead play --role gm`, and it takes the options of `bulkhead play` (--server, --theme, \
      --headless, --size, --frames, …) except --role.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Options of `bulkhead play`.")
  var playOptions: [String] = []

  func run() async throws {
    if playOptions.contains(where: { $0 == "--role" || $0.hasPrefix("--role=") }) {
      throw GMFailure.usage("gm watch is always --role gm: leave --role out")
    }
    let display: Play
    do {
      display = try Play.parse(["--role", "gm"] + playOptions)
    } catch {
      guard Play.exitCode(for: error) == .success else { throw GMFailure.usage(Play.fullMessage(for: error)) }
      print("bulkhead gm watch is `bulkhead play --role gm`; it takes these options but --role.\n")
      print(Play.fullMessage(for: error))
      return
    }
    try await display.run()
  }
}
