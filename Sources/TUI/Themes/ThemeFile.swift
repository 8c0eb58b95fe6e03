import BulkheadCanvas
import BulkheadCore
import Foundation

/// Why a theme could not be loaded.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A theme file is unreadable or malformed: the file, the key path inside it (`roles.ok.color`), what is wrong.
  case invalid(file: String, key: String?, problem: String)
  /// No theme has the requested name; `available` lists the names that exist.
  case unknownTheme(name: String, available: [String])

  public var description: String {
    switch self {
    case .invalid(let file, let key?, let problem) where !key.isEmpty:
      "\(file): key '\(key)': \(problem)"
    case .invalid(let file, _, let problem):
      "\(file): \(problem)"
    case .unknownTheme(let name, let available):
      "no theme named '\(name)'; available themes: \(available.joined(separator: ", "))"
    }
  }
}

/// Reads a ``Theme`` from a theme file: YAML with a name, a description, glyph choices and every role's look.
///
/// ```yaml
/// name: amber
/// description: Amber phosphor on black.
/// glyphs: { box: heavy }      # light (the default) or heavy
/// roles:
///   text:     { color: 214, fallback: yellow }
///   title:    { color: 220, fallback: bright yellow, bold: true }
///   critical: { color: 231, fallback: bright white, background: 124, background_fallback: red }
///   dim:      { dim: true }   # no colour: the terminal's default
///   # ... and every other role
/// ```
///
/// Every ``ColorRole`` must appear under `roles`. `color` and `background` are 256-colour indexes (0–255), each
/// with its fallback (`fallback`, `background_fallback`): a basic colour name, optionally preceded by `bright`.
/// `bold` and `dim` are Booleans. Any other key is an error, so a misspelt key never passes silently.
public enum ThemeFile {
  /// The keys a theme file may have at its top level.
  static let topLevelKeys: Set = ["name", "description", "glyphs", "roles"]
  /// The keys a role's entry may have.
  static let roleKeys: Set = ["color", "fallback", "background", "background_fallback", "bold", "dim"]

