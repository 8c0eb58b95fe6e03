/// What build of Bulkhead is running.
public enum BuildInfo {
  /// The release version, reported by `bulkhead --version` and `bulkhead_build_info`.
  public static let version = "0.1.0"
}
