/// Why a campaign could not be loaded: the file, the key inside it, and what is wrong.
///
/// A broken campaign stops startup with this message; nothing is skipped silently.
public struct CampaignError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, relative to the campaign folder.
  public var file: String
  /// The key path inside the file (`rooms[2].width`), or nil when the whole file is at fault.
  public var key: String?
  /// What is wrong.
  public var problem: String

  /// Creates an error for `file`, `key` and `problem`.
  public init(file: String, key: String? = nil, problem: String) {
    self.file = file
    self.key = key
    self.problem = problem
  }

  public var description: String {
    if let key, !key.isEmpty {
      return "\(file): key '\(key)': \(problem)"
    }
    return "\(file): \(problem)"
  }
}
