import BulkheadCore

/// Where a campaign's session (epoch, version, active view) is kept: SQLite on one server, PostgreSQL in a
/// cluster. Every change is committed here before it is acknowledged or announced.
protocol SessionStore: Sendable {
  /// The stored session of the campaign; a new one (fresh epoch, version 0, STANDBY) when there is none or
  /// when `startOver` is set.
  func open(startOver: Bool) async throws -> SessionSnapshot

  /// The session as stored now.
  func current() async throws -> SessionSnapshot

  /// Runs `apply` on the stored state in one transaction: the stored row is locked and read (`cached` stands in
  /// for it when it is that version), and when the state changes it is stored with version + 1 before this
  /// returns. A throw from `apply` stores nothing.
  func commit(
    cached: SessionSnapshot, _ apply: @escaping @Sendable (ActiveViewState) throws -> Outcome
  ) async throws -> SessionCommit
}
