import BulkheadCanvas
import Foundation

/// The themes the display can use: the `NAME.yaml` files in a list of folders, plus ``Theme/builtInMono``.
///
/// When two folders hold a theme of the same name, the earlier folder's wins; a `mono.yaml` file replaces the
/// built-in mono theme, which is there so the display always has a theme even when no folder is found.
public struct ThemeLibrary: Sendable {
  /// The theme the displays use when none is named; when its file cannot be found the built-in mono theme is used
  /// instead.
  public static let defaultName = "teal"

  /// The folders searched, most important first; folders that do not exist are skipped.
  public var folders: [URL]

  /// Creates a library over `folders`, most important first.
  public init(folders: [URL]) {
    self.folders = folders
  }

  /// The usual folders, most important first: `explicitFolder` when given, `$BULKHEAD_HOME/themes`, `./themes`,
  /// `PREFIX/share/bulkhead/themes` for an executable in `PREFIX/bin` (`make install`), the nearest `themes` folder in the executable's folder or up to 5 levels above it (a SwiftPM build inside
  /// the checkout), and `/usr/share/bulkhead/themes`.
  ///
  /// The environment, working directory and executable path are parameters so tests can supply their own.
  public static func standard(
    explicitFolder: URL? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    executable: String = CommandLine.arguments[0]
  ) -> ThemeLibrary {
    var folders: [URL] = []
    if let explicitFolder { folders.append(explicitFolder) }
    if let home = environment["BULKHEAD_HOME"], !home.isEmpty {
      folders.append(URL(fileURLWithPath: home).appendingPathComponent("themes"))
    }
    folders.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("themes"))
    var ancestor = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    // `make install` puts the themes in PREFIX/share/bulkhead/themes beside PREFIX/bin.
    let installed = ancestor.deletingLastPathComponent().appendingPathComponent("share/bulkhead/themes")
    if isFolder(installed) { folders.append(installed) }
    for _ in 0...5 {
      let candidate = ancestor.appendingPathComponent("themes")
      if isFolder(candidate) {
        folders.append(candidate)
        break
      }
      ancestor = ancestor.deletingLastPathComponent()
    }
    folders.append(URL(fileURLWithPath: "/usr/share/bulkhead/themes"))
    return ThemeLibrary(folders: folders)
  }

  /// The names of every available theme, sorted, each once; `mono` is always among them.
  public func availableNames() -> [String] {
    Array(Set(themeFiles().keys).union([Theme.builtInMono.name])).sorted()
  }

  /// The theme named `name`: its file from the first folder that has one, else the built-in mono theme for `mono`.
  ///
  /// - Throws: ``ThemeError/unknownTheme(name:available:)`` listing the available names when there is no such
  ///   theme, or ``ThemeError/invalid(file:key:problem:)`` when its file is malformed.
  public func load(named name: String) throws(ThemeError) -> Theme {
    if let url = themeFiles()[name] { return try ThemeFile.load(url) }
    if name == Theme.builtInMono.name { return Theme.builtInMono }
    throw .unknownTheme(name: name, available: availableNames())
  }

  /// Each theme name found and its file, the earliest folder winning.
  private func themeFiles() -> [String: URL] {
    var files: [String: URL] = [:]
    for folder in folders.reversed() where Self.isFolder(folder) {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for entry in entries where entry.hasSuffix(".yaml") && !entry.hasPrefix(".") {
        files[String(entry.dropLast(".yaml".count))] = folder.appendingPathComponent(entry)
      }
    }
    return files
  }

  private static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
