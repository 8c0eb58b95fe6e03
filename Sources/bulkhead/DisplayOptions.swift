import ArgumentParser
import BulkheadCanvas
import BulkheadClient
import BulkheadTUI
import BulkheadTerminal
import Foundation

/// How the player display draws: the options `bulkhead play` and `bulkhead demo` share, and the code that opens
/// the display they choose.
struct DisplayOptions: ParsableArguments {
  @Option(help: "The colour theme: amber, phosphor, teal (default), mono, or any NAME.yaml in a themes folder.")
  var theme: String?

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
    help: """
      Portraits as pictures: auto (ask the terminal whether it speaks the kitty graphics protocol or sixel), \
      sixel, kitty, or off (half blocks, as on any terminal).
      """)
  var images: ImagesChoice = .auto

  @Option(
    help: "Append diagnostics to this file (a curses display drops them without it); curses sends stderr there too.")
  var log: String?

  @Option(help: "Record what the display shows into this asciicast v2 file (asciinema play replays it).")
  var record: String?

  func validate() throws {
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

  /// Opens the display these options choose — curses on a usable terminal, else headless text — runs it for
  /// `configuration` until it ends, restores the terminal and returns why it ended.
  ///
  /// - Parameters:
  ///   - kiosk: a curses display ignores Ctrl-C, Ctrl-\ and Ctrl-Z; without a usable terminal (e.g. `ssh -T`, or a
  ///     command given to ssh) the display refuses at once ("kiosk needs a terminal: ssh -t") instead of printing
  ///     text frames that would run on after the client has gone.
  ///   - onFrame: called with the model of every frame drawn.
  func run(
    _ configuration: PlayerConfiguration, kiosk: Bool = false,
    onFrame: @escaping @Sendable (PlayerModel) -> Void = { _ in }
  ) async throws -> String {
    let chosenTheme = try loadTheme()
    let choice = TerminalProbe.choose(TerminalProbe.detect(forceHeadless: headless))
    let glyphs = ascii ? GlyphSet.ascii : choice.glyphs
    let palette = chosenTheme.palette(for: choice.colorDepth)
    let api = HTTPJSONClient(server: configuration.server, fallbacks: configuration.fallbackServers)
    let logFile = try log.map(LogFile.init(path:))
    if kiosk, choice.screen != .curses {
      let refusal = "kiosk needs a terminal: ssh -t (\(choice.reason))"
      logFile?.append("display refused: \(refusal)")
      throw CLIError(refusal)
    }
    let panels = chosenTheme.boxGlyphs(for: glyphs)
    if choice.screen == .curses {
      LogFile.keepStandardErrorOffScreen(logFile)
      let recorder = try record.map { path in
        guard let size = TerminalProbe.windowSize() else {
          throw CLIError("cannot record \(path): the terminal's window size cannot be read")
        }
        return try makeRecorder(path, size: size, title: configuration.server) { logFile?.append($0) }
      }
      let layer = imageLayer(log: logFile)
      let session: TerminalSession
      do {
        session = try TerminalSession(palette: palette, kiosk: kiosk, recorder: recorder, images: layer)
      } catch {
        recorder?.close()
        throw CLIError(error.description)
      }
      let terminal = TerminalOutput(
        session: session, glyphs: glyphs, colorDepth: palette == .monochrome ? .none : choice.colorDepth)
      let app = PlayerApp(
        configuration: configuration, api: api, output: terminal, panels: panels, log: { logFile?.append($0) },
        onFrame: onFrame)
      let reason = await app.run()
      session.close()
      recorder?.close()
      logFile?.append("display ended: \(reason)")
      if let signalNumber = Self.signalNumber(endingWith: reason) { throw ExitCode(128 + signalNumber) }
      return reason
    }
    SignalExit.install()
    if !headless { FileHandle.standardError.write(Data("bulkhead: headless: \(choice.reason)\n".utf8)) }
    let (width, height) = try headlessSize()
    let log: @Sendable (String) -> Void = { message in
      logFile?.append(message)
      FileHandle.standardError.write(Data("bulkhead: \(message)\n".utf8))
    }
    let headless = HeadlessOutput(
      width: width, height: height, glyphs: glyphs, palette: ansi ? palette : nil, frameLimit: frames)
    let recorder = try record.map { try makeRecorder($0, size: (width, height), title: configuration.server, log: log) }
    let output: any FrameOutput =
      recorder.map { RecordingOutput(headless, recorder: $0, palette: palette == .monochrome ? nil : palette) }
      ?? headless
    let app = PlayerApp(
      configuration: configuration, api: api, output: output, panels: panels, log: log, onFrame: onFrame)
    let reason = await app.run()
    recorder?.close()
    return reason
  }

  /// A recorder writing `--record`'s file `path` for a terminal of `size`; a write that fails later goes to `log`.
  private func makeRecorder(
    _ path: String, size: (width: Int, height: Int), title: String, log: @escaping @Sendable (String) -> Void
  ) throws -> CastRecorder {
    do {
      return try CastRecorder(
        path: path, width: size.width, height: size.height, title: "Bulkhead: \(title)", onFailure: log)
    } catch {
      throw CLIError(error.description)
    }
  }

  /// The layer that draws portraits as pictures on this terminal, as `--images` asks, or `nil` for half blocks.
  /// Unless `--images off`, the terminal is asked what it can show (and its cell size); the outcome is logged.
  func imageLayer(log logFile: LogFile?) -> ImageLayer? {
    guard images != .off else { return nil }
    let answer = GraphicsProbe.ask(input: STDIN_FILENO, output: STDOUT_FILENO)
    let graphics = images.graphics(for: answer)
    let heard =
      answer.answered
      ? "the terminal answered (sixel \(answer.sixel ? "yes" : "no"), kitty \(answer.kitty ? "yes" : "no"))"
      : "the terminal did not answer within \(GraphicsProbe.defaultTimeout)"
    logFile?.append("portraits: \(graphics?.rawValue ?? "half blocks") (--images \(images.rawValue); \(heard))")
    return graphics.map { ImageLayer(graphics: $0, cellSize: answer.cellSize) }
  }

  /// The theme `--theme` names, or the default one (the built-in mono theme when the default's file is missing).
  func loadTheme() throws -> Theme {
    let library = ThemeLibrary.standard()
    do {
      return try library.load(named: theme ?? ThemeLibrary.defaultName)
    } catch {
      guard theme == nil, case .unknownTheme = error else { throw CLIError(error.description) }
      return Theme.builtInMono
    }
  }

  /// The signal number a curses display's end reason names ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT").
  static func signalNumber(endingWith reason: String) -> Int32? {
    ["SIGTERM": SIGTERM, "SIGHUP": SIGHUP, "SIGQUIT": SIGQUIT, "SIGINT": SIGINT][reason]
  }
}

extension ImagesChoice: ExpressibleByArgument {}
