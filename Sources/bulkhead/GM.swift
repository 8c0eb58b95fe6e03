import ArgumentParser
import BulkheadClient
import Foundation

/// `bulkhead gm …`: the GM's controls from the shell.
///
/// ArgumentParser ends a usage error with status 64; the gm commands promise 0 done, 1 refused, 2 usage,
/// 3 unreachable. So this command takes its arguments as they come and parses them with ``GMCommands``,
/// turning every usage error into status 2 and every ``GMFailure`` into its own status.
struct GM: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gm",
    abstract: "The GM's controls: log in, change the shared screen, watch it.",
    discussion: """
      Run `bulkhead gm --help` for the list of commands and `bulkhead gm COMMAND --help` for a command's options. \
      Exit status: 0 done, 1 refused (the server's message is printed), 2 usage, 3 cannot reach the server.
      """,
    subcommands: GMCommands.configuration.subcommands)

  @Argument(parsing: .captureForPassthrough, help: .hidden)
  var arguments: [String] = []

  func run() async throws {
    let command: any ParsableCommand
    do {
      command = try GMCommands.parseAsRoot(arguments)
    } catch {
      let status = GMCommands.exitCode(for: error)
      let message = GMCommands.fullMessage(for: error)
      guard status == .success else { throw Self.usageExit(message) }
      print(message)
      return
    }
    do {
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        var synchronous = command
        try synchronous.run()
      }
    } catch let failure as GMFailure {
      throw Self.exit(failure)
    } catch let exit as CleanExit {
      // A command group without its subcommand: show what it offers.
      throw Self.usageExit(GMCommands.fullMessage(for: exit))
    }
  }

  /// Writes the failure's message to standard error and returns its exit status to throw.
  private static func exit(_ failure: GMFailure) -> ExitCode {
    FileHandle.standardError.write(Data("bulkhead gm: \(failure.description)\n".utf8))
    return ExitCode(failure.status)
  }

  /// Writes ArgumentParser's `message` (its error, help and usage) to standard error; returns status 2 to throw.
  private static func usageExit(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    return ExitCode(2)
  }
}

/// The tree of gm commands, parsed by ``GM``.
struct GMCommands: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulkhead gm",
    abstract: "The GM's controls: log in, change the shared screen, watch it.",
    discussion: "Exit status: 0 done, 1 refused (the server's message is printed), 2 usage, 3 cannot reach the server.",
    subcommands: [
      GMLogin.self, GMLogout.self, GMWatch.self, GMConsole.self, GMView.self, GMShowTerminal.self,
      GMHideTerminal.self, GMBroadcast.self, GMCharon.self, GMLevel.self, GMReveal.self, GMHide.self, GMDoor.self,
      GMToken.self, GMPortrait.self, GMShip.self,
    ])
}
