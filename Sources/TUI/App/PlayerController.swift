import BulkheadCanvas
import BulkheadCore
import SSEClient

/// The player display's logic: folds stream updates, REST answers, key presses and clock ticks into a
/// ``PlayerModel`` and says what the loop must do next.
///
/// Pure: it never reads the time or does I/O. Each call takes the current monotonic time and returns
/// ``PlayerEffect``s; ``PlayerApp`` runs them and feeds the answers back.
///
/// - Messages are polled every ``pollInterval`` and re-fetched in full after every (re)connect; a HIGH or
///   CRITICAL message that arrives after the first load pops over the view for ``popoverDuration``.
/// - The overlay's terminal is fetched when the overlay changes, after a reconnect and, until it has loaded, every
///   ``pollInterval``; the CHARON conversation while it is on screen, on every change of the view and every
///   ``pollInterval`` (an answer for another channel than the active one is dropped); the ship's status at start,
///   after a reconnect and on every event while SHIP_DASHBOARD shows; the star map once, for BRIDGE.
public struct PlayerController: Sendable {
  /// What the display shows now.
  public private(set) var model: PlayerModel
  /// Whether `q` quits (not on a kiosk).
  public let allowsQuit: Bool
  /// How often messages and, while shown, the CHARON conversation are polled.
  public let pollInterval: Duration
  /// How long an urgent message stays over the view.
  public static let popoverDuration: Duration = .seconds(8)
  /// The longest query a player can type.
  public static let queryLimit = 500
  /// The largest event the stream's parser keeps, for the notice of an event it dropped.
  public let eventLimit: Int

  /// When the next reconnection attempt is due, while the stream waits to retry.
  private var retryAt: ContinuousClock.Instant?
  /// The kinds of resource with a request in flight: one at a time of each.
  private var inFlight: Set<Int> = []
  /// When messages and the conversation are next polled.
  private var nextPoll: ContinuousClock.Instant?
  /// When the pop-over goes away.
  private var popoverUntil: ContinuousClock.Instant?
  /// The newest message id seen, once the first list has loaded: newer urgent messages pop over the view.
  private var newestSeen: Int?
  /// A full reload of the messages is due once the poll in flight answers (a reconnect happened meanwhile).
  private var reloadMessages = false
  /// Whether the messages request in flight is a poll for newer ones rather than a full load.
  private var pollInFlight = false
  /// The portraits being fetched, by path.
  private var portraitsInFlight: Set<String> = []
  /// The kinds of stream problem already logged: each is logged once.
  private var loggedProblems: Set<String> = []

  /// A controller for a display of `role` that has received nothing yet; `eventLimit` is its event source's
  /// `maxEventBytes`.
  public init(
    role: PlayerModel.Role, allowsQuit: Bool = true, pollInterval: Duration = .seconds(2),
    eventLimit: Int = EventSourceConfiguration(url: "").maxEventBytes
  ) {
    model = PlayerModel(role: role)
    self.allowsQuit = allowsQuit
    self.pollInterval = pollInterval
    self.eventLimit = eventLimit
  }

