import BulkheadCanvas
import BulkheadCore
import SSEClient

/// The GM console's logic: folds stream updates, REST answers, key presses, mouse clicks and clock ticks into a
/// ``GMConsoleModel`` and says what the loop must do next.
///
/// Pure: it never reads the time or does I/O. The live view is a ``PlayerController`` of role ``PlayerModel/Role/gm``
/// inside it, so the console reads, polls and draws what the players' screens do. Every action is one ``GMWrite``;
/// the console never changes the live view itself: an action's effect shows when the server's event arrives, and
/// a refused action leaves everything as it was and puts the server's message on the status line. A write refused
/// with 401 asks for the user and password on the prompt line, logs in and sends the write again.
public struct GMConsoleController: Sendable {
  /// What the console shows now.
  public internal(set) var model = GMConsoleModel()
  /// The live view's own logic.
  var display: PlayerController
  /// How often the CHARON panel's conversation is polled while it is open.
  public let pollInterval: Duration
  /// When the CHARON panel's conversation is next polled; `nil` right after it was read on opening the panel.
  var nextCharonPoll: ContinuousClock.Instant?
  /// The write refused for want of a login, sent again once logged in.
  var retryAfterLogin: GMWrite?
  /// The token pressed on with the mouse: a release on another cell moves it there.
  var dragging: (id: String, from: GMConsoleModel.GridPoint)?
  /// The kinds of unreadable answer already logged: each is logged once.
  var loggedProblems: Set<String> = []

  /// The token statuses `s` cycles through, in order; a token with none of them gets the first.
  public static let cycledStatuses = ["wounded", "dead", "panicked"]
  /// The door statuses `d` cycles through, in order.
  public static let doorCycle: [DoorStatus] = [.open, .closed, .locked, .sealed, .damaged]

  /// A console that has received nothing yet; `eventLimit` is its event source's `maxEventBytes`.
  public init(pollInterval: Duration = .seconds(2), eventLimit: Int = EventSourceConfiguration(url: "").maxEventBytes) {
    display = PlayerController(role: .gm, allowsQuit: false, pollInterval: pollInterval, eventLimit: eventLimit)
    self.pollInterval = pollInterval
    model.view = display.model
  }

  /// Sets the clock and asks for what the console needs first; without a stored token (`loggedIn` false) it asks
  /// for the user name to log in.
  public mutating func start(
    hour: Int, minute: Int, now: ContinuousClock.Instant, loggedIn: Bool
  ) -> [GMConsoleEffect] {
    let effects = display.start(hour: hour, minute: minute, now: now).map(GMConsoleEffect.view)
    model.view = display.model
    model.loggedIn = loggedIn
    if !loggedIn {
      model.prompt = ConsolePrompt(.loginUser)
      model.status = .init("not logged in: enter the GM's user name and password", isError: true)
    }
    return effects + [.load(.locations)]
  }

  // MARK: - Stream, time and answers

  /// Folds one update of the active-view stream into the live view; a new deck puts the cursor on its first room.
  public mutating func handle(_ update: EventSourceUpdate, now: ContinuousClock.Instant) -> [GMConsoleEffect] {
    let overrides = display.model.payload?.shipSystemOverrides
    var effects = display.handle(update, now: now).map(GMConsoleEffect.view)
    model.view = display.model
    if case .event = update, let payload = model.view.payload, payload.shipSystemOverrides != overrides,
      payload.viewType != .shipDashboard
    {
      effects.append(.view(.fetch(.shipStatus)))
    }
    followDeck()
    if case .event = update, model.focus == .charon { effects.append(.load(.charon)) }
    return effects
  }

  /// Puts the cursor on the first room of a deck it has not been on, drops it when no deck is shown, and ends a
  /// move whose token is gone.
  mutating func followDeck() {
    guard let deck = model.deck else {
      model.cursor = nil
      model.cursorDeckID = nil
      model.carried = nil
      return
    }
    if model.cursorDeckID != deck.id || model.cursor == nil {
      model.cursor = DeckGeometry.startCell(of: deck)
      model.cursorDeckID = deck.id
      model.carried = nil
    }
    if let carried = model.carried, model.view.payload?.encounterTokens[carried.id] == nil {
      model.carried = nil
      model.status = .init("the token being moved was removed", isError: true)
    }
  }

  /// Updates the clock and the retry countdown and polls what is due.
  public mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [GMConsoleEffect] {
    var effects = display.tick(hour: hour, minute: minute, now: now).map(GMConsoleEffect.view)
    model.view = display.model
    if model.focus == .charon {
      if let due = nextCharonPoll, now < due { return effects }
      if nextCharonPoll != nil { effects.append(.load(.charon)) }
      nextCharonPoll = now.advanced(by: pollInterval)
    }
    return effects
  }

  /// Folds the answer to a ``GMConsoleEffect/view(_:)`` fetch into the live view.
  public mutating func fetched(
    _ resource: PlayerResource, _ result: Result<JSONValue, ServerAPIError>, now: ContinuousClock.Instant
  ) -> [GMConsoleEffect] {
    let effects = display.fetched(resource, result, now: now).map(GMConsoleEffect.view)
    model.view = display.model
    model.shipSelection = min(model.shipSelection, max(0, (model.view.ship?.systems.count ?? 0) - 1))
    return effects
  }

  /// Folds a portrait fetched for the live view (``PlayerEffect/fetchPortrait(_:)``) into it.
  public mutating func portraitLoaded(_ source: PortraitSource, _ art: PortraitArt?) -> [GMConsoleEffect] {
    let effects = display.portraitLoaded(source, art).map(GMConsoleEffect.view)
    model.view = display.model
    return effects
  }

