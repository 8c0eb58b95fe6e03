import BulkheadCore
import NIOCore

/// The active view of a server: commits every change to the session store before it is acknowledged, then
/// builds and encodes the payload once per change and publishes the frame.
public actor StateStore {
  /// The campaign, loaded once at start.
  public nonisolated let campaign: Campaign
  /// Where frames go.
  public nonisolated let broadcaster: Broadcaster
  /// Where the lean stream's frames go (`?compact=1`): after a listener's first frame, `location_data` and
  /// `encounter_npc_data` only when they change.
  public nonisolated let compactBroadcaster: Broadcaster
  private let builder: PayloadBuilder
  private let messages: MessageStore
  private let session: any SessionStore
  private let turns = WriteTurns()
  /// The session as last published.
  private(set) var snapshot: SessionSnapshot
  /// The current payload's JSON bytes.
  private(set) var payload: ByteBuffer
  /// The ``PayloadBuilder/staticKey(of:)`` of the last state published.
  private var staticKey: String

  /// A store that starts from `snapshot`, the session as stored.
  init(
    campaign: Campaign, session: any SessionStore, snapshot: SessionSnapshot, messages: MessageStore,
    bufferBytes: Int, keepalive: Duration
  ) {
    self.campaign = campaign
    self.session = session
    self.snapshot = snapshot
    self.messages = messages
    builder = PayloadBuilder(campaign: campaign)
    let bytes = builder.encode(snapshot.state, version: snapshot.version, epoch: snapshot.epoch)
    payload = ByteBuffer(bytes: bytes)
    let frame = Self.frame(bytes, epoch: snapshot.epoch, version: snapshot.version)
    broadcaster = Broadcaster(initial: frame, bufferBytes: bufferBytes, keepalive: keepalive)
    compactBroadcaster = Broadcaster(initial: frame, bufferBytes: bufferBytes, keepalive: keepalive)
    staticKey = builder.staticKey(of: snapshot.state)
  }

  /// The current state.
  public var currentState: ActiveViewState { snapshot.state }

  /// The session's lineage.
  public var epoch: String { snapshot.epoch }

  /// The current version.
  public var version: Int { snapshot.version }

  /// Validates and applies `command`, commits the change, then announces it to every listener, before this
  /// returns. Commands run one at a time, in the order they arrive.
  ///
  /// The reducer runs on the state last published and the new payload is encoded once, with the version it will be
  /// stored as: that encoding is both the size check and the frame. Inside the transaction the plan is used as it is
  /// when the stored state is the one it was made from (the reducer is pure), and made again from the stored state
  /// when another process wrote a different one.
  ///
  /// - Returns: the fields of the success response (``WriteResponse``, and the id of the message stored).
  /// - Throws: `CommandError` (nothing changed, nothing announced) or a storage error (nothing announced).
  func execute(_ command: Command) async throws -> [String: JSONValue] {
    await turns.begin()
    defer { turns.end() }
    let campaign = campaign
    let builder = builder
    let base = snapshot
    let planned = try Reducer.apply(command, to: base.state, campaign: campaign)
    var payload: [UInt8]?
    if planned.state != base.state {
      let bytes = builder.encode(planned.state, version: base.version + 1, epoch: base.epoch)
      try Self.checkSize(bytes.count)
      payload = bytes
    }
    let committed = try await session.commit(cached: base) { state in
      guard state != base.state else { return planned }
      let outcome = try Reducer.apply(command, to: state, campaign: campaign)
      if outcome.state != state { try Self.checkSize(builder.encode(outcome.state, version: 0, epoch: "").count) }
      return outcome
    }
    for snapshot in committed.missed { adopt(snapshot) }
    let next = committed.snapshot
    let asPlanned = next.epoch == base.epoch && next.version == base.version + 1 && next.state == planned.state
    adopt(next, encoded: asPlanned ? payload : nil)
    var response = WriteResponse.fields(of: command, committed.outcome)
    switch committed.outcome.effect {
    case .broadcast(let sender, let content, let priority)?:
      let id = try await messages.addBroadcast(sender: sender, content: content, priority: priority)
      response["message_id"] = .int(Int(id))
    case .charonMessage(let channel, let role, let content)?:
      let id = try await messages.addCharonMessage(channel: channel, role: role, content: content)
      response[role == "user" ? "query_id" : "message_id"] = .string(id)
    case nil:
      break
    }
    return response
  }

  /// Publishes `newer` when it supersedes the session last published (a later version, or a session started
  /// over); an older or equal one is ignored. `encoded`, when given, is its payload already encoded.
  ///
  /// The lean stream gets a lean frame only when it has listeners and the campaign-only parts are those of the
  /// frame before; otherwise the whole frame, which a lean listener always accepts.
  func adopt(_ newer: SessionSnapshot, encoded: [UInt8]? = nil) {
    guard newer.supersedes(snapshot) else { return }
    let restarted = newer.epoch != snapshot.epoch
    snapshot = newer
    let bytes = encoded ?? builder.encode(newer.state, version: newer.version, epoch: newer.epoch)
    payload = ByteBuffer(bytes: bytes)
    let frame = Self.frame(bytes, epoch: newer.epoch, version: newer.version)
    broadcaster.publish(frame)
    let key = builder.staticKey(of: newer.state)
    if key == staticKey && !restarted && compactBroadcaster.listenerCount > 0 {
      let lean = builder.encode(newer.state, version: newer.version, epoch: newer.epoch, omittingStatic: true)
      compactBroadcaster.publish(Self.frame(lean, epoch: newer.epoch, version: newer.version), snapshot: frame)
    } else {
      compactBroadcaster.publish(frame)
    }
    staticKey = key
  }

  /// Refuses a payload of `bytes` bytes when it is larger than every display reads (``WriteLimits/payloadBytes``).
  private static func checkSize(_ bytes: Int) throws(CommandError) {
    guard bytes <= WriteLimits.payloadBytes else {
      throw CommandError(
        .invalid,
        "this change would make the view \(bytes) bytes, over the limit of \(WriteLimits.payloadBytes) "
          + "that every display reads: remove tokens or shorten their names")
    }
  }

  /// An SSE frame: `id: <epoch>.<version>`, `event: activeview`, the payload on one `data:` line.
  static func frame(_ json: [UInt8], epoch: String, version: Int) -> ByteBuffer {
    var buffer = ByteBuffer()
    buffer.reserveCapacity(json.count + 64)
    buffer.writeString("id: \(epoch).\(version)\nevent: activeview\ndata: ")
    buffer.writeBytes(json)
    buffer.writeString("\n\n")
    return buffer
  }
}
