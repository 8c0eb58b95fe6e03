import ArgumentParser
import BulkheadTUI
import Foundation

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

  @Option(help: "The colour theme: amber, phosphor, teal, mono, or any NAME.yaml in a themes folder.")
  var theme = "teal"

  @Flag(help: "Print frames as text instead of drawing on the terminal.")
  var headless = false

  @Option(help: "The headless frame size, WIDTHxHEIGHT.")
  var size = "100x30"

  @Flag(help: "Headless frames with ANSI colour sequences.")
  var ansi = false

  @Option(help: "Exit after this many headless frames.")
  var frames: Int?

  @Flag(help: "Draw with ASCII only, whatever the locale says.")
  var ascii = false

  @Option(
    help: "Append diagnostics to this file (a curses display drops them without it); curses sends stderr there too.")
  var log: String?

  @Flag(help: "Kiosk mode for a public screen: Ctrl-C, Ctrl-\\ and Ctrl-Z do nothing and there is no quit key.")
  var kiosk = false

  func validate() throws {
    guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
      throw ValidationError("--server must start with http:// or https://")
    }
    if let failureThreshold, failureThreshold < 1 {
      throw ValidationError("--failure-threshold must be at least 1")
    }
    if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
    _ = try headlessSize()
  }

  /// `--size` as a width and a height.
  func headlessSize() throws -> (width: Int, height: Int) {
    let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      (1...1000).contains(width), (1...1000).contains(height)
    else {
      throw ValidationError("--size must be WIDTHxHEIGHT with each between 1 and 1000, e.g. 100x30")
    }
    return (width, height)
  }

  func run() async throws {
    let chosenTheme: Theme
    do {
      chosenTheme = try ThemeLibrary.standard().load(named: theme)
    } catch {
      throw CLIError(error.description)
    }
    let choice = TerminalProbe.choose(TerminalProbe.detect(forceHeadless: headless))
    let glyphs = ascii ? GlyphSet.ascii : choice.glyphs
    let palette = chosenTheme.palette(for: choice.colorDepth)
    var configuration = PlayerConfiguration(server: server, role: role, failureThreshold: failureThreshold)
    configuration.allowsQuit = !kiosk
    let api = HTTPJSONClient(server: configuration.server)
    let logFile = try log.map(LogFile.init(path:))
    if choice.screen == .curses {
      logFile?.captureStandardError()
      let session: TerminalSession
      do {
        session = try TerminalSession(palette: palette, kiosk: kiosk)
      } catch {
        throw CLIError(error.description)
      }
      let app = PlayerApp(
        configuration: configuration, api: api, output: TerminalOutput(session: session, glyphs: glyphs),
        panels: chosenTheme.boxGlyphs(for: glyphs), log: { logFile?.append($0) })
      let reason = await app.run()
      session.close()
      logFile?.append("display ended: \(reason)")
      return
    }
    if !headless { FileHandle.standardError.write(Data("bulkhead play: headless: \(choice.reason)\n".utf8)) }
    let (width, height) = try headlessSize()
    let output = HeadlessOutput(
      width: width, height: height, glyphs: glyphs, palette: ansi ? palette : nil, frameLimit: frames)
    let app = PlayerApp(
      configuration: configuration, api: api, output: output, panels: chosenTheme.boxGlyphs(for: glyphs),
      log: { message in
        logFile?.append(message)
        FileHandle.standardError.write(Data("bulkhead play: \(message)\n".utf8))
      })
    await app.run()
  }
}

extension PlayerModel.Role: ExpressibleByArgument {}