  /// Sets the clock and asks for what the display needs before the first event.
  public mutating func start(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [PlayerEffect] {
    model.clock = PlayerModel.clock(hour: hour, minute: minute)
    nextPoll = now.advanced(by: pollInterval)
    return fetch(.messages(since: 0)) + fetch(.shipStatus)
  }

  // MARK: - Stream

  /// Folds one update of the active-view stream into the model.
  ///
  /// An `activeview` event that does not read as a payload, or an event the parser dropped as too large, leaves the
  /// last view as it was and becomes the model's ``PlayerModel/notice`` until a payload reads; an unreadable payload
  /// is logged once per kind of problem (key path and reason), a dropped event every time with its size and the
  /// limit.
  public mutating func handle(_ update: EventSourceUpdate, now: ContinuousClock.Instant) -> [PlayerEffect] {
    switch update {
    case .event(let event):
      guard event.type == "activeview" else { return [] }
      let payload: ActiveViewPayload
      do {
        payload = try ActiveViewPayload.decode(Array(event.data.utf8), after: model.payload)
      } catch {
        let notice = StreamNotice.unreadable(error)
        model.notice = notice
        return loggedProblems.insert(notice.kind).inserted ? [.log(notice.logLine)] : []
      }
      let previous = model.payload
      model.payload = payload
      model.notice = nil
      return followUps(after: previous)
    case .oversized(let bytes):
      let notice = StreamNotice.oversized(bytes: bytes, limit: eventLimit)
      model.notice = notice
      return [.log(notice.logLine)]
    case .synced:
      var effects = fetch(.messages(since: 0))
      if effects.isEmpty, pollInFlight { reloadMessages = true }
      effects += fetch(.shipStatus)
      if let resource = terminalResource { effects += fetch(resource) }
      if model.showsCharon { effects += fetch(.charon) }
      return effects
    case .health(let health):
      model.connectionLost = health.isLost
      return []
    case .state(.connecting(let attempt)):
      model.attempt = attempt
      retryAt = nil
      model.secondsToRetry = nil
      return []
    case .state(.waiting(let attempt, let delay, _)):
      model.attempt = attempt
      retryAt = now.advanced(by: delay)
      model.secondsToRetry = Self.wholeSeconds(delay)
      return []
    case .state:
      return []
    }
  }

  /// What a new payload calls for, given the one before it.
  private mutating func followUps(after previous: ActiveViewPayload?) -> [PlayerEffect] {
    guard let payload = model.payload else { return [] }
    var effects: [PlayerEffect] = []
    if previous?.overlayLocationSlug != payload.overlayLocationSlug
      || previous?.overlayTerminalSlug != payload.overlayTerminalSlug
    {
      model.terminal = nil
      model.inboxSelection = 0
      model.messageOpen = false
      if let resource = terminalResource { effects += fetch(resource) }
    }
    if model.showsCharon {
      let wasShown =
        previous.map { $0.viewType == .charonTerminal || $0.charonDialogOpen } ?? false
      if !wasShown || previous?.charonActiveChannel != payload.charonActiveChannel
        || previous?.charonMode != payload.charonMode
      {
        effects += fetch(.charon)
      }
    } else {
      model.query = ""
    }
    if payload.viewType == .shipDashboard { effects += fetch(.shipStatus) }
    if payload.viewType == .bridge, model.starMap == nil, !model.starMapMissing { effects += fetch(.starMap) }
    return effects + fetchPortraits()
  }

  /// Fetches of the active portraits not yet fetched nor being fetched.
  private mutating func fetchPortraits() -> [PlayerEffect] {
    guard let payload = model.payload, payload.viewType == .encounter else { return [] }
    var effects: [PlayerEffect] = []
    for id in payload.encounterActivePortraits {
      guard let source = payload.encounterNPCData[id].flatMap(PortraitSource.init), model.portraits[source.path] == nil,
        portraitsInFlight.insert(source.path).inserted
      else { continue }
      effects.append(.fetchPortrait(source))
    }
    return effects
  }

  /// Stores a fetched portrait. `nil` means the server could not be reached: the portrait is fetched again with the
  /// next payload that shows it.
  public mutating func portraitLoaded(_ source: PortraitSource, _ art: PortraitArt?) -> [PlayerEffect] {
    portraitsInFlight.remove(source.path)
    if let art { model.portraits[source.path] = art }
    return []
  }

  /// The overlay's terminal as a resource, while an overlay is shown.
  private var terminalResource: PlayerResource? {
    guard let payload = model.payload, model.showsTerminal else { return nil }
    return .terminal(location: payload.overlayLocationSlug, terminal: payload.overlayTerminalSlug)
  }

  // MARK: - Time

  /// Updates the clock to `hour`:`minute` (local time), the seconds to the next retry and the pop-over, and
  /// polls what is due.
  public mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [PlayerEffect] {
    model.clock = PlayerModel.clock(hour: hour, minute: minute)
    if let retryAt {
      model.secondsToRetry = Self.wholeSeconds(max(.zero, now.duration(to: retryAt)))
    }
    if let popoverUntil, now >= popoverUntil {
      model.popover = nil
      self.popoverUntil = nil
    }
    guard let due = nextPoll, now >= due else { return [] }
    nextPoll = now.advanced(by: pollInterval)
    var effects = fetch(.messages(since: newestSeen ?? 0))
    if model.showsCharon { effects += fetch(.charon) }
    if model.terminal == nil, let resource = terminalResource { effects += fetch(resource) }
    return effects
  }

  // MARK: - REST

  /// Folds the answer to a ``PlayerEffect/fetch(_:)`` into the model.
  ///
  /// An answer that does not read leaves the model as it was and is logged once per kind of problem (the resource,
  /// the key path and the reason).
  public mutating func fetched(
    _ resource: PlayerResource, _ result: Result<JSONValue, ServerAPIError>, now: ContinuousClock.Instant
  ) -> [PlayerEffect] {
    inFlight.remove(resource.kind)
    switch (resource, result) {
    case (.messages(let since), .success(let json)):
      var effects: [PlayerEffect] = []
      do {
        receive(try BroadcastMessage.list(json: json), replacing: since == 0, now: now)
      } catch {
        effects = unreadable(resource, error)
      }
      if reloadMessages {
        reloadMessages = false
        effects += fetch(.messages(since: 0))
      }
      return effects
    case (.messages, .failure):
      if reloadMessages {
        reloadMessages = false
        return fetch(.messages(since: 0))
      }
    case (.terminal, _) where resource != terminalResource:
      return terminalResource.map { fetch($0) } ?? []
    case (.terminal, .success(let json)):
      do {
        model.terminal = try TerminalInbox(json: json)
      } catch {
        return unreadable(resource, error)
      }
    case (.charon, .success(let json)):
      guard model.showsCharon else { return [] }
      let conversation: CharonConversation
      do {
        conversation = try CharonConversation(json: json)
      } catch {
        return unreadable(resource, error)
      }
      let channel = model.payload?.charonActiveChannel ?? ""
      guard conversation.channel.isEmpty || conversation.channel == channel else { return [] }
      model.charon = conversation
    case (.shipStatus, .success(let json)):
      do {
        model.ship = try ShipStatus(json: json)
      } catch {
        model.ship = nil
        return unreadable(resource, error)
      }
    case (.starMap, .success(let json)):
      do {
        model.starMap = try StarMap(json: json)
        model.starMapMissing = false
      } catch {
        model.starMap = nil
        model.starMapMissing = true
        return unreadable(resource, error)
      }
    case (.starMap, .failure(.refused(status: 404, _))):
      model.starMapMissing = true
    case (_, .failure):
      break
    }
    return []
  }

  /// The log line for an answer to `resource` that does not read, the first time its kind of problem is seen.
  private mutating func unreadable(_ resource: PlayerResource, _ error: any Error) -> [PlayerEffect] {
    let answer = UnreadableAnswer(path: resource.path, error: error)
    return loggedProblems.insert("answer \(answer.kind)").inserted ? [.log(answer.logLine)] : []
  }

  /// Merges a list of messages (newest first), or replaces the list with a full one (a new server may have started
  /// its ids again), and pops the newest urgent one the player has not seen.
  private mutating func receive(_ list: [BroadcastMessage], replacing: Bool, now: ContinuousClock.Instant) {
    var merged = replacing ? list : list + model.messages
    var seen: Set<Int> = []
    merged = merged.filter { seen.insert($0.id).inserted }.sorted { $0.id > $1.id }
    model.messages = Array(merged.prefix(PlayerModel.messageLimit))
    let newest = model.messages.first?.id ?? 0
    if let before = newestSeen, let urgent = model.messages.first(where: { $0.id > before && $0.isUrgent }) {
      model.popover = urgent
      popoverUntil = now.advanced(by: Self.popoverDuration)
    }
    newestSeen = replacing ? newest : max(newestSeen ?? 0, newest)
  }

  // MARK: - Keys

  /// Folds a key press into the model: the overlay's inbox, the CHARON query line, repaint and quit.
  public mutating func key(_ input: TerminalInput) -> [PlayerEffect] {
    if input == .repaint { return [.repaint] }
    if model.showsTerminal { return terminalKey(input) }
    if model.showsCharon, model.payload?.charonMode == .query { return queryKey(input) }
    if model.showsCharon, input == .escape, model.payload?.charonDialogOpen == true {
      return [.send(.toggleCharonDialog(open: false))]
    }
    if input == .character("q"), allowsQuit { return [.quit] }
    return []
  }

  private mutating func terminalKey(_ input: TerminalInput) -> [PlayerEffect] {
    let count = model.terminal?.inbox.count ?? 0
    switch input {
    case .up, .character("k"):
      model.inboxSelection = max(0, model.inboxSelection - 1)
      model.messageOpen = false
    case .down, .character("j"):
      model.inboxSelection = max(0, min(count - 1, model.inboxSelection + 1))
      model.messageOpen = false
    case .enter:
      model.messageOpen = count > 0
    case .escape:
      if model.messageOpen {
        model.messageOpen = false
      } else {
        return [.send(.hideTerminal)]
      }
    case .character("q") where allowsQuit:
      return [.quit]
    default:
      break
    }
    return []
  }

  private mutating func queryKey(_ input: TerminalInput) -> [PlayerEffect] {
    switch input {
    case .character(let character):
      if model.query.count < Self.queryLimit { model.query.append(character) }
    case .backspace:
      if !model.query.isEmpty { model.query.removeLast() }
    case .enter:
      let query = UntrustedText.sanitize(model.query).trimmingSpaces
      guard !query.isEmpty else { return [] }
      model.query = ""
      inFlight.insert(PlayerResource.charon.kind)
      return [.send(.submitCharonQuery(query), refresh: .charon)]
    case .escape where model.payload?.charonDialogOpen == true:
      return [.send(.toggleCharonDialog(open: false))]
    default:
      break
    }
    return []
  }

  // MARK: - Helpers

  /// A fetch of `resource`, unless one of its kind is already in flight.
  private mutating func fetch(_ resource: PlayerResource) -> [PlayerEffect] {
    guard inFlight.insert(resource.kind).inserted else { return [] }
    if case .messages(let since) = resource { pollInFlight = since > 0 }
    return [.fetch(resource)]
  }

  /// `duration` rounded up to whole seconds.
  static func wholeSeconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) + (attoseconds > 0 ? 1 : 0)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
