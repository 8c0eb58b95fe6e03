import BulkheadCore
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// What the display and the GM console do with what they cannot take from the stream: a view that does not read,
/// an event over the size limit. They say so on screen and in the log; they never stay silent on `CONNECTING…`.
struct StreamNoticeTests {
  let now = ContinuousClock.now

  static func event(_ data: String) -> EventSourceUpdate {
    .event(SSEEvent(type: "activeview", data: data))
  }

  static func frame(_ model: PlayerModel, width: Int = 80, height: Int = 24) -> String {
    TextScreen.plain(PlayerFrame.render(model, width: width, height: height, glyphs: .unicode))
  }

  @Test("an unreadable view before any payload takes the place of CONNECTING…, naming the field and the reason")
  func unreadableBeforeFirstPayload() {
    var controller = PlayerController(role: .player)
    let effects = controller.handle(Self.event(#"{"view_type": "HYPERSPACE"}"#), now: now)
    #expect(controller.model.payload == nil)
    let notice = try? #require(controller.model.notice)
    #expect(notice?.detail.contains("view_type") == true)
    #expect(notice?.detail.contains("HYPERSPACE") == true)
    let logs = effects.compactMap { if case .log(let line) = $0 { line } else { nil } }
    #expect(logs.count == 1)
    #expect(logs.first?.contains("view_type") == true, "\(logs)")
    let frame = Self.frame(controller.model)
    #expect(!frame.contains("CONNECTING"), "\(frame)")
    #expect(frame.contains("SERVER SENT A VIEW THIS DISPLAY CANNOT READ"), "\(frame)")
    #expect(frame.contains("view_type"), "\(frame)")
  }

  @Test("each kind of problem is logged once: the same key and reason again is not, another one is")
  func loggedOncePerKind() {
    var controller = PlayerController(role: .player)
    func logs(_ data: String) -> Int {
      controller.handle(Self.event(data), now: now).filter { if case .log = $0 { true } else { false } }.count
    }
    #expect(logs(#"{"view_type": "HYPERSPACE"}"#) == 1)
    #expect(logs(#"{"view_type": "WARP"}"#) == 0, "the same key, the same kind of problem")
    #expect(logs(#"{"view_type": "STANDBY", "encounter_level": "two"}"#) == 1, "another key")
    #expect(logs(#"{"view_type": "STANDBY", "encounter_level": "three"}"#) == 0)
    #expect(logs("not json") == 1)
    #expect(logs("{") == 0)
    #expect(controller.model.notice?.detail.contains("not JSON") == true)
  }

  @Test(
    "after a payload read, a view that does not read is the top line over the last view; the next payload clears it")
  func unreadableAfterAPayload() {
    var controller = PlayerController(role: .player)
    _ = controller.handle(Self.event(#"{"view_type": "STANDBY"}"#), now: now)
    #expect(controller.model.payload?.viewType == .standby, "a payload with only view_type reads")
    _ = controller.handle(Self.event(#"{"view_type": "STANDBY", "encounter_tokens": []}"#), now: now)
    #expect(controller.model.payload?.viewType == .standby, "the last view stays")
    let frame = Self.frame(controller.model)
    let top = frame.split(separator: "\n").first ?? ""
    #expect(top.contains("CANNOT READ") && top.contains("encounter_tokens"), "\(top)")
    #expect(frame.contains("STANDBY"))
    _ = controller.handle(Self.event(#"{"view_type": "MESSAGES"}"#), now: now)
    #expect(controller.model.notice == nil)
    #expect(!Self.frame(controller.model).contains("CANNOT READ"))
  }

  @Test("an event dropped as oversized is said with its size and the limit, on screen and in the log, every time")
  func oversized() {
    var controller = PlayerController(role: .player, eventLimit: 4096)
    for _ in 0..<2 {
      let effects = controller.handle(.oversized(bytes: 5000), now: now)
      #expect(
        effects == [
          .log(
            "an update too large for this display was dropped: the server sent an event of 5000 bytes; this display "
              + "reads at most 4096 bytes")
        ])
    }
    let frame = Self.frame(controller.model, width: 100, height: 30)
    #expect(frame.contains("TOO LARGE"), "\(frame)")
    #expect(frame.contains("5000") && frame.contains("4096"), "\(frame)")
    #expect(!frame.contains("CONNECTING"))
  }

  @Test("server text in a notice is drawn sanitised")
  func sanitised() {
    var controller = PlayerController(role: .player)
    _ = controller.handle(Self.event(#"{"view_type": "\u001b[2J\u202eX"}"#), now: now)
    let canvas = PlayerFrame.render(controller.model, width: 100, height: 30, glyphs: .unicode)
    let frame = TextScreen.plain(canvas)
    #expect(frame.contains("view_type"))
    #expect(!frame.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "\(frame)")
  }

  @Test("the GM console says the same in its live view")
  func console() {
    var controller = GMConsoleController()
    _ = controller.handle(Self.event(#"{"view_type": "HYPERSPACE"}"#), now: now)
    let frame = TextScreen.plain(GMConsoleFrame.render(controller.model, width: 120, height: 40, glyphs: .unicode))
    #expect(frame.contains("CANNOT READ"), "\(frame)")
    #expect(frame.contains("view_type"), "\(frame)")
    #expect(!frame.contains("CONNECTING"))
    _ = controller.handle(.oversized(bytes: 2 << 20), now: now)
    let dropped = TextScreen.plain(GMConsoleFrame.render(controller.model, width: 120, height: 40, glyphs: .unicode))
    #expect(dropped.contains("TOO LARGE"), "\(dropped)")
  }
}
