import BulkheadCanvas
import BulkheadCore

/// A campaign location as the GM console lists it: where the shared screen can go and which comm terminals it can
/// show.
public struct ConsoleLocation: Sendable, Equatable {
  /// One comm terminal of the location.
  public struct Terminal: Sendable, Equatable {
    /// The terminal's slug.
    public var slug: String
    /// Whose terminal it is.
    public var owner: String

    /// A terminal `slug` owned by `owner`.
    public init(slug: String, owner: String) {
      self.slug = slug
      self.owner = owner
    }
  }

  /// The folder name, unique across the campaign.
  public var slug: String
  /// The display name.
  public var name: String
  /// The slugs from the system down to this location, joined with `/`.
  public var path: String
  /// Whether the location has a deck map (it can be opened as an ENCOUNTER).
  public var hasMap: Bool
  /// The comm terminals, by slug.
  public var terminals: [Terminal]

  /// A location.
  public init(slug: String, name: String, path: String, hasMap: Bool, terminals: [Terminal]) {
    self.slug = slug
    self.name = name
    self.path = path
    self.hasMap = hasMap
    self.terminals = terminals
  }

  /// The locations of `GET /api/locations/` that have a map or a terminal, ordered by path.
  ///
  /// - Throws: ``JSONReadError`` when the answer has no `locations` array.
  public static func list(json: JSONValue) throws(JSONReadError) -> [ConsoleLocation] {
    guard let entries = json["locations"]?.arrayValue else {
      throw JSONReadError(path: "locations", problem: .wrongType(expected: "an array"))
    }
    let locations = entries.compactMap { entry -> ConsoleLocation? in
      guard let slug = entry["slug"]?.stringValue, !slug.isEmpty else { return nil }
      let terminals = (entry["terminals"]?.arrayValue ?? []).compactMap { terminal -> Terminal? in
        guard let slug = terminal["slug"]?.stringValue, !slug.isEmpty else { return nil }
        return Terminal(slug: slug, owner: terminal["owner"]?.stringValue ?? "")
      }
      return ConsoleLocation(
        slug: slug, name: entry["name"]?.stringValue ?? slug, path: entry["path"]?.stringValue ?? slug,
        hasMap: entry["has_map"]?.boolValue ?? false, terminals: terminals.sorted { $0.slug < $1.slug })
    }
    return locations.filter { $0.hasMap || !$0.terminals.isEmpty }.sorted { ($0.path, $0.slug) < ($1.path, $1.slug) }
  }
}
