import BulkheadCanvas
import Testing

@testable import BulkheadTerminal

/// The pure screen decision of ``TerminalProbe/choose(_:)`` and the colour-depth mapping.
struct TerminalProbeTests {
  /// The facts of an interactive UTF-8 xterm with 256 colours, with the given facts changed.
  static func facts(
    stdin: Bool = true, stdout: Bool = true, term: String? = "xterm-256color",
    capability: TerminalProbe.Capability = .addressable(colors: 256), utf8: Bool = true, noColor: Bool = false,
    headless: Bool = false
  ) -> TerminalProbe.Facts {
    TerminalProbe.Facts(
      stdinIsTerminal: stdin, stdoutIsTerminal: stdout, term: term, capability: capability, codesetIsUTF8: utf8,
      noColor: noColor, forceHeadless: headless)
  }

  static func expectHeadless(_ facts: TerminalProbe.Facts, because reason: String) {
    let choice = TerminalProbe.choose(facts)
    #expect(choice.screen == .headless)
    #expect(choice.reason == reason)
  }

  @Test func capableTerminalGetsCursesUnicodeAndFullColour() {
    let choice = TerminalProbe.choose(Self.facts())
    #expect(choice.screen == .curses)
    #expect(choice.reason == "terminal \"xterm-256color\" (256 colours, UTF-8)")
    #expect(choice.glyphs == .unicode)
    #expect(choice.colorDepth == .full)
  }

  @Test func notATerminalIsHeadless() {
    Self.expectHeadless(
      Self.facts(stdout: false, capability: .notProbed),
      because: "standard output is not a terminal")
    Self.expectHeadless(
      Self.facts(stdin: false, capability: .notProbed),
      because: "standard input is not a terminal")
  }

  @Test func unsetUnknownAndDumbTerminalsAreHeadless() {
    Self.expectHeadless(Self.facts(term: nil, capability: .notProbed), because: "TERM is not set")
    Self.expectHeadless(
      Self.facts(term: "nosuchterm", capability: .unknownType),
      because: "unknown terminal type \"nosuchterm\"")
    Self.expectHeadless(
      Self.facts(term: "dumb", capability: .noCursorAddressing),
      because: "terminal type \"dumb\" cannot address the cursor")
  }

  @Test func forcedHeadlessWinsOverACapableTerminal() {
    Self.expectHeadless(Self.facts(headless: true), because: "headless mode was requested")
  }

  @Test func vt100WithoutColoursGetsCursesInMonochrome() {
    let choice = TerminalProbe.choose(Self.facts(term: "vt100", capability: .addressable(colors: 0)))
    #expect(choice.screen == .curses)
    #expect(choice.reason == "terminal \"vt100\" (0 colours, UTF-8)")
    #expect(choice.colorDepth == ColorDepth.none)
  }

  @Test func noColorTurnsColourOffEverywhere() {
    let curses = TerminalProbe.choose(Self.facts(noColor: true))
    #expect(curses.screen == .curses)
    #expect(curses.reason == "terminal \"xterm-256color\" (NO_COLOR set, UTF-8)")
    #expect(curses.colorDepth == ColorDepth.none)
    let headless = TerminalProbe.choose(Self.facts(noColor: true, headless: true))
    #expect(headless.colorDepth == ColorDepth.none)
  }

  @Test func headlessFramesKeepFullColourForANSIOutput() {
    let choice = TerminalProbe.choose(Self.facts(stdout: false))
    #expect(choice.colorDepth == .full)
  }

  @Test func nonUTF8CodesetGetsASCIIGlyphsOnBothScreens() {
    let curses = TerminalProbe.choose(Self.facts(utf8: false))
    #expect(curses.screen == .curses)
    #expect(curses.glyphs == .ascii)
    #expect(curses.reason == "terminal \"xterm-256color\" (256 colours, ASCII)")
    let headless = TerminalProbe.choose(Self.facts(utf8: false, headless: true))
    #expect(headless.glyphs == .ascii)
  }

  @Test func colourDepthFromTheTerminfoColourCount() {
    let depths = [0, 1, 7, 8, 15, 16, 88, 255, 256, 16_777_216].map { ColorDepth(colorCount: $0) }
    #expect(depths == [.none, .none, .none, .eight, .eight, .sixteen, .sixteen, .sixteen, .full, .full])
    #expect(TerminalProbe.choose(Self.facts(capability: .addressable(colors: 8))).colorDepth == .eight)
    #expect(TerminalProbe.choose(Self.facts(capability: .addressable(colors: 16))).colorDepth == .sixteen)
  }
}
