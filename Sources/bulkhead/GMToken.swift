import ArgumentParser
import BulkheadClient
import BulkheadCore

/// `bulkhead gm token …`: the tokens on the encounter's current deck.
struct GMToken: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Place, move, remove and mark the tokens on the encounter's map.",
    subcommands: [Place.self, Move.self, Remove.self, Status.self, Clear.self])

  /// `bulkhead gm token place`: POST /api/gm/encounter/place-token/.
  struct Place: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "place", abstract: "Put a new token on the current deck; prints its id.")

    @Option(help: "What it stands for.")
    var type: Token.Kind

    @Option(help: "Its label.")
    var name: String

    @Option(help: "Its grid column.")
    var x: Int

    @Option(help: "Its grid row.")
    var y: Int

    @Option(name: .customLong("image-url"), help: "An image for displays that draw one.")
    var imageURL: String?

    @Option(name: .customLong("room-id"), help: "Its room (default: the room at x, y).")
    var roomID: String?

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(
        .placeToken(Token(type: type, name: name, x: x, y: y, imageURL: imageURL ?? "", roomID: roomID ?? "")))
      options.report(answer, "token \(answer.text("token_id")) placed" + GMToken.whereabouts(answer, "at"))
    }
  }

  /// `bulkhead gm token move`: POST /api/gm/encounter/move-token/.
  struct Move: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a token.")

    @Option(name: .customLong("token-id"), help: "The token.")
    var tokenID: String

    @Option(help: "The new grid column.")
    var x: Int

    @Option(help: "The new grid row.")
    var y: Int

    @Option(name: .customLong("room-id"), help: "Its new room (default: the room at x, y).")
    var roomID: String?

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.moveToken(id: tokenID, x: x, y: y, roomID: roomID))
      options.report(answer, "token \(answer.text("token_id")) moved" + GMToken.whereabouts(answer, "to"))
    }
  }

  /// `bulkhead gm token remove`: POST /api/gm/encounter/remove-token/.
  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take a token off the map.")

    @Option(name: .customLong("token-id"), help: "The token.")
    var tokenID: String

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.removeToken(id: tokenID))
      options.report(answer, "token \(UntrustedText.sanitize(tokenID)) removed")
    }
  }

  /// `bulkhead gm token status`: POST /api/gm/encounter/update-token-status/.
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status", abstract: "Replace a token's statuses (wounded, dead, panicked, …).")

    @Option(name: .customLong("token-id"), help: "The token.")
    var tokenID: String

    @Option(help: "A status; repeat it or separate statuses with commas.")
    var status: [String] = []

    @Flag(help: "Clear every status.")
    var none = false

    @OptionGroup var options: GMWriteOptions

    func validate() throws {
      guard status.isEmpty == none else { throw ValidationError("give either --status or --none") }
    }

    func run() async throws {
      let statuses = status.flatMap { $0.split(separator: ",") }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      let client = try GMClient(options)
      let answer = try await client.send(.updateTokenStatus(id: tokenID, status: statuses))
      let id = answer["token_id"]?.stringValue ?? tokenID
      let now = (answer["tokens"]?[id]?["status"]?.arrayValue ?? []).compactMap(\.stringValue)
      let list = now.isEmpty ? "none" : now.map { UntrustedText.sanitize($0) }.joined(separator: ", ")
      options.report(answer, "token \(UntrustedText.sanitize(id)) status: \(list)")
    }
  }

  /// `bulkhead gm token clear`: POST /api/gm/encounter/clear-tokens/.
  struct Clear: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clear", abstract: "Remove every token of the encounter's location.")

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.clearTokens)
      options.report(answer, "tokens cleared")
    }
  }

  /// " <preposition> X,Y in ROOM" for the token an answer names.
  static func whereabouts(_ answer: JSONValue, _ preposition: String) -> String {
    guard let id = answer["token_id"]?.stringValue, let token = answer["tokens"]?[id] else { return "" }
    let room = token.text("room_id")
    return " \(preposition) \(token.text("x")),\(token.text("y"))" + (room.isEmpty ? "" : " in \(room)")
  }
}
