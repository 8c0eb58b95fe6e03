import Foundation

/// Lists the entries of campaign folders in a stable order.
enum YAMLFolder {
  /// The names of the `.yaml`/`.yml` files directly in `folder`, sorted.
  static func yamlFiles(in folder: URL) -> [String] {
    entries(in: folder).filter { name in
      (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !isDirectory(folder.appendingPathComponent(name))
    }
  }

  /// The names of the sub-folders of `folder`, sorted, hidden ones left out.
  static func subfolders(of folder: URL) -> [String] {
    entries(in: folder).filter { isDirectory(folder.appendingPathComponent($0)) }
  }

  /// The names of the files with `suffix` directly in `folder`, sorted.
  static func files(in folder: URL, suffix: String) -> [String] {
    entries(in: folder).filter { $0.hasSuffix(suffix) && !isDirectory(folder.appendingPathComponent($0)) }
  }

  static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private static func entries(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }
}
