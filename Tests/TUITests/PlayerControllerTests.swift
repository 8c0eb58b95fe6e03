import BulkheadCore
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The player display's pure controller: what it fetches and posts, and how stream updates, REST answers, ticks
/// and keys change its model.
struct PlayerControllerTests {
  // MARK: - Fixtures

  /// A fixture that is not what the test expects.
  struct ControllerTestError: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }

  /// The GM's side of the demo campaign: commands applied to the active view, published as `activeview` events
  /// carrying the server's payload JSON.
  struct DemoScreen {
    let campaign: Campaign
    var state = ActiveViewState()
    var version = 0

    init() throws {
      campaign = try PlayerFrameTests.loadCampaign()
    }

    /// Applies `commands` and returns the event the stream delivers for the new state.
    mutating func event(_ commands: Command...) throws -> EventSourceUpdate {
      for command in commands { state = try Reducer.apply(command, to: state, campaign: campaign).state }
      version += 1
      let bytes = PayloadBuilder(campaign: campaign).encode(state, version: version, epoch: "e1")
      return .event(SSEEvent(type: "activeview", data: String(decoding: bytes, as: UTF8.self)))
    }
  }

  /// The moment the controller starts; later moments are offsets from it.
  static let start = ContinuousClock.now

  static func at(_ seconds: Double) -> ContinuousClock.Instant {
    start.advanced(by: .milliseconds(Int(seconds * 1000)))
  }

  /// The keeper terminal of Calyx Relay, as `GET /api/terminal/calyx-relay/keeper_terminal/` returns it.
  static let keeper = PlayerResource.terminal(location: "calyx-relay", terminal: "keeper_terminal")
  /// The signals lab terminal of Calyx Relay.
  static let signalsLab = PlayerResource.terminal(location: "calyx-relay", terminal: "signals_lab")

  static func keeperJSON() throws -> JSONValue { try JSONParser.parse(TerminalInboxTests.keeperJSON) }

  static func demoShipJSON(_ screen: DemoScreen) -> JSONValue { screen.campaign.ship }

  /// A message list body with one message per id, newest first as given.
  static func messageList(_ messages: [(id: Int, priority: String)]) -> JSONValue {
    let entries: [JSONValue] = messages.map { message in
      [
        "id": .int(message.id), "sender": "CHARON", "content": .string("message \(message.id)"),
        "priority": .string(message.priority), "created_at": "2186-02-09 21:00:00",
      ]
    }
    return ["messages": .array(entries), "count": .int(entries.count)]
  }

  /// A controller that has started at ``start`` and received the first message list (ids 5…1, one CRITICAL)
  /// and the demo ship's status, so nothing is in flight.
  static func started(
    _ screen: DemoScreen, allowsQuit: Bool = true
  ) throws -> PlayerController {
    var controller = PlayerController(role: .player, allowsQuit: allowsQuit)
    _ = controller.start(hour: 21, minute: 7, now: start)
    let messages = try JSONParser.parse(BroadcastMessageTests.listJSON)
    #expect(controller.fetched(.messages(since: 0), .success(messages), now: start) == [])
    #expect(controller.fetched(.shipStatus, .success(demoShipJSON(screen)), now: start) == [])
    return controller
  }

  /// A started controller showing the keeper terminal's overlay, its inbox (4 messages) loaded.
  static func showingKeeper(_ screen: inout DemoScreen) throws -> PlayerController {
    var controller = try started(screen)
    let effects = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: start)
    #expect(effects == [.fetch(keeper)])
    #expect(controller.fetched(keeper, .success(try keeperJSON()), now: start) == [])
    #expect(controller.model.terminal?.inbox.count == 4)
    return controller
  }

  /// A started controller on the CHARON_TERMINAL view in QUERY mode, its conversation loaded.
  static func querying(_ screen: inout DemoScreen, allowsQuit: Bool = true) throws -> PlayerController {
    var controller = try started(screen, allowsQuit: allowsQuit)
    let effects = controller.handle(
      try screen.event(.setCharonMode(.query), .switchView(.charonTerminal, locationSlug: "", viewSlug: "")),
      now: start)
    #expect(effects == [.fetch(.charon)])
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    #expect(controller.fetched(.charon, .success(story), now: start) == [])
    #expect(controller.model.charon?.channel == "story")
    return controller
  }

  static func type(_ text: String, into controller: inout PlayerController) {
    for character in text { #expect(controller.key(.character(character)) == []) }
  }

  // MARK: - Start

  @Test func startSetsTheClockAndFetchesMessagesAndShipStatus() {
    var controller = PlayerController(role: .gm)
    let effects = controller.start(hour: 21, minute: 7, now: Self.start)
    #expect(effects == [.fetch(.messages(since: 0)), .fetch(.shipStatus)])
    #expect(controller.model.clock == "21:07")
    #expect(controller.model.role == .gm)
    #expect(controller.model.payload == nil)
  }

  @Test func aFetchInFlightIsNotRepeatedUntilItsAnswerArrives() throws {
    var controller = PlayerController(role: .player)
    _ = controller.start(hour: 0, minute: 0, now: Self.start)
    #expect(controller.handle(.synced(reconnected: false), now: Self.start) == [])
    let messages = try JSONParser.parse(BroadcastMessageTests.listJSON)
    #expect(controller.fetched(.messages(since: 0), .success(messages), now: Self.start) == [])
    #expect(controller.handle(.synced(reconnected: true), now: Self.start) == [.fetch(.messages(since: 0))])
    #expect(
      controller.fetched(.shipStatus, .failure(.unreachable("connection refused")), now: Self.start) == [])
    #expect(controller.handle(.synced(reconnected: true), now: Self.start) == [.fetch(.shipStatus)])
  }

  // MARK: - Stream events

  @Test func anActiveViewEventSetsThePayload() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let update = try screen.event(.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""))
    #expect(controller.handle(update, now: Self.start) == [])
    let payload = try #require(controller.model.payload)
    #expect(payload.viewType == .encounter)
    #expect(payload.locationSlug == "kestrel_dawn")
    #expect(payload.version == 1)
    #expect(controller.model.deck != nil)
  }

  @Test("an event of another type changes nothing; one with broken JSON keeps the view and says so, logged once")
  func anEventOfAnotherTypeOrWithBrokenJSONKeepsTheView() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(try screen.event(), now: Self.start)
    let before = controller.model
    guard case .event(let valid) = try screen.event(.switchView(.messages, locationSlug: "", viewSlug: "")) else {
      Issue.record("the screen publishes events")
      return
    }
    let otherType = SSEEvent(type: "message", data: valid.data)
    #expect(controller.handle(.event(otherType), now: Self.start) == [])
    #expect(controller.model == before)
    let broken = SSEEvent(type: "activeview", data: String(valid.data.dropLast(5)))
    let logged = controller.handle(.event(broken), now: Self.start)
    #expect(logged.count == 1 && logged.allSatisfy { if case .log = $0 { true } else { false } }, "\(logged)")
    #expect(controller.model.payload == before.payload)
    #expect(controller.model.notice?.detail.contains("not JSON") == true)
    #expect(controller.handle(.event(broken), now: Self.start) == [], "the same problem is logged once")
    let array = controller.handle(.event(SSEEvent(type: "activeview", data: "[]")), now: Self.start)
    #expect(array.count == 1, "another kind of problem: \(array)")
    #expect(controller.model.payload == before.payload)
    #expect(controller.model.payload?.viewType == .standby)
    _ = controller.handle(.event(valid), now: Self.start)
    #expect(controller.model.notice == nil, "a payload that reads clears the notice")
  }

  // MARK: - Connection

  @Test func healthAtTheThresholdMeansConnectionLost() {
    var controller = PlayerController(role: .player)
    var health = ConnectionHealth(threshold: ConnectionHealth.playerThreshold)
    for _ in 1..<ConnectionHealth.playerThreshold { health.recordFailure() }
    #expect(controller.handle(.health(health), now: Self.start) == [])
    #expect(controller.model.connectionLost == false)
    health.recordFailure()
    #expect(controller.handle(.health(health), now: Self.start) == [])
    #expect(controller.model.connectionLost == true)
    health.recordHealthy()
    _ = controller.handle(.health(health), now: Self.start)
    #expect(controller.model.connectionLost == false)
  }

  @Test func waitingCountsDownToTheNextAttemptAndConnectingClearsIt() {
    var controller = PlayerController(role: .player)
    _ = controller.start(hour: 21, minute: 7, now: Self.start)
    let waiting = EventSourceUpdate.state(.waiting(attempt: 3, delay: .milliseconds(2500), reason: "refused"))
    #expect(controller.handle(waiting, now: Self.start) == [])
    #expect(controller.model.attempt == 3)
    #expect(controller.model.secondsToRetry == 3)
    _ = controller.tick(hour: 21, minute: 7, now: Self.at(1))
    #expect(controller.model.secondsToRetry == 2)
    _ = controller.tick(hour: 21, minute: 8, now: Self.at(1.5))
    #expect(controller.model.secondsToRetry == 1)
    #expect(controller.model.clock == "21:08")
    _ = controller.tick(hour: 21, minute: 8, now: Self.at(4))
    #expect(controller.model.secondsToRetry == 0)
    #expect(controller.handle(.state(.connecting(attempt: 4)), now: Self.at(4)) == [])
    #expect(controller.model.attempt == 4)
    #expect(controller.model.secondsToRetry == nil)
    _ = controller.tick(hour: 21, minute: 8, now: Self.at(5))
    #expect(controller.model.secondsToRetry == nil)
  }

  @Test func wholeSecondsRoundsUp() {
    #expect(PlayerController.wholeSeconds(.zero) == 0)
    #expect(PlayerController.wholeSeconds(.seconds(2)) == 2)
    #expect(PlayerController.wholeSeconds(.milliseconds(2001)) == 3)
    #expect(PlayerController.wholeSeconds(.nanoseconds(1)) == 1)
  }

  @Test func syncedFetchesMessagesAndShipStatusAgain() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(
      controller.handle(.synced(reconnected: true), now: Self.start) == [
        .fetch(.messages(since: 0)), .fetch(.shipStatus),
      ])
  }

  @Test func syncedAlsoFetchesTheShownTerminalAndConversation() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    let effects = controller.handle(try screen.event(.toggleCharonDialog(open: true)), now: Self.start)
    #expect(effects == [.fetch(.charon)])
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    #expect(controller.fetched(.charon, .success(story), now: Self.start) == [])
    #expect(
      controller.handle(.synced(reconnected: true), now: Self.start) == [
        .fetch(.messages(since: 0)), .fetch(.shipStatus), .fetch(Self.keeper), .fetch(.charon),
      ])
  }

  // MARK: - Messages

  @Test func theFirstLoadNeverPopsOver() throws {
    let screen = try DemoScreen()
    let controller = try Self.started(screen)
    #expect(controller.model.messages.map(\.id) == [5, 4, 3, 2, 1])
    #expect(controller.model.messages.first?.priority == .critical)
    #expect(controller.model.popover == nil)
  }

  @Test func aLaterUrgentMessagePopsOverUntilItsTimeIsUp() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(1)) == [])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)) == [.fetch(.messages(since: 5))])
    let answer = Self.messageList([(7, "NORMAL"), (6, "HIGH")])
    #expect(controller.fetched(.messages(since: 5), .success(answer), now: Self.at(2)) == [])
    #expect(controller.model.popover?.id == 6)
    #expect(controller.model.popover?.priority == .high)
    #expect(controller.model.messages.map(\.id) == [7, 6, 5, 4, 3, 2, 1])
    _ = controller.tick(hour: 21, minute: 7, now: Self.at(9.9))
    #expect(controller.model.popover?.id == 6)
    _ = controller.tick(hour: 21, minute: 7, now: Self.at(2).advanced(by: PlayerController.popoverDuration))
    #expect(controller.model.popover == nil)
  }

  @Test func aCriticalMessageAfterAReconnectPopsOver() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.handle(.synced(reconnected: true), now: Self.at(1)).contains(.fetch(.messages(since: 0))))
    let answer = Self.messageList([(8, "CRITICAL"), (5, "CRITICAL"), (4, "HIGH")])
    #expect(controller.fetched(.messages(since: 0), .success(answer), now: Self.at(1)) == [])
    #expect(controller.model.popover?.id == 8)
    #expect(controller.model.messages.map(\.id) == [8, 5, 4])
  }

  @Test func aNormalMessageDoesNotPopOver() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)) == [.fetch(.messages(since: 5))])
    let answer = Self.messageList([(7, "LOW"), (6, "NORMAL")])
    #expect(controller.fetched(.messages(since: 5), .success(answer), now: Self.at(2)) == [])
    #expect(controller.model.popover == nil)
    #expect(controller.model.messages.map(\.id) == [7, 6, 5, 4, 3, 2, 1])
  }

  @Test func mergingKeepsNewestFirstWithoutDuplicates() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.tick(hour: 21, minute: 7, now: Self.at(2))
    let answer = Self.messageList([(3, "NORMAL"), (9, "LOW"), (5, "CRITICAL"), (6, "LOW")])
    #expect(controller.fetched(.messages(since: 5), .success(answer), now: Self.at(2)) == [])
    #expect(controller.model.messages.map(\.id) == [9, 6, 5, 4, 3, 2, 1])
    #expect(controller.model.popover == nil)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(4)) == [.fetch(.messages(since: 9))])
  }

  @Test func atMostFiftyMessagesAreKept() {
    var controller = PlayerController(role: .player)
    _ = controller.start(hour: 21, minute: 7, now: Self.start)
    let first = Self.messageList((1...60).reversed().map { ($0, "NORMAL") })
    _ = controller.fetched(.messages(since: 0), .success(first), now: Self.start)
    #expect(controller.model.messages.count == PlayerModel.messageLimit)
    #expect(controller.model.messages.first?.id == 60)
    #expect(controller.model.messages.last?.id == 11)
    _ = controller.tick(hour: 21, minute: 7, now: Self.at(2))
    let more = Self.messageList([(62, "NORMAL"), (61, "NORMAL")])
    _ = controller.fetched(.messages(since: 60), .success(more), now: Self.at(2))
    #expect(controller.model.messages.count == PlayerModel.messageLimit)
    #expect(controller.model.messages.map(\.id) == Array((13...62).reversed()))
  }

  @Test func pollingFollowsThePollIntervalAndTheNewestId() throws {
    var controller = PlayerController(role: .player, pollInterval: .seconds(5))
    _ = controller.start(hour: 21, minute: 7, now: Self.start)
    #expect(
      controller.fetched(.messages(since: 0), .failure(.refused(status: 500, message: "boom")), now: Self.start)
        == [])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(4.9)) == [])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(5)) == [.fetch(.messages(since: 0))])
    #expect(controller.model.messages.isEmpty)
    let messages = try JSONParser.parse(BroadcastMessageTests.listJSON)
    _ = controller.fetched(.messages(since: 0), .success(messages), now: Self.at(5))
    #expect(controller.model.popover == nil)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(9)) == [])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(10)) == [.fetch(.messages(since: 5))])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(15)) == [])
    #expect(PlayerResource.messages(since: 5).path == "/api/messages/?since=5")
  }

  @Test func aReconnectDuringAPollReloadsEveryMessageOnceThePollAnswers() throws {
    let screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)) == [.fetch(.messages(since: 5))])
    #expect(controller.handle(.synced(reconnected: true), now: Self.at(2)) == [.fetch(.shipStatus)])
    let poll = Self.messageList([(id: 6, priority: "NORMAL")])
    #expect(controller.fetched(.messages(since: 5), .success(poll), now: Self.at(3)) == [.fetch(.messages(since: 0))])
    let restarted = Self.messageList([(id: 2, priority: "NORMAL"), (id: 1, priority: "LOW")])
    #expect(controller.fetched(.messages(since: 0), .success(restarted), now: Self.at(3)) == [])
    #expect(controller.model.messages.map(\.id) == [2, 1], "a full load replaces the list")
    #expect(
      controller.tick(hour: 21, minute: 7, now: Self.at(6)) == [.fetch(.messages(since: 2))],
      "after a full load the polls follow the new newest id, even a lower one")
  }

  // MARK: - Comm terminal overlay

  @Test func showingATerminalFetchesItAndChangingItResetsTheSelection() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    #expect(controller.model.terminal?.slug == "keeper_terminal")
    _ = controller.key(.down)
    _ = controller.key(.enter)
    #expect(controller.model.inboxSelection == 1)
    #expect(controller.model.messageOpen)
    let effects = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab")), now: Self.start)
    #expect(effects == [.fetch(Self.signalsLab)])
    #expect(controller.model.terminal == nil)
    #expect(controller.model.inboxSelection == 0)
    #expect(controller.model.messageOpen == false)
  }

  @Test func anUnchangedOverlayIsNotFetchedAgain() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    _ = controller.key(.down)
    #expect(controller.handle(try screen.event(), now: Self.start) == [])
    #expect(controller.model.terminal?.slug == "keeper_terminal")
    #expect(controller.model.inboxSelection == 1)
  }

  @Test func hidingTheTerminalDropsIt() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    #expect(controller.handle(try screen.event(.hideTerminal), now: Self.start) == [])
    #expect(controller.model.showsTerminal == false)
    #expect(controller.model.terminal == nil)
  }

  @Test func anAnswerForATerminalNoLongerShownIsDroppedAndTheCurrentOneFetched() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let first = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: Self.start)
    #expect(first == [.fetch(Self.keeper)])
    let second = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab")), now: Self.start)
    #expect(second == [])
    let stale = controller.fetched(Self.keeper, .success(try Self.keeperJSON()), now: Self.start)
    #expect(stale == [.fetch(Self.signalsLab)])
    #expect(controller.model.terminal == nil)
    let lab: JSONValue = ["slug": "signals_lab", "inbox": [], "sent": []]
    #expect(controller.fetched(Self.signalsLab, .success(lab), now: Self.start) == [])
    #expect(controller.model.terminal?.slug == "signals_lab")
  }

  @Test func aTerminalThatFailedToLoadIsAskedForAgainOnThePoll() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: Self.start)
    #expect(controller.fetched(Self.keeper, .failure(.unreachable("reset")), now: Self.start) == [])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)).contains(.fetch(Self.keeper)))
    _ = controller.fetched(Self.keeper, .success(try Self.keeperJSON()), now: Self.at(2))
    #expect(!controller.tick(hour: 21, minute: 7, now: Self.at(4)).contains(.fetch(Self.keeper)), "loaded: no more")
  }

  @Test func aFailedAnswerForATerminalNoLongerShownFetchesTheCurrentOne() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: Self.start)
    _ = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab")), now: Self.start)
    let failed = controller.fetched(Self.keeper, .failure(.unreachable("connection reset")), now: Self.start)
    #expect(failed == [.fetch(Self.signalsLab)])
  }

  @Test func anAnswerForAHiddenTerminalIsDropped() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: Self.start)
    _ = controller.handle(try screen.event(.hideTerminal), now: Self.start)
    #expect(controller.fetched(Self.keeper, .success(try Self.keeperJSON()), now: Self.start) == [])
    #expect(controller.model.terminal == nil)
  }

  @Test func vimKeysAndArrowsMoveTheSelectionWithinTheInbox() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    var selections: [Int] = []
    for key: TerminalInput in [.up, .character("k"), .down, .character("j"), .down, .down, .character("j"), .up] {
      #expect(controller.key(key) == [])
      selections.append(controller.model.inboxSelection)
    }
    #expect(selections == [0, 0, 1, 2, 3, 3, 3, 2])
    #expect(controller.key(.character("k")) == [])
    #expect(controller.model.inboxSelection == 1)
  }

  @Test func movingTheSelectionClosesTheOpenMessage() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    #expect(controller.key(.enter) == [])
    #expect(controller.model.messageOpen)
    _ = controller.key(.character("j"))
    #expect(controller.model.messageOpen == false)
    _ = controller.key(.enter)
    _ = controller.key(.up)
    #expect(controller.model.messageOpen == false)
  }

  @Test func anInboxNotYetLoadedHasNothingToSelectOrOpen() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(
      try screen.event(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")), now: Self.start)
    _ = controller.key(.down)
    _ = controller.key(.enter)
    #expect(controller.model.inboxSelection == 0)
    #expect(controller.model.messageOpen == false)
  }

  @Test func escapeClosesTheMessageFirstThenHidesTheTerminal() throws {
    var screen = try DemoScreen()
    var controller = try Self.showingKeeper(&screen)
    _ = controller.key(.enter)
    #expect(controller.key(.escape) == [])
    #expect(controller.model.messageOpen == false)
    #expect(controller.key(.escape) == [.send(.hideTerminal)])
  }

  // MARK: - CHARON

  @Test func theDialogOrTheCharonViewFetchesTheConversation() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.handle(try screen.event(.toggleCharonDialog(open: true)), now: Self.start) == [.fetch(.charon)])
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    _ = controller.fetched(.charon, .success(story), now: Self.start)
    #expect(controller.model.charon?.messages.count == 5)
    #expect(controller.handle(try screen.event(), now: Self.start) == [])
    #expect(controller.handle(try screen.event(.setCharonMode(.query)), now: Self.start) == [.fetch(.charon)])
    _ = controller.fetched(.charon, .success(story), now: Self.start)
    #expect(controller.handle(try screen.event(.toggleCharonDialog(open: false)), now: Self.start) == [])

    var viewer = try Self.started(screen)
    let effects = viewer.handle(
      try screen.event(.switchView(.charonTerminal, locationSlug: "", viewSlug: "")), now: Self.start)
    #expect(effects == [.fetch(.charon)])
  }

  @Test func theConversationIsPolledWhileShown() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)) == [.fetch(.messages(since: 5)), .fetch(.charon)])
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(4)) == [])
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    _ = controller.fetched(.charon, .success(story), now: Self.at(5))
    _ = controller.fetched(.messages(since: 5), .success(Self.messageList([])), now: Self.at(5))
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(6)) == [.fetch(.messages(since: 5)), .fetch(.charon)])
    _ = controller.fetched(.charon, .success(story), now: Self.at(7))
    _ = controller.fetched(.messages(since: 5), .success(Self.messageList([])), now: Self.at(7))

    _ = controller.handle(try screen.event(.switchView(.standby, locationSlug: "", viewSlug: "")), now: Self.at(7))
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(8)) == [.fetch(.messages(since: 5))])
  }

  @Test func aConversationArrivingOnceItIsHiddenIsDropped() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    _ = controller.handle(try screen.event(.toggleCharonDialog(open: true)), now: Self.start)
    _ = controller.handle(try screen.event(.toggleCharonDialog(open: false)), now: Self.start)
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    #expect(controller.fetched(.charon, .success(story), now: Self.start) == [])
    #expect(controller.model.charon == nil)
  }

  @Test func enterSubmitsTheSanitisedTrimmedQuery() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    Self.type("  Open\u{202E} the hatchx", into: &controller)
    #expect(controller.key(.backspace) == [])
    Self.type("  ", into: &controller)
    #expect(controller.model.query == "  Open\u{202E} the hatch  ")
    #expect(
      controller.key(.enter) == [
        .send(.submitCharonQuery("Open the hatch"), refresh: .charon)
      ])
    #expect(controller.model.query == "")
  }

  @Test func theRefreshAfterASubmitCountsAsTheConversationInFlight() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    Self.type("status", into: &controller)
    _ = controller.key(.enter)
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)) == [.fetch(.messages(since: 5))])
    _ = controller.fetched(.charon, .success(try JSONParser.parse(CharonConversationTests.storyJSON)), now: Self.at(3))
    _ = controller.fetched(.messages(since: 5), .success(Self.messageList([])), now: Self.at(3))
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(4)) == [.fetch(.messages(since: 5)), .fetch(.charon)])
  }

  @Test func anEmptyQueryPostsNothing() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    #expect(controller.key(.enter) == [])
    Self.type("  \u{202E} ", into: &controller)
    #expect(controller.key(.enter) == [])
    #expect(controller.key(.backspace) == [])
    #expect(controller.key(.backspace) == [])
    #expect(controller.key(.backspace) == [])
    #expect(controller.key(.backspace) == [])
    #expect(controller.key(.backspace) == [])
    #expect(controller.model.query == "")
  }

  @Test func theQueryIsCappedAtTheLimit() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    for _ in 0..<PlayerController.queryLimit + 20 { _ = controller.key(.character("é")) }
    #expect(controller.model.query.count == PlayerController.queryLimit)
    _ = controller.key(.backspace)
    _ = controller.key(.character("z"))
    #expect(controller.model.query.count == PlayerController.queryLimit)
    #expect(controller.model.query.last == "z")
  }

  @Test func aConversationOfAnotherChannelIsDroppedAndTheNextPollAsksAgain() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let shown = controller.handle(
      try screen.event(.switchView(.charonTerminal, locationSlug: "", viewSlug: "")), now: Self.start)
    #expect(shown == [.fetch(.charon)])
    let moved = controller.handle(
      try screen.event(.switchView(.bridge, locationSlug: "", viewSlug: ""), .toggleCharonDialog(open: true)),
      now: Self.start)
    #expect(controller.model.payload?.charonActiveChannel == "bridge")
    #expect(!moved.contains(.fetch(.charon)), "one conversation request at a time")
    let story = try JSONParser.parse(CharonConversationTests.storyJSON)
    #expect(controller.fetched(.charon, .success(story), now: Self.start) == [])
    #expect(controller.model.charon == nil, "the story channel's lines never show on the bridge channel")
    #expect(controller.tick(hour: 21, minute: 7, now: Self.at(2)).contains(.fetch(.charon)), "the next poll asks again")
    guard case .object(var bridge) = story else { throw ControllerTestError("the story JSON is not an object") }
    bridge["channel"] = "bridge"
    #expect(controller.fetched(.charon, .success(.object(bridge)), now: Self.at(2)) == [])
    #expect(controller.model.charon?.channel == "bridge")
  }

  @Test func leavingTheCharonViewClearsTheQuery() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    Self.type("half a question", into: &controller)
    #expect(controller.handle(try screen.event(.setCharonLocation("ossuary/calyx-relay")), now: Self.start) == [])
    #expect(controller.model.query == "half a question")
    _ = controller.handle(try screen.event(.switchView(.standby, locationSlug: "", viewSlug: "")), now: Self.start)
    #expect(controller.model.query == "")
  }

  @Test func escapeWithTheDialogOpenClosesIt() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let close = PlayerEffect.send(.toggleCharonDialog(open: false))
    _ = controller.handle(try screen.event(.toggleCharonDialog(open: true)), now: Self.start)
    #expect(controller.key(.escape) == [close])
    _ = controller.handle(try screen.event(.setCharonMode(.query)), now: Self.start)
    Self.type("abc", into: &controller)
    #expect(controller.key(.escape) == [close])
    #expect(controller.model.query == "abc")

    var viewer = try Self.querying(&screen)
    _ = viewer.handle(try screen.event(.toggleCharonDialog(open: false)), now: Self.start)
    #expect(viewer.model.showsCharon)
    #expect(viewer.key(.escape) == [])
  }

  // MARK: - Ship dashboard and bridge

  @Test func theShipDashboardFetchesShipStatusOnEveryEvent() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    #expect(controller.model.ship?.name == "MSV Kestrel Dawn")
    let dashboard = try screen.event(.switchView(.shipDashboard, locationSlug: "", viewSlug: ""))
    #expect(controller.handle(dashboard, now: Self.start) == [.fetch(.shipStatus)])
    #expect(controller.handle(dashboard, now: Self.start) == [])
    _ = controller.fetched(.shipStatus, .success(Self.demoShipJSON(screen)), now: Self.start)
    let override = ShipSystemOverride(status: .offline, condition: 0, info: "Vented")
    #expect(
      controller.handle(try screen.event(.setShipSystem(system: "engines", override)), now: Self.start) == [
        .fetch(.shipStatus)
      ])
  }

  @Test func theBridgeFetchesTheStarMapOnce() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let bridge = try screen.event(.switchView(.bridge, locationSlug: "kestrel_dawn", viewSlug: ""))
    #expect(controller.handle(bridge, now: Self.start) == [.fetch(.starMap)])
    #expect(controller.handle(bridge, now: Self.start) == [])
    let body: JSONValue = ["star_map": screen.campaign.starMap, "location_systems": ["kestrel_dawn": "haldens-reach"]]
    #expect(controller.fetched(.starMap, .success(body), now: Self.start) == [])
    #expect(try controller.model.starMap == StarMap(json: body))
    #expect(controller.model.starMapMissing == false)
    #expect(controller.handle(try screen.event(), now: Self.start) == [])
  }

  @Test func aStarMap404MarksItMissing() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let bridge = try screen.event(.switchView(.bridge, locationSlug: "", viewSlug: ""))
    _ = controller.handle(bridge, now: Self.start)
    let missing = ServerAPIError.refused(status: 404, message: "No star map")
    #expect(controller.fetched(.starMap, .failure(missing), now: Self.start) == [])
    #expect(controller.model.starMapMissing)
    #expect(controller.model.starMap == nil)
    #expect(controller.handle(bridge, now: Self.start) == [])
  }

  @Test func anUnreachableStarMapIsFetchedAgainOnTheNextEvent() throws {
    var screen = try DemoScreen()
    var controller = try Self.started(screen)
    let bridge = try screen.event(.switchView(.bridge, locationSlug: "", viewSlug: ""))
    _ = controller.handle(bridge, now: Self.start)
    #expect(controller.fetched(.starMap, .failure(.unreachable("timed out")), now: Self.start) == [])
    #expect(controller.model.starMapMissing == false)
    #expect(controller.handle(bridge, now: Self.start) == [.fetch(.starMap)])
  }

  // MARK: - Keys

  @Test func qQuitsUnlessOnAKiosk() throws {
    var screen = try DemoScreen()
    var desk = try Self.started(screen)
    #expect(desk.key(.character("q")) == [.quit])
    #expect(desk.key(.character("Q")) == [])
    var kiosk = try Self.started(screen, allowsQuit: false)
    #expect(kiosk.key(.character("q")) == [])
    #expect(kiosk.allowsQuit == false)

    var overlay = try Self.showingKeeper(&screen)
    #expect(overlay.key(.character("q")) == [.quit])
    var kioskOverlay = try Self.started(screen, allowsQuit: false)
    _ = kioskOverlay.handle(try screen.event(), now: Self.start)
    #expect(kioskOverlay.model.showsTerminal)
    #expect(kioskOverlay.key(.character("q")) == [])
  }

  @Test func qIsTextInQueryMode() throws {
    var screen = try DemoScreen()
    var controller = try Self.querying(&screen)
    #expect(controller.key(.character("q")) == [])
    #expect(controller.model.query == "q")
  }

  @Test func ctrlLRepaints() throws {
    var screen = try DemoScreen()
    var idle = PlayerController(role: .player)
    #expect(idle.key(.repaint) == [.repaint])
    var querying = try Self.querying(&screen)
    #expect(querying.key(.repaint) == [.repaint])
    #expect(querying.model.query == "")
    var overlayScreen = try DemoScreen()
    var overlay = try Self.showingKeeper(&overlayScreen)
    #expect(overlay.key(.repaint) == [.repaint])
  }

  // MARK: - Paths

  @Test func resourcePathsPercentEncodeOddSlugs() {
    #expect(PlayerResource.messages(since: 0).path == "/api/messages/")
    #expect(PlayerResource.messages(since: 12).path == "/api/messages/?since=12")
    #expect(PlayerResource.charon.path == "/api/charon/conversation/")
    #expect(PlayerResource.shipStatus.path == "/api/ship-status/")
    #expect(PlayerResource.starMap.path == "/api/star-map/")
    #expect(Self.keeper.path == "/api/terminal/calyx-relay/keeper_terminal/")
    let odd = PlayerResource.terminal(location: "deck 2/../é", terminal: "a?b#c%d~e.f")
    #expect(odd.path == "/api/terminal/deck%202%2F..%2F%C3%A9/a%3Fb%23c%25d~e.f/")
  }
}
