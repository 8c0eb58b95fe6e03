import BulkheadCore
import Foundation

/// What a cluster's `NOTIFY` says about a committed session version: the campaign, the epoch and the version, and
/// the state itself when the whole notice fits in a notification (PostgreSQL refuses payloads of 8000 bytes or
/// more). A server one version behind publishes a notice with its state at once, without reading the database;
/// any other notice is a hint to read the stored versions.
struct SessionNotice: Codable, Sendable, Equatable {
  /// The session's key: the campaign's name.
  var campaign: String
  var epoch: String
  var version: Int
  /// The active view at this version; nil when it did not fit.
  var state: ActiveViewState?

  /// The largest notification payload PostgreSQL accepts, in bytes.
  static let payloadLimit = 7999

  /// The notice's text for `pg_notify`: with the state (`stateJSON`, as stored) when it fits, else without.
  static func payload(campaign: String, epoch: String, version: Int, stateJSON: String) throws -> String {
    let encoder = JSONEncoder()
    let head =
      "{\"campaign\":\(String(decoding: try encoder.encode(campaign), as: UTF8.self)),"
      + "\"epoch\":\(String(decoding: try encoder.encode(epoch), as: UTF8.self)),\"version\":\(version)"
    let whole = head + ",\"state\":" + stateJSON + "}"
    return whole.utf8.count <= payloadLimit ? whole : head + "}"
  }

  /// The notice in a notification's payload, or nil when it is not one.
  init?(payload: String) {
    guard let notice = try? JSONDecoder().decode(Self.self, from: Data(payload.utf8)) else { return nil }
    self = notice
  }

  init(campaign: String, epoch: String, version: Int, state: ActiveViewState?) {
    self.campaign = campaign
    self.epoch = epoch
    self.version = version
    self.state = state
  }

  /// The snapshot the notice carries, when it carries the state.
  var snapshot: SessionSnapshot? {
    state.map { SessionSnapshot(epoch: epoch, version: version, state: $0) }
  }
}
