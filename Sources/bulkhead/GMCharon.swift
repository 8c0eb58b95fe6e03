import ArgumentParser
import BulkheadClient
import BulkheadCore

/// `bulkhead gm charon …`: the ship's AI terminal.
struct GMCharon: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "charon",
    abstract: "Drive CHARON: its mode, its location, its messages, its dialog.",
    subcommands: [Mode.self, Location.self, Send.self, Dialog.self])

  /// `bulkhead gm charon mode`: POST /api/gm/charon/mode/.
  struct Mode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mode", abstract: "DISPLAY shows CHARON's messages; QUERY lets the players ask.")

    @Option(help: "The mode.")
    var mode: CharonMode

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.setCharonMode(mode))
      options.report(answer, "CHARON mode \(answer.text("mode"))")
    }
  }

  /// `bulkhead gm charon location`: POST /api/gm/charon/location/.
  struct Location: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "location", abstract: "Set the location CHARON speaks from (an empty path clears it).")

    @Option(name: .customLong("location-path"), help: "The location's path, e.g. haldens-reach/kestrel_dawn.")
    var locationPath: String

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.setCharonLocation(locationPath))
      let path = answer.text("location_path")
      options.report(answer, path.isEmpty ? "CHARON location cleared" : "CHARON location \(path)")
    }
  }

  /// `bulkhead gm charon send`: POST /api/gm/charon/send/.
  struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "send", abstract: "Add a CHARON message to the active channel's conversation.")

    @Option(help: "The message.")
    var content: String

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.sendCharonMessage(content))
      options.report(answer, "CHARON message \(answer.text("message_id")) sent on channel \(answer.text("channel"))")
    }
  }

  /// `bulkhead gm charon dialog`: POST /api/gm/charon/toggle-dialog/.
  struct Dialog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dialog", abstract: "Open or close the CHARON dialog on the shared screen (toggle without a flag).")

    /// What to do with the dialog.
    enum Change: EnumerableFlag {
      case open, close
    }

    @Flag(help: "Open or close it.")
    var change: Change?

    @OptionGroup var options: GMWriteOptions

    func run() async throws {
      let client = try GMClient(options)
      let answer = try await client.send(.toggleCharonDialog(open: change.map { $0 == .open }))
      options.report(answer, "CHARON dialog \(answer["charon_dialog_open"]?.boolValue == true ? "open" : "closed")")
    }
  }
}
