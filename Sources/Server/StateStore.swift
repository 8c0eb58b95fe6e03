import BulkheadCore
import NIOCore

/// The one active view of a server: serializes every change, builds and encodes the payload
/// once per change, and publishes the frame.
public actor StateStore {
  /// The campaign, loaded once at start.
  public nonisolated let campaign: Campaign
  /// New at each server start.
  public nonisolated let epoch: String
  /// Where frames go.
  public nonisolated let broadcaster: Broadcaster
  /// Where the lean stream's frames go (`?compact=1`): after a listener's first frame, `location_data` and
  /// `encounter_npc_data` only when they change.
  public nonisolated let compactBroadcaster: Broadcaster
  private let builder: PayloadBuilder
  private let messages: MessageStore
  private(set) var state = ActiveViewState()
  private(set) var version = 0
  /// The current payload's JSON bytes.
  private(set) var payload: ByteBuffer
  /// The ``PayloadBuilder/staticKey(of:)`` of the last state published.
  private var staticKey: String

  /// A store in the start state (STANDBY, version 0).
  public init(
    campaign: Campaign, messages: MessageStore, epoch: String, bufferBytes: Int, keepalive: Duration
  ) {
    self.campaign = campaign
    self.epoch = epoch
    self.messages = messages
    builder = PayloadBuilder(campaign: campaign)
    let initial = ActiveViewState()
    let bytes = builder.encode(initial, version: 0, epoch: epoch)
    payload = ByteBuffer(bytes: bytes)
    let frame = Self.frame(bytes, epoch: epoch, version: 0)
    broadcaster = Broadcaster(initial: frame, bufferBytes: bufferBytes, keepalive: keepalive)
    compactBroadcaster = Broadcaster(initial: frame, bufferBytes: bufferBytes, keepalive: keepalive)
    staticKey = builder.staticKey(of: initial)
  }

  /// The current state.
  public var currentState: ActiveViewState { state }

  /// Validates and applies `command`; a change is announced to every listener before this returns.
  ///
  /// - Returns: the fields of the success response.
  /// - Throws: `CommandError` (nothing changed, nothing announced) or a storage error.
  func execute(_ command: Command) async throws -> [String: JSONValue] {
    let outcome = try Reducer.apply(command, to: state, campaign: campaign)
    // The state changes before any suspension point: a command that runs while this one awaits
    // its storage write starts from the new state.
    if outcome.state != state {
      let bytes = builder.encode(outcome.state, version: version + 1, epoch: epoch)
      guard bytes.count <= WriteLimits.payloadBytes else {
        throw CommandError(
          .invalid,
          "this change would make the view \(bytes.count) bytes, over the limit of \(WriteLimits.payloadBytes) "
            + "that every display reads: remove tokens or shorten their names")
      }
      state = outcome.state
      version += 1
      payload = ByteBuffer(bytes: bytes)
      let frame = Self.frame(bytes, epoch: epoch, version: version)
      broadcaster.publish(frame)
      let key = builder.staticKey(of: state)
      if key == staticKey {
        let lean = builder.encode(state, version: version, epoch: epoch, omittingStatic: true)
        compactBroadcaster.publish(Self.frame(lean, epoch: epoch, version: version), snapshot: frame)
      } else {
        compactBroadcaster.publish(frame)
        staticKey = key
      }
    }
    var response = outcome.response
    switch outcome.effect {
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
