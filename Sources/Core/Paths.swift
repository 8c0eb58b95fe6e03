import Foundation

/// Where Bulkhead finds its bundled data and keeps its own files.
public enum Paths {
  /// The bundled demo campaign: `$BULKHEAD_HOME/campaigns/demo`, `./campaigns/demo`, `campaigns/demo` in a folder
  /// above the executable (a SwiftPM build inside the checkout), `PREFIX/share/bulkhead/campaigns/demo` beside an
  /// executable in `PREFIX/bin` (`make install`), or `/usr/share/bulkhead/campaigns/demo`.
  public static func demoCampaign() -> URL? {
    var candidates: [URL] = []
    let environment = ProcessInfo.processInfo.environment
    if let home = environment["BULKHEAD_HOME"] { candidates.append(URL(fileURLWithPath: home)) }
    candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/bulkhead"))
    for _ in 0..<5 {
      candidates.append(folder)
      folder = folder.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: "/usr/share/bulkhead"))
    return candidates.map { $0.appendingPathComponent("campaigns/demo") }
      .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("galaxy").path) }
  }

  /// The default database: `$XDG_DATA_HOME/bulkhead/bulkhead.sqlite` (`~/.local/share` without it).
  public static func defaultDatabase() -> String {
    let environment = ProcessInfo.processInfo.environment
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() + "/.local/share")
    return base + "/bulkhead/bulkhead.sqlite"
  }
}
