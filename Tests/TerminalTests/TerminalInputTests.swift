import BulkheadCanvas
import CNCursesW
import Testing

@testable import BulkheadTerminal

/// Decoding ncurses `get_wch` results into what a key press means to the app.
struct TerminalInputTests {
  @Test func printableCharactersIncludingNonASCII() {
    #expect(TerminalInput.decode(.character(UInt32(UInt8(ascii: "q")))) == .character("q"))
    #expect(TerminalInput.decode(.character(UInt32(UInt8(ascii: " ")))) == .character(" "))
    #expect(TerminalInput.decode(.character(0xE9)) == .character("é"))
    #expect(TerminalInput.decode(.character(0x8239)) == .character("船"))
    #expect(TerminalInput.decode(.character(0xA0)) == .character("\u{A0}"))
  }

  @Test func namedControlBytes() {
    #expect(TerminalInput.decode(.character(0x0D)) == .enter)
    #expect(TerminalInput.decode(.character(0x0A)) == .enter)
    #expect(TerminalInput.decode(.character(0x09)) == .tab)
    #expect(TerminalInput.decode(.character(0x1B)) == .escape)
    #expect(TerminalInput.decode(.character(0x7F)) == .backspace)
    #expect(TerminalInput.decode(.character(0x08)) == .backspace)
    #expect(TerminalInput.decode(.character(0x0C)) == .repaint)
  }

  @Test func otherControlBytesKeepTheirValue() {
    #expect(TerminalInput.decode(.character(0x03)) == .control(3))
    #expect(TerminalInput.decode(.character(0x1A)) == .control(26))
    #expect(TerminalInput.decode(.character(0x1C)) == .control(28))
    #expect(TerminalInput.decode(.character(0x13)) == .control(19))
    #expect(TerminalInput.decode(.character(0x00)) == .control(0))
    #expect(TerminalInput.decode(.character(0x9B)) == .control(0x9B))
  }

  @Test func specialKeys() {
    #expect(TerminalInput.decode(.keyCode(KEY_UP)) == .up)
    #expect(TerminalInput.decode(.keyCode(KEY_DOWN)) == .down)
    #expect(TerminalInput.decode(.keyCode(KEY_LEFT)) == .left)
    #expect(TerminalInput.decode(.keyCode(KEY_RIGHT)) == .right)
    #expect(TerminalInput.decode(.keyCode(KEY_ENTER)) == .enter)
    #expect(TerminalInput.decode(.keyCode(KEY_BACKSPACE)) == .backspace)
  }

  @Test func functionAndUnknownKeysKeepTheirCode() {
    #expect(TerminalInput.decode(.keyCode(KEY_F0 + 5)) == .key(KEY_F0 + 5))
    #expect(TerminalInput.decode(.keyCode(KEY_DC)) == .key(KEY_DC))
    #expect(TerminalInput.decode(.keyCode(KEY_F0 + 5)) == .key(269))
  }

  @Test func resizeAndInvalidScalarsMeanNoInput() {
    #expect(TerminalInput.decode(.keyCode(KEY_RESIZE)) == nil)
    #expect(TerminalInput.decode(.character(0xD800)) == nil)
    #expect(TerminalInput.decode(.character(0x110000)) == nil)
  }
}