  /// Reads the theme file at `url`; its name must match the file's name without `.yaml`.
  ///
  /// - Throws: ``ThemeError/invalid(file:key:problem:)`` naming the file's path.
  public static func load(_ url: URL) throws(ThemeError) -> Theme {
    let file = url.path
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .invalid(file: file, key: nil, problem: "cannot read the file as UTF-8 text")
    }
    let theme = try parse(text, file: file)
    let stem = url.deletingPathExtension().lastPathComponent
    guard theme.name == stem else {
      throw .invalid(
        file: file, key: "name", problem: "the name '\(theme.name)' does not match the file name '\(stem)'")
    }
    return theme
  }

  /// Parses the theme in `text`; `file` names it in errors.
  ///
  /// - Throws: ``ThemeError/invalid(file:key:problem:)`` for invalid YAML, a missing or unknown key, an unknown
  ///   role, a colour outside 0–255, an unknown colour name, or a value of the wrong type.
  public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
    let document: JSONValue
    do {
      document = try YAMLDocument.parse(text, file: file)
    } catch {
      throw .invalid(file: error.file, key: error.key, problem: error.problem)
    }
    let reader = Reader(file: file)
    let root = try reader.mapping(document, key: nil, allowed: topLevelKeys)
    let name = try reader.text(root["name"], key: "name")
    guard !name.isEmpty, !name.contains("/") else {
      throw reader.error("name", "must be a non-empty name without '/'")
    }
    let description = try reader.text(root["description"], key: "description")
    var box = Theme.BoxStyle.light
    if let glyphs = root["glyphs"] {
      let members = try reader.mapping(glyphs, key: "glyphs", allowed: ["box"])
      if let value = members["box"] {
        let style = try reader.text(value, key: "glyphs.box")
        guard let parsed = Theme.BoxStyle(rawValue: style) else {
          throw reader.error("glyphs.box", "unknown box style '\(style)'; use light or heavy")
        }
        box = parsed
      }
    }
    let roles = try reader.roles(root["roles"])
    return Theme(name: name, description: description, roles: roles, box: box)
  }

  /// Reads the parts of one file, naming the file and the key in every error.
  private struct Reader {
    let file: String

    func error(_ key: String?, _ problem: String) -> ThemeError {
      .invalid(file: file, key: key, problem: problem)
    }

    /// The members of a mapping whose keys are all in `allowed` (checked in sorted order).
    func mapping(_ value: JSONValue?, key: String?, allowed: Set<String>) throws(ThemeError) -> [String: JSONValue] {
      guard let value else { throw error(key, "is missing") }
      guard let members = value.objectValue else {
        throw error(key, key == nil ? "the file is not a YAML mapping" : "must be a mapping")
      }
      if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
        throw error(
          key.map { "\($0).\(unknown)" } ?? unknown,
          "unknown key; expected one of: \(allowed.sorted().joined(separator: ", "))")
      }
      return members
    }

    func text(_ value: JSONValue?, key: String) throws(ThemeError) -> String {
      guard let value else { throw error(key, "is missing") }
      guard let text = value.stringValue else { throw error(key, "must be text") }
      return text
    }

    func flag(_ value: JSONValue?, key: String) throws(ThemeError) -> Bool {
      guard let value else { return false }
      guard let flag = value.boolValue else { throw error(key, "must be true or false") }
      return flag
    }

    /// Every role's look from the `roles` mapping, which must name every role and nothing else.
    func roles(_ value: JSONValue?) throws(ThemeError) -> [ColorRole: Theme.Role] {
      let members = try mapping(value, key: "roles", allowed: Set(ColorRole.allCases.map(\.rawValue)))
      var roles: [ColorRole: Theme.Role] = [:]
      for role in ColorRole.allCases {
        let key = "roles.\(role.rawValue)"
        guard let entry = members[role.rawValue] else { throw error(key, "is missing; every role needs a look") }
        roles[role] = try look(entry, key: key)
      }
      return roles
    }

    func look(_ value: JSONValue, key: String) throws(ThemeError) -> Theme.Role {
      let members = value == .null ? [:] : try mapping(value, key: key, allowed: ThemeFile.roleKeys)
      return Theme.Role(
        foreground: try color(members, indexKey: "color", fallbackKey: "fallback", in: key),
        background: try color(members, indexKey: "background", fallbackKey: "background_fallback", in: key),
        bold: try flag(members["bold"], key: "\(key).bold"),
        dim: try flag(members["dim"], key: "\(key).dim"))
    }

    /// A colour from its index key and fallback key, which come together or not at all.
    func color(
      _ members: [String: JSONValue], indexKey: String, fallbackKey: String, in key: String
    ) throws(ThemeError) -> Theme.Color? {
      switch (members[indexKey], members[fallbackKey]) {
      case (nil, nil):
        return nil
      case (nil, _?):
        throw error("\(key).\(indexKey)", "is missing; '\(fallbackKey)' needs a 256-colour value beside it")
      case (_?, nil):
        throw error("\(key).\(fallbackKey)", "is missing; '\(indexKey)' needs an 8-colour fallback beside it")
      case (let index?, let fallback?):
        guard case .int(let number) = index else {
          throw error("\(key).\(indexKey)", "must be a whole number from 0 to 255")
        }
        guard (0..<256).contains(number) else {
          throw error("\(key).\(indexKey)", "\(number) is out of range; use 0 to 255")
        }
        let name = try text(fallback, key: "\(key).\(fallbackKey)")
        guard let basic = Theme.BasicColor(name: name) else {
          throw error(
            "\(key).\(fallbackKey)",
            "unknown colour name '\(name)'; use \(Theme.BasicColor.names.joined(separator: ", ")), "
              + "optionally preceded by 'bright'")
        }
        return Theme.Color(index: number, fallback: basic)
      }
    }
  }
}
