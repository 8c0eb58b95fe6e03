import Foundation

/// The process's limit on open files (RLIMIT_NOFILE): every display holds one. `bulkhead serve` and the benchmarks
/// with many connections raise it; child processes started afterwards inherit the raised limit.
public enum OpenFileLimit {
  /// Raises the soft limit to at least `needed` (up to the hard limit).
  ///
  /// - Throws: ``OpenFileLimitError`` when the hard limit is below `needed` or the limit cannot be changed.
  public static func raise(to needed: Int) throws(OpenFileLimitError) {
    var limit = rlimit()
    guard getrlimit(openFiles, &limit) == 0 else { return }
    guard limit.rlim_cur < rlim_t(needed) else { return }
    limit.rlim_cur = Swift.min(rlim_t(needed), limit.rlim_max)
    guard setrlimit(openFiles, &limit) == 0, limit.rlim_cur >= rlim_t(needed) else {
      throw OpenFileLimitError(
        description: "cannot raise the open-file limit to \(needed) (hard limit \(limit.rlim_max))")
    }
  }

  /// Raises the soft limit to the hard limit and returns the new soft limit (the old one if it cannot be raised).
  @discardableResult
  public static func raiseToHardLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(openFiles, &limit) == 0 else { return 0 }
    if limit.rlim_cur < limit.rlim_max {
      var raised = limit
      raised.rlim_cur = limit.rlim_max
      if setrlimit(openFiles, &raised) == 0 { limit = raised }
    }
    return Int(clamping: limit.rlim_cur)
  }

  #if os(Linux)
    private static let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    private static let openFiles = RLIMIT_NOFILE
  #endif
}

/// The open-file limit could not be raised as far as asked.
public struct OpenFileLimitError: Error, CustomStringConvertible {
  public let description: String
}