  /// Folds the answer to a ``GMConsoleEffect/load(_:)`` into the model.
  ///
  /// An answer that does not read is logged once per kind of problem (the resource, the key path and the reason);
  /// a list of locations that does not read also says so on the status line.
  public mutating func loaded(
    _ resource: GMConsoleResource, _ result: Result<JSONValue, ServerAPIError>
  ) -> [GMConsoleEffect] {
    switch (resource, result) {
    case (.locations, .success(let json)):
      do {
        model.locations = try ConsoleLocation.list(json: json)
      } catch {
        model.locations = []
        model.status = .init(
          "cannot read the list of locations: \(UntrustedText.sanitize(String(describing: error)))", isError: true)
        return unreadable(resource, error)
      }
      model.listSelection = min(model.listSelection, model.listEntries.count - 1)
    case (.charon, .success(let json)):
      do {
        model.charon = try CharonConversation(json: json)
      } catch {
        model.charon = nil
        return unreadable(resource, error)
      }
    case (.locations, .failure(let error)):
      model.status = .init("cannot list the locations: \(error)", isError: true)
    case (.charon, .failure):
      break
    }
    return []
  }

  /// The log line for an answer to `resource` that does not read, the first time its kind of problem is seen.
  mutating func unreadable(_ resource: GMConsoleResource, _ error: any Error) -> [GMConsoleEffect] {
    let answer = UnreadableAnswer(path: resource.path, error: error)
    return loggedProblems.insert(answer.kind).inserted ? [.view(.log(answer.logLine))] : []
  }

  /// Reports the answer to a write on the status line; a 401 asks for a login and sends the write again after it.
  public mutating func written(_ write: GMWrite, _ result: Result<JSONValue, ServerAPIError>) -> [GMConsoleEffect] {
    switch result {
    case .success:
      model.status = .init("done: \(write.summary)")
      if write.endpoint == .shipStatus { return [.view(.fetch(.shipStatus))] }
      if write.endpoint == .charonSend { return [.load(.charon)] }
    case .failure(.refused(status: 401, let message)):
      model.loggedIn = false
      retryAfterLogin = write
      model.status = .init("login needed (\(message)): \(write.summary) is sent again after it", isError: true)
      if model.prompt == nil { model.prompt = ConsolePrompt(.loginUser) }
    case .failure(.refused(let status, let message)):
      model.status = .init("refused (\(status)): \(message)", isError: true)
    case .failure(.unreachable(let reason)):
      model.status = .init("not sent: \(reason)", isError: true)
    }
    return []
  }

  /// Reports a login; after a successful one, sends the write that needed it.
  public mutating func loggedIn(user: String, _ result: Result<Void, ServerAPIError>) -> [GMConsoleEffect] {
    switch result {
    case .success:
      model.loggedIn = true
      model.status = .init("logged in as \(UntrustedText.sanitize(user))")
      guard let write = retryAfterLogin else { return [] }
      retryAfterLogin = nil
      return send(write)
    case .failure(let error):
      model.status = .init("login refused: \(error)", isError: true)
      model.prompt = ConsolePrompt(.loginUser)
      return []
    }
  }

  // MARK: - Keys

  /// Folds a key press (or a mouse report, see ``mouse(_:width:height:)``) into the model.
  public mutating func key(_ input: TerminalInput) -> [GMConsoleEffect] {
    if input == .repaint { return [.repaint] }
    if model.helpShown {
      model.helpShown = false
      return []
    }
    if model.confirmation != nil { return confirmationKey(input) }
    if model.prompt != nil { return promptKey(input) }
    if model.carried != nil { return carryKey(input) }
    switch model.focus {
    case .map:
      if let effects = mapKey(input) { return effects }
    case .locations:
      if let effects = locationKey(input) { return effects }
    case .npcs:
      if let effects = npcKey(input) { return effects }
    case .ship:
      if let effects = shipKey(input) { return effects }
    case .charon:
      if let effects = charonKey(input) { return effects }
    case .terminals:
      if let effects = terminalKey(input) { return effects }
    }
    return globalKey(input)
  }

  /// The keys that work wherever the focus is.
  mutating func globalKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    switch input {
    case .character("?"):
      model.helpShown = true
    case .escape:
      model.focus = .map
    case .character("q"):
      model.confirmation = .quit
    case .character("v"):
      model.focus = .locations
      selectCurrentView()
    case .character("p"):
      model.focus = .npcs
    case .character("y"):
      model.focus = .ship
      if model.view.ship == nil { return [.view(.fetch(.shipStatus))] }
    case .character("c"):
      model.focus = .charon
      nextCharonPoll = nil
      return [.load(.charon)]
    case .character("o"):
      model.focus = .terminals
      if model.locations.isEmpty { return [.load(.locations)] }
    case .character("O"):
      return send(GMWrite(.hideTerminal, summary: "hide the comm terminal"))
    case .character("b"):
      model.prompt = ConsolePrompt(.broadcastContent)
    default:
      break
    }
    return []
  }

  // MARK: - Helpers

  /// Sends `write`, saying so on the status line.
  mutating func send(_ write: GMWrite) -> [GMConsoleEffect] {
    model.status = .init("sending: \(write.summary)...")
    return [.write(write)]
  }

  mutating func noEncounter() -> [GMConsoleEffect] {
    model.status = .init("the shared screen shows no deck: v opens a location as ENCOUNTER", isError: true)
    return []
  }

  mutating func nothingHere(_ thing: String) -> [GMConsoleEffect] {
    model.status = .init("no \(thing) under the cursor", isError: true)
    return []
  }

  /// Server or campaign text made safe for the status line.
  static func clean(_ text: String) -> String {
    UntrustedText.sanitize(text)
  }
}
