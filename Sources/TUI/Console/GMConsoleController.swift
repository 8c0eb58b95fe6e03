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
  public private(set) var model = GMConsoleModel()
  /// The live view's own logic.
  private var display: PlayerController
  /// How often the CHARON panel's conversation is polled while it is open.
  public let pollInterval: Duration
  /// When the CHARON panel's conversation is next polled; `nil` right after it was read on opening the panel.
  private var nextCharonPoll: ContinuousClock.Instant?
  /// The write refused for want of a login, sent again once logged in.
  private var retryAfterLogin: GMWrite?
  /// The token pressed on with the mouse: a release on another cell moves it there.
  private var dragging: (id: String, from: GMConsoleModel.GridPoint)?
  /// The kinds of unreadable answer already logged: each is logged once.
  private var loggedProblems: Set<String> = []

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
  private mutating func followDeck() {
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
  private mutating func unreadable(_ resource: GMConsoleResource, _ error: any Error) -> [GMConsoleEffect] {
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
  private mutating func globalKey(_ input: TerminalInput) -> [GMConsoleEffect] {
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

  /// The deck-map keys; `nil` for a key the map does not use.
  private mutating func mapKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    switch input {
    case .left, .character("h"): moveCursor(dx: -1, dy: 0)
    case .right, .character("l"): moveCursor(dx: 1, dy: 0)
    case .up, .character("k"): moveCursor(dx: 0, dy: -1)
    case .down, .character("j"): moveCursor(dx: 0, dy: 1)
    case .character("["): return switchDeck(by: -1)
    case .character("]"): return switchDeck(by: 1)
    case .character("r"): return toggleRoom()
    case .character("R"): return revealDeck()
    case .character("d"): return cycleDoor()
    case .character("t"):
      guard let cursor = model.cursor else { return noEncounter() }
      model.prompt = ConsolePrompt(.tokenType(at: cursor))
    case .character("m"): pickUpToken()
    case .character("s"): return cycleTokenStatus()
    case .character("x"):
      guard let (id, token) = model.tokenUnderCursor else { return nothingHere("token") }
      return send(GMWrite(.removeToken(id: id), summary: "remove \(Self.clean(token.name))"))
    case .character("X"):
      let count = model.view.payload?.encounterTokens.count ?? 0
      guard count > 0 else {
        model.status = .init("there are no tokens to clear", isError: true)
        return []
      }
      model.confirmation = .clearTokens(count: count)
    default:
      return nil
    }
    return []
  }

  private mutating func moveCursor(dx: Int, dy: Int) {
    guard let deck = model.deck, let cursor = model.cursor else { return }
    model.cursor = Self.clamp(GMConsoleModel.GridPoint(x: cursor.x + dx, y: cursor.y + dy), to: deck)
  }

  private static func clamp(_ point: GMConsoleModel.GridPoint, to deck: Deck) -> GMConsoleModel.GridPoint {
    GMConsoleModel.GridPoint(
      x: min(max(0, point.x), max(0, deck.width - 1)), y: min(max(0, point.y), max(0, deck.height - 1)))
  }

  private mutating func switchDeck(by step: Int) -> [GMConsoleEffect] {
    guard let payload = model.view.payload, model.deck != nil else { return noEncounter() }
    let level = payload.encounterLevel + step
    guard (1...(payload.encounterTotalDecks ?? 1)).contains(level) else {
      model.status = .init("there is no deck \(level)", isError: true)
      return []
    }
    return send(GMWrite(.switchLevel(level: level, deckID: nil), summary: "show deck \(level)"))
  }

  private mutating func toggleRoom() -> [GMConsoleEffect] {
    guard model.deck != nil else { return noEncounter() }
    guard let room = model.roomUnderCursor else { return nothingHere("room") }
    return reveal(room, visible: model.view.payload?.encounterRoomVisibility[room.id] != true)
  }

  private mutating func reveal(_ room: Room, visible: Bool) -> [GMConsoleEffect] {
    send(
      GMWrite(
        .toggleRoom(roomID: room.id, visible: visible),
        summary: (visible ? "reveal " : "hide ") + Self.clean(room.id)))
  }

  private mutating func revealDeck() -> [GMConsoleEffect] {
    guard let deck = model.deck, let payload = model.view.payload else { return noEncounter() }
    var visibility = payload.encounterRoomVisibility
    for room in deck.rooms { visibility[room.id] = true }
    return send(
      GMWrite(
        .setRoomVisibility(visibility),
        summary: "reveal every room of \(Self.clean(deck.name.isEmpty ? deck.id : deck.name))"))
  }

  private mutating func cycleDoor() -> [GMConsoleEffect] {
    guard model.deck != nil else { return noEncounter() }
    guard let (connection, status) = model.doorNearCursor else { return nothingHere("door") }
    let index = Self.doorCycle.firstIndex(of: status) ?? 0
    let next = Self.doorCycle[(index + 1) % Self.doorCycle.count]
    return send(
      GMWrite(
        .setDoorStatus(connectionID: connection.id, status: next),
        summary: "door \(Self.clean(connection.id)) \(next.rawValue)"))
  }

  private mutating func pickUpToken() {
    guard let (id, token) = model.tokenUnderCursor, let cursor = model.cursor else {
      model.status = .init("no token under the cursor to move", isError: true)
      return
    }
    model.carried = GMConsoleModel.CarriedToken(id: id, token: token, at: cursor)
    model.status = .init("moving \(Self.clean(token.name)): arrows move, Enter drops, Esc cancels")
  }

  private mutating func cycleTokenStatus() -> [GMConsoleEffect] {
    guard let (id, token) = model.tokenUnderCursor else { return nothingHere("token") }
    let statuses = token.status.map { $0.lowercased() }
    let current = Self.cycledStatuses.lastIndex { statuses.contains($0) }
    let kept = token.status.filter { !Self.cycledStatuses.contains($0.lowercased()) }
    let nextIndex = current.map { $0 + 1 } ?? 0
    let added = nextIndex < Self.cycledStatuses.count ? [Self.cycledStatuses[nextIndex]] : []
    let status = kept + added
    let words = status.isEmpty ? "no status" : status.map(Self.clean).joined(separator: " ")
    return send(
      GMWrite(
        .updateTokenStatus(id: id, status: status),
        summary: "\(Self.clean(token.name)) \(words)"))
  }

  /// Keys while a token is carried: arrows move it, Enter drops it with one move request, Esc cancels.
  private mutating func carryKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard var carried = model.carried, let deck = model.deck else {
      model.carried = nil
      return []
    }
    var step = (0, 0)
    switch input {
    case .left, .character("h"): step = (-1, 0)
    case .right, .character("l"): step = (1, 0)
    case .up, .character("k"): step = (0, -1)
    case .down, .character("j"): step = (0, 1)
    case .enter:
      model.carried = nil
      return moveToken(id: carried.id, name: carried.token.name, to: carried.at, in: deck)
    case .escape:
      model.carried = nil
      model.cursor = GMConsoleModel.GridPoint(x: carried.token.x, y: carried.token.y)
      model.status = .init("move cancelled")
      return []
    default:
      return []
    }
    carried.at = Self.clamp(GMConsoleModel.GridPoint(x: carried.at.x + step.0, y: carried.at.y + step.1), to: deck)
    model.carried = carried
    model.cursor = carried.at
    return []
  }

  private mutating func moveToken(
    id: String, name: String, to point: GMConsoleModel.GridPoint, in deck: Deck
  ) -> [GMConsoleEffect] {
    let room = deck.room(atX: point.x, y: point.y)?.id
    return send(
      GMWrite(
        .moveToken(id: id, x: point.x, y: point.y, roomID: room),
        summary: "move \(Self.clean(name)) to \(point.x),\(point.y)"))
  }

  // MARK: - Lists

  /// Up and down within `count` rows, from `selection`; `nil` for other keys.
  private static func listStep(_ input: TerminalInput, _ selection: Int, count: Int) -> Int? {
    switch input {
    case .up, .character("k"): max(0, selection - 1)
    case .down, .character("j"): max(0, min(count - 1, selection + 1))
    default: nil
    }
  }

  private mutating func selectCurrentView() {
    guard let payload = model.view.payload else { return }
    let entries = model.listEntries
    let index = entries.firstIndex { entry in
      switch entry {
      case .view(let type): type == payload.viewType
      case .location(let location): payload.viewType == .encounter && location.slug == payload.locationSlug
      }
    }
    if let index { model.listSelection = index }
  }

  private mutating func locationKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let entries = model.listEntries
    if let row = Self.listStep(input, model.listSelection, count: entries.count) {
      model.listSelection = row
      return []
    }
    guard input == .enter, entries.indices.contains(model.listSelection) else { return nil }
    switch entries[model.listSelection] {
    case .view(let type):
      return send(GMWrite(.switchView(type, locationSlug: "", viewSlug: ""), summary: "show \(type.rawValue)"))
    case .location(let location) where location.hasMap:
      model.focus = .map
      return send(
        GMWrite(
          .switchView(.encounter, locationSlug: location.slug, viewSlug: ""),
          summary: "open \(Self.clean(location.name)) as ENCOUNTER"))
    case .location(let location):
      model.status = .init("\(Self.clean(location.name)) has no map: o shows one of its terminals", isError: true)
      return []
    }
  }

  private mutating func npcKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let npcs = model.npcs
    if let row = Self.listStep(input, model.npcSelection, count: npcs.count) {
      model.npcSelection = row
      return []
    }
    guard input == .enter, npcs.indices.contains(model.npcSelection) else { return nil }
    let npc = npcs[model.npcSelection]
    let shown = model.view.payload?.encounterActivePortraits.contains(npc.id) == true
    return send(
      GMWrite(
        .togglePortrait(npcID: npc.id),
        summary: (shown ? "dismiss the portrait of " : "show the portrait of ") + Self.clean(npc.name)))
  }

  private mutating func shipKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let systems = model.view.ship?.systems ?? []
    if let row = Self.listStep(input, model.shipSelection, count: systems.count) {
      model.shipSelection = row
      return []
    }
    guard systems.indices.contains(model.shipSelection) else { return nil }
    let system = systems[model.shipSelection]
    switch input {
    case .character("s"):
      let all = ShipSystemStatus.allCases
      let next = system.status.flatMap { all.firstIndex(of: $0) }.map { all[($0 + 1) % all.count] } ?? .online
      return send(
        GMWrite(
          .setShipSystem(system: system.key, ShipSystemOverride(status: next, condition: system.condition)),
          summary: "\(Self.clean(system.key)) \(next.rawValue)"))
    case .enter:
      model.prompt = ConsolePrompt(.shipCondition(system: system.key, status: system.status ?? .online))
      return []
    default:
      return nil
    }
  }

  private mutating func charonKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    guard let payload = model.view.payload else { return nil }
    switch input {
    case .character("d"):
      let open = !payload.charonDialogOpen
      return send(
        GMWrite(
          .toggleCharonDialog(open: open),
          summary: open ? "open the CHARON dialog" : "close the CHARON dialog"))
    case .character("m"):
      let mode: CharonMode = payload.charonMode == .display ? .query : .display
      return send(GMWrite(.setCharonMode(mode), summary: "CHARON mode \(mode.rawValue)"))
    case .enter, .character("s"):
      model.prompt = ConsolePrompt(.charonMessage)
      return []
    default:
      return nil
    }
  }

  private mutating func terminalKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let terminals = model.terminals
    if let row = Self.listStep(input, model.terminalSelection, count: terminals.count) {
      model.terminalSelection = row
      return []
    }
    guard input == .enter, terminals.indices.contains(model.terminalSelection) else { return nil }
    let (location, terminal) = terminals[model.terminalSelection]
    return send(
      GMWrite(
        .showTerminal(locationSlug: location.slug, terminalSlug: terminal.slug),
        summary: "show terminal \(Self.clean(terminal.slug))"))
  }

  // MARK: - Prompts

  private mutating func confirmationKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard let confirmation = model.confirmation else { return [] }
    switch input {
    case .character("y"), .character("Y"):
      model.confirmation = nil
      switch confirmation {
      case .quit: return [.quit]
      case .clearTokens: return send(GMWrite(.clearTokens, summary: "clear every token"))
      }
    case .character("n"), .character("N"), .escape:
      model.confirmation = nil
    default:
      break
    }
    return []
  }

  private mutating func promptKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard var prompt = model.prompt else { return [] }
    if input == .escape {
      model.prompt = nil
      if case .loginUser = prompt.purpose { retryAfterLogin = nil }
      if case .loginPassword = prompt.purpose { retryAfterLogin = nil }
      return []
    }
    if prompt.isChoice { return choiceKey(input, prompt) }
    switch input {
    case .character(let character):
      if prompt.text.count < ConsolePrompt.limit { prompt.text.append(character) }
      model.prompt = prompt
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      model.prompt = prompt
    case .enter:
      return answer(prompt)
    default:
      break
    }
    return []
  }

  private mutating func choiceKey(_ input: TerminalInput, _ prompt: ConsolePrompt) -> [GMConsoleEffect] {
    switch prompt.purpose {
    case .tokenType(let cell):
      let kinds: [Character: Token.Kind] = ["p": .player, "n": .npc, "c": .creature, "o": .object]
      guard case .character(let key) = input, let kind = kinds[key] else { return [] }
      model.prompt = ConsolePrompt(.tokenName(kind, at: cell))
    case .broadcastPriority(let content):
      let priorities: [Character: MessagePriority] = ["l": .low, "n": .normal, "h": .high, "c": .critical]
      let priority: MessagePriority
      if input == .enter {
        priority = .normal
      } else if case .character(let key) = input, let chosen = priorities[key] {
        priority = chosen
      } else {
        return []
      }
      model.prompt = nil
      return send(
        GMWrite(
          .broadcast(content: content, sender: "CHARON", priority: priority),
          summary: "broadcast \(priority.rawValue)"))
    default:
      break
    }
    return []
  }

  /// Acts on a typed answer.
  private mutating func answer(_ prompt: ConsolePrompt) -> [GMConsoleEffect] {
    let text = UntrustedText.sanitize(prompt.text).trimmingSpaces
    let raw = prompt.text
    model.prompt = nil
    switch prompt.purpose {
    case .tokenName(let kind, let cell):
      guard !text.isEmpty, let deck = model.deck else { return [] }
      let room = deck.room(atX: cell.x, y: cell.y)?.id ?? ""
      return send(
        GMWrite(
          .placeToken(Token(type: kind, name: text, x: cell.x, y: cell.y, roomID: room)),
          summary: "place \(kind.rawValue) \(text)"))
    case .broadcastContent:
      guard !text.isEmpty else { return [] }
      model.prompt = ConsolePrompt(.broadcastPriority(content: text))
    case .charonMessage:
      guard !text.isEmpty else { return [] }
      return send(GMWrite(.sendCharonMessage(text), summary: "CHARON message sent"))
    case .shipCondition(let system, let status):
      guard let condition = Int(text) else {
        model.status = .init("the condition must be a whole number", isError: true)
        return []
      }
      return send(
        GMWrite(
          .setShipSystem(system: system, ShipSystemOverride(status: status, condition: condition)),
          summary: "\(Self.clean(system)) \(status.rawValue) \(condition)%"))
    case .loginUser:
      guard !text.isEmpty else {
        model.prompt = ConsolePrompt(.loginUser)
        return []
      }
      model.prompt = ConsolePrompt(.loginPassword(user: text))
    case .loginPassword(let user):
      guard !raw.isEmpty else {
        model.prompt = ConsolePrompt(.loginPassword(user: user))
        return []
      }
      model.status = .init("logging in as \(user)...")
      return [.logIn(user: user, password: raw)]
    case .tokenType, .broadcastPriority:
      break
    }
    return []
  }

  // MARK: - Mouse

  /// Folds a mouse report on a `width` × `height` console into the model: a click on the map puts the cursor on
  /// its cell (selecting the room, door or token there) and reveals a fogged room; a press on a token and a release
  /// on another cell moves the token; a click in the location list selects the row.
  public mutating func mouse(_ input: MouseInput, width: Int, height: Int) -> [GMConsoleEffect] {
    guard model.prompt == nil, model.confirmation == nil, !model.helpShown,
      let layout = GMConsoleLayout(width: width, height: height)
    else { return [] }
    if input.action == .press, let row = layout.listRow(x: input.x, y: input.y, selection: model.listSelection),
      model.listEntries.indices.contains(row)
    {
      model.focus = .locations
      model.listSelection = row
      return []
    }
    guard let deck = model.deck, let cell = layout.gridCell(x: input.x, y: input.y, model: model.view) else {
      if input.action == .release { dragging = nil }
      return []
    }
    model.focus = .map
    switch input.action {
    case .press:
      model.carried = nil
      model.cursor = cell
      if let (id, _) = model.tokenUnderCursor {
        dragging = (id, cell)
        return []
      }
      dragging = nil
      if let room = deck.room(atX: cell.x, y: cell.y), model.view.payload?.encounterRoomVisibility[room.id] != true {
        return reveal(room, visible: true)
      }
      return []
    case .release:
      guard let (id, from) = dragging else { return [] }
      dragging = nil
      guard cell != from, let token = model.view.payload?.encounterTokens[id] else { return [] }
      model.cursor = cell
      return moveToken(id: id, name: token.name, to: cell, in: deck)
    }
  }

  // MARK: - Helpers

  /// Sends `write`, saying so on the status line.
  private mutating func send(_ write: GMWrite) -> [GMConsoleEffect] {
    model.status = .init("sending: \(write.summary)...")
    return [.write(write)]
  }

  private mutating func noEncounter() -> [GMConsoleEffect] {
    model.status = .init("the shared screen shows no deck: v opens a location as ENCOUNTER", isError: true)
    return []
  }

  private mutating func nothingHere(_ thing: String) -> [GMConsoleEffect] {
    model.status = .init("no \(thing) under the cursor", isError: true)
    return []
  }

  /// Server or campaign text made safe for the status line.
  static func clean(_ text: String) -> String {
    UntrustedText.sanitize(text)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
