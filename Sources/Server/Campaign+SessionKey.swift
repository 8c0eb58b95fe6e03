import BulkheadCore

extension Campaign {
  /// The key of this campaign's session in the database: the ship's name, or the campaign folder's name.
  /// Each campaign resumes its own session.
  public var sessionKey: String { shipName ?? root.lastPathComponent }
}
