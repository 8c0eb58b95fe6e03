import BulkheadCore
import Foundation

/// One state of the session as stored: its lineage (`epoch`), its `version` and the active view.
public struct SessionSnapshot: Sendable, Equatable {
  /// The session's lineage: the same across restarts and across a cluster's servers, new only when the
  /// session is started over.
  public var epoch: String
  /// +1 per change within the epoch.
  public var version: Int
  /// The active view at this version.
  public var state: ActiveViewState

  /// A snapshot of `state` at `version` in `epoch`.
  public init(epoch: String, version: Int, state: ActiveViewState) {
    self.epoch = epoch
    self.version = version
    self.state = state
  }

  /// A new session: a fresh epoch, version 0, STANDBY.
  static func fresh() -> SessionSnapshot {
    var generator = SystemRandomNumberGenerator()
    let random: UInt64 = generator.next()
    return SessionSnapshot(epoch: String(random & 0xFFFF_FFFF_FFFF, radix: 36), version: 0, state: ActiveViewState())
  }

  /// Whether this snapshot comes after `other`: a later version of the same epoch, or another epoch
  /// (a session started over replaces the old one, whatever its version).
  func supersedes(_ other: SessionSnapshot) -> Bool {
    epoch != other.epoch || version > other.version
  }

  /// The state as stored: compact JSON with sorted keys (``ActiveViewState/storedJSON``).
  static func encodeState(_ state: ActiveViewState) -> String {
    String(decoding: state.storedJSON, as: UTF8.self)
  }

  /// The state read back from its stored JSON.
  static func decodeState(_ json: String) throws -> ActiveViewState {
    do {
      return try JSONDecoder().decode(ActiveViewState.self, from: Data(json.utf8))
    } catch {
      throw SessionStoreError("the stored active view cannot be read (\(error)); start over with --new-session")
    }
  }
}

/// What a committed command left: the session after it and the reducer's outcome.
struct SessionCommit: Sendable {
  /// The session after the command: a new version when the state changed, else the current one.
  var snapshot: SessionSnapshot
  /// The reducer's outcome (the state, what the answer needs, the record to store).
  var outcome: Outcome
  /// Versions other servers committed between the caller's cached one and the one this command started from, in
  /// order: published first, so this server's displays see every version.
  var missed: [SessionSnapshot] = []
}

/// A failure of the session's storage, with its cause in words.
public struct SessionStoreError: Error, CustomStringConvertible, Sendable {
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
