import Foundation
import Testing

@testable import BulkheadCore

/// Folders the tests read: the project root, the demo campaign, the shared fixtures.
enum TestPaths {
  /// The project root: `Tests/CoreTests/TestSupport.swift` up three levels.
  ///
  /// Symlinks are resolved so that a package that links to this folder finds the same root.
  static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bundled demo campaign.
  static let demo = root.appendingPathComponent("campaigns/demo")

  /// The original tool's campaign data, next to the project (`../shared/fixtures/`).
  static let fixture = root.deletingLastPathComponent()
    .appendingPathComponent("shared/fixtures/mothership-data")
}

/// Whether `../shared/fixtures/mothership-data` is present; fixture tests are skipped otherwise.
let fixturesAvailable: Bool = {
  var isDirectory: ObjCBool = false
  return FileManager.default.fileExists(atPath: TestPaths.fixture.path, isDirectory: &isDirectory)
    && isDirectory.boolValue
}()

/// The reason given when the fixture tests are skipped.
let fixturesAbsent: Comment = "../shared/fixtures is absent: fixture tests skipped"

/// Campaigns loaded once for the whole test run.
enum Campaigns {
  private static let demoResult = Result { () throws(CampaignError) -> Campaign in
    try Campaign.load(from: TestPaths.demo)
  }
  private static let fixtureResult = Result { () throws(CampaignError) -> Campaign in
    try Campaign.load(from: TestPaths.fixture)
  }

  /// The demo campaign (`campaigns/demo`).
  static func demo() throws -> Campaign { try demoResult.get() }

  /// The fixture campaign (`../shared/fixtures/mothership-data`).
  static func fixture() throws -> Campaign { try fixtureResult.get() }
}

/// The payload bytes as a JSON object.
func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(bytes))
  return try #require(value as? [String: Any])
}

/// The keys of every JSON object in `json`, in the order they are written, one list per object.
///
/// A small scanner: it tracks strings and nesting, and takes a string followed by `:` as a key.
func objectKeyLists(_ json: String) -> [[String]] {
  var finished: [[String]] = []
  var open: [[String]?] = []  // one entry per open container: keys for objects, nil for arrays
  let chars = Array(json.unicodeScalars)
  var index = 0
  while index < chars.count {
    let char = chars[index]
    switch char {
    case "{":
      open.append([])
    case "[":
      open.append(nil)
    case "}", "]":
      if let keys = open.popLast(), let keys { finished.append(keys) }
    case "\"":
      var text = String.UnicodeScalarView()
      index += 1
      while index < chars.count, chars[index] != "\"" {
        if chars[index] == "\\" {
          text.append(chars[index])
          index += 1
        }
        if index < chars.count { text.append(chars[index]) }
        index += 1
      }
      var next = index + 1
      while next < chars.count, chars[next] == " " { next += 1 }
      if next < chars.count, chars[next] == ":", let last = open.last, var keys = last {
        keys.append(String(text))
        open[open.count - 1] = keys
      }
    default:
      break
    }
    index += 1
  }
  return finished
}

/// A fresh empty folder under the temporary directory.
func makeTemporaryFolder(_ name: String = #function) throws -> URL {
  let safe = name.filter { $0.isLetter || $0.isNumber }
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("bulkhead-coretests-\(safe)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Writes `files` (relative path → text) under `folder`, creating the folders between.
func write(_ files: [String: String], under folder: URL) throws {
  for (path, text) in files {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}

extension TerminalMessage {
  /// Parses a message file, dropping the loader's warnings.
  static func parse(_ text: String, fileName: String, file: String) throws -> TerminalMessage {
    var warnings: [String] = []
    return try parse(text, fileName: fileName, file: file, warnings: &warnings)
  }
}
