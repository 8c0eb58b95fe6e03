import BulkheadCanvas
import BulkheadCore

/// The star map as `GET /api/star-map/` reports it: `{"star_map": <galaxy/star_map.yaml>, "location_systems":
/// {location slug: system slug}}`. The server answers 404 when the campaign has no star map; the display then has
/// no `StarMap` at all.
///
/// Parsing is tolerant inside `star_map`: a system without a name or a usable position is skipped, a field of the
/// wrong type is left unset, and unknown keys (camera, lighting, nebulae, colours) are ignored. Text is kept as
/// received; views sanitise it before drawing.
public struct StarMap: Sendable, Equatable {
  /// One system of the map.
  public struct System: Sendable, Equatable {
    /// `name`.
    public var name: String
    /// `position[0]`.
    public var x: Double
    /// `position[1]` (up is positive).
    public var y: Double
    /// `position[2]` (0 when absent); views draw the map seen from above, along z.
    public var z: Double
    /// `type` lower-cased (`star`, `planet`, `station`, `nebula`, …), `""` when absent.
    public var type: String
    /// `size`, when given.
    public var size: Double?
    /// `label`: whether the name is shown; `true` when absent.
    public var showsLabel: Bool
    /// `location_slug`: the system's slug, the one `location_systems` refers to.
    public var slug: String?
    /// `info.description`, `""` when absent.
    public var description: String
    /// The other `info` entries that are text or numbers, by key (`population: ~40`).
    public var details: [String: String]

    /// Creates a system.
    public init(
      name: String, x: Double, y: Double, z: Double = 0, type: String = "star", size: Double? = nil,
      showsLabel: Bool = true, slug: String? = nil, description: String = "",
      details: [String: String] = [:]
    ) {
      self.name = name
      self.x = x
      self.y = y
      self.z = z
      self.type = type
      self.size = size
      self.showsLabel = showsLabel
      self.slug = slug
      self.description = description
      self.details = details
    }
  }

  /// A route between two systems, by index into ``systems``.
  public struct Route: Sendable, Equatable {
    /// The index of the system the route starts at.
    public var from: Int
    /// The index of the system the route ends at.
    public var to: Int
    /// `route_type`, `""` when absent.
    public var type: String
    /// `travel_time_days`, when given.
    public var travelDays: Int?

    /// Creates a route.
    public init(from: Int, to: Int, type: String = "", travelDays: Int? = nil) {
      self.from = from
      self.to = to
      self.type = type
      self.travelDays = travelDays
    }
  }

  /// Why a body could not be read as a star map.
  public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the field.
    public var problem: String

    /// Creates an error.
    public init(_ problem: String) { self.problem = problem }

    /// `star map: <problem>`.
    public var description: String { "star map: \(problem)" }
  }

  /// The systems in file order.
  public var systems: [System]
  /// The routes whose both ends name a system of the map (by `from_slug`/`to_slug`, else `from`/`to` names).
  public var routes: [Route]
  /// `location_systems`: for each location slug, the slug of the system it lies in.
  public var locationSystems: [String: String]

  /// Creates a star map.
  public init(systems: [System], routes: [Route] = [], locationSystems: [String: String] = [:]) {
    self.systems = systems
    self.routes = routes
    self.locationSystems = locationSystems
  }

  /// Reads the body of a 200 answer of `GET /api/star-map/`.
  ///
  /// - Throws: ``FormatError`` when the body is not an object, carries an `error` (the 404 body), or its
  ///   `star_map` is not a valid star map (see ``init(starMap:locationSystems:)``).
  public init(json: JSONValue) throws(FormatError) {
    guard case .object(let body) = json else {
      throw FormatError("expected an object with 'star_map', got \(ShipStatus.kind(of: json))")
    }
    if let error = body["error"] {
      throw FormatError("the server answered an error: \(ShipStatus.text(error) ?? ShipStatus.kind(of: error))")
    }
    guard let starMap = body["star_map"] else { throw FormatError("'star_map' is missing") }
    var locationSystems: [String: String] = [:]
    for (location, system) in body["location_systems"]?.objectValue ?? [:] {
      if let slug = system.stringValue { locationSystems[location] = slug }
    }
    try self.init(starMap: starMap, locationSystems: locationSystems)
  }

  /// Reads the content of `galaxy/star_map.yaml` (as `Campaign.starMap` holds it).
  ///
  /// - Throws: ``FormatError`` when the content is not an object or its `systems` is present but not a list.
  public init(starMap: JSONValue, locationSystems: [String: String] = [:]) throws(FormatError) {
    guard case .object(let map) = starMap else {
      throw FormatError("'star_map' must be an object, got \(ShipStatus.kind(of: starMap))")
    }
    let entries: [JSONValue]
    switch map["systems"] ?? .null {
    case .null: entries = []
    case .array(let elements): entries = elements
    case let other: throw FormatError("'star_map.systems' must be a list, got \(ShipStatus.kind(of: other))")
    }
    let systems = entries.compactMap(Self.system)
    self.init(
      systems: systems, routes: (map["routes"]?.arrayValue ?? []).compactMap { Self.route($0, systems: systems) },
      locationSystems: locationSystems)
  }

  /// The index of the system whose slug is `slug`.
  public func systemIndex(slug: String) -> Int? {
    systems.firstIndex { $0.slug == slug }
  }

  /// The index of the system the location `locationSlug` lies in: through ``locationSystems``, else the system
  /// whose own slug it is.
  public func systemIndex(location locationSlug: String) -> Int? {
    systemIndex(slug: locationSystems[locationSlug] ?? locationSlug)
  }

  // MARK: - Fields

  /// The largest coordinate a system may have; farther (or not finite) ones are skipped, so that spans and scales
  /// stay finite.
  static let maximumCoordinate = 1e9

  static func system(_ value: JSONValue) -> System? {
    guard let name = value["name"].flatMap(ShipStatus.text), !name.isEmpty,
      let position = value["position"]?.arrayValue, position.count >= 2,
      let x = position[0].doubleValue, let y = position[1].doubleValue, abs(x) <= maximumCoordinate,
      abs(y) <= maximumCoordinate
    else { return nil }
    let z = position.count > 2 ? position[2].doubleValue.flatMap { $0.isFinite ? $0 : nil } ?? 0 : 0
    let info = value["info"]?.objectValue ?? [:]
    let details = info.filter { $0.key != "description" }.compactMapValues(ShipStatus.text)
    return System(
      name: name, x: x, y: y, z: z,
      type: value["type"].flatMap(ShipStatus.text)?.lowercased() ?? "",
      size: value["size"]?.doubleValue,
      showsLabel: value["label"]?.boolValue ?? true,
      slug: value["location_slug"].flatMap(ShipStatus.text).flatMap { $0.isEmpty ? nil : $0 },
      description: info["description"].flatMap(ShipStatus.text) ?? "",
      details: details)
  }

  static func route(_ value: JSONValue, systems: [System]) -> Route? {
    func end(_ slugKey: String, _ nameKey: String) -> Int? {
      if let slug = value[slugKey]?.stringValue, let index = systems.firstIndex(where: { $0.slug == slug }) {
        return index
      }
      guard let name = value[nameKey]?.stringValue else { return nil }
      return systems.firstIndex { $0.name == name }
    }
    guard let from = end("from_slug", "from"), let to = end("to_slug", "to"), from != to else { return nil }
    return Route(
      from: from, to: to, type: value["route_type"]?.stringValue ?? "",
      travelDays: value["travel_time_days"].flatMap(ShipStatus.number))
  }
}
