/// A place in the campaign's location tree (`galaxy/<system>/…/<slug>/`).
public struct Location: Sendable, Equatable {
  /// The folder name, unique across the tree.
  public var slug: String
  /// The slugs from the system down to this location, e.g. `["sol", "earth", "uscss_morrigan"]`.
  public var path: [String]
  public var name: String
  /// `location.yaml`'s `type` (`ship`, `station`, …), `unknown` when absent.
  public var type: String
  /// The whole content of `location.yaml` (`{name: <folder>}` when there is none).
  public var data: JSONValue
  /// The other YAML files of the folder (`system_map.yaml`, `orbit_map.yaml`) by file name.
  public var bridgeMaps: [String: JSONValue]
  /// The deck map, when the location has a `map/` folder with a map in it.
  public var map: LocationMap?
  /// Comm terminals by slug.
  public var terminals: [String: CommTerminal]
  /// Slugs of the child locations.
  public var children: [String]

  /// The path joined with `/`, as CHARON's location path spells it.
  public var pathString: String { path.joined(separator: "/") }
}
