import ArgumentParser
import BulkheadCanvas
import BulkheadClient
import BulkheadTUI
import BulkheadTerminal
import Foundation

/// `bulkhead gm console`: the GM's cockpit — the whole table driven from one terminal.
struct GMConsole: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Drive the shared screen from one terminal: map, tokens, doors, views, broadcasts, CHARON, ship.",
    discussion: """
      Uses the login stored by `bulkhead gm login`; when there is none, or the server refuses it, the console asks \
      for the user and password itself and stores the new token. Press ? in the console for every key. It reads \
      the same stream as the players' screens with failure threshold 2, so its banner comes first.
      """)

  @OptionGroup var target: GMServerOptions

  @Option(help: "The colour theme: amber, phosphor, teal (default), mono, or any NAME.yaml in a themes folder.")
  var theme: String?

  @Flag(help: "Draw with ASCII only, whatever the locale says.")
  var ascii = false

  @Option(help: "Append diagnostics to this file (standard error goes there too while the console draws).")
  var log: String?

  func run() async throws {
    let server = target.baseURL
    let choice = TerminalProbe.choose(TerminalProbe.detect(forceHeadless: false))
    guard choice.screen == .curses else { throw GMFailure.usage("gm console needs a terminal: \(choice.reason)") }
    let chosenTheme = try loadTheme()
    let glyphs = ascii ? GlyphSet.ascii : choice.glyphs
    let palette = chosenTheme.palette(for: choice.colorDepth)
    let stored: Credentials.Login?
    do {
      stored = try Credentials.standard().login(for: server)
    } catch {
      throw GMFailure.refused(error.description)
    }
    let logFile = try log.map(LogFile.init(path:))
    LogFile.keepStandardErrorOffScreen(logFile)
    let session: TerminalSession
    do {
      session = try TerminalSession(palette: palette, kiosk: false, mouse: true)
    } catch {
      throw CLIError(error.description)
    }
    let app = GMConsoleApp(
      configuration: PlayerConfiguration(server: server, role: .gm),
      api: GMConsoleClient(server: server, token: stored?.token), loggedIn: stored != nil,
      output: TerminalOutput(
        session: session, glyphs: glyphs, colorDepth: palette == .monochrome ? .none : choice.colorDepth),
      panels: chosenTheme.boxGlyphs(for: glyphs),
      log: { logFile?.append($0) })
    let reason = await app.run()
    session.close()
    logFile?.append("gm console ended: \(reason)")
    if let signalNumber = DisplayOptions.signalNumber(endingWith: reason) { throw ExitCode(128 + signalNumber) }
  }

  /// The theme `--theme` names, or the default one (the built-in mono theme when the default's file is missing).
  private func loadTheme() throws -> Theme {
    do {
      return try ThemeLibrary.standard().load(named: theme ?? ThemeLibrary.defaultName)
    } catch {
      guard theme == nil, case .unknownTheme = error else { throw GMFailure.usage(error.description) }
      return Theme.builtInMono
    }
  }
}
