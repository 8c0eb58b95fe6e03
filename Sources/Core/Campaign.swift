import Foundation

/// A whole campaign folder, loaded once at start (see CAMPAIGN.md).
///
/// Everything the server answers with is built from this value; nothing is read from disk
/// per request.
public struct Campaign: Sendable {
  /// The campaign folder.
  public var root: URL
  /// Every location by slug.
  public var locations: [String: Location]
  /// Every NPC in file order.
  public var npcs: [NPC]
  /// The whole content of `campaign/ship.yaml` (`null` when absent).
  public var ship: JSONValue
  /// The names of the ship's systems (`life_support`, `engines`, …).
  public var shipSystems: [String]
  /// The crew roster (`campaign/crew.yaml`), `null` when absent.
  public var crew: JSONValue
  /// The star map (`galaxy/star_map.yaml`), `null` when absent.
  public var starMap: JSONValue
  /// CHARON's configuration (`charon/context.yaml`), `null` when absent.
  public var charonContext: JSONValue
  /// What was odd but readable (a repeated key), one line each, for the operator's log.
  public var warnings: [String]

  /// The ship's name from `ship.yaml`, if it has one.
  public var shipName: String? { ship["ship"]?["name"]?.stringValue }

  /// The NPC with `id`, if any.
  public func npc(_ id: String) -> NPC? {
    npcs.first { $0.id == id }
  }

  /// Loads the campaign in `folder`.
  ///
  /// - Throws: `CampaignError` naming the file and key of the first problem found.
  public static func load(from folder: URL) throws(CampaignError) -> Campaign {
    guard YAMLFolder.isDirectory(folder) else {
      throw CampaignError(file: folder.path, problem: "the campaign folder does not exist")
    }
    let galaxy = folder.appendingPathComponent("galaxy")
    guard YAMLFolder.isDirectory(galaxy) else {
      throw CampaignError(file: "galaxy/", problem: "the campaign has no galaxy/ folder")
    }
    var locations: [String: Location] = [:]
    var warnings: [String] = []
    for system in YAMLFolder.subfolders(of: galaxy) {
      try loadLocation(
        folder: galaxy.appendingPathComponent(system), path: [system], into: &locations, warnings: &warnings)
    }
    let ship = try optionalFile(folder, "campaign/ship.yaml", &warnings)
    let systems: JSONObject
    do {
      systems = try JSONObject.campaignFile(ship).object("ship").object("systems")
    } catch {
      throw CampaignError(file: "campaign/ship.yaml", error)
    }
    let npcFile = try optionalFile(folder, "campaign/npcs.yaml", &warnings)
    let npcs: [NPC]
    do {
      npcs = try JSONObject.campaignFile(npcFile).objects("npcs").map(NPC.init)
    } catch {
      throw CampaignError(file: "campaign/npcs.yaml", error)
    }
    var seen: Set<String> = []
    for (index, npc) in npcs.enumerated() where !seen.insert(npc.id).inserted {
      throw CampaignError(file: "campaign/npcs.yaml", key: "npcs.\(index).id", problem: "id '\(npc.id)' is used twice")
    }
    return Campaign(
      root: folder, locations: locations, npcs: npcs, ship: ship,
      shipSystems: systems.members.keys.sorted(),
      crew: try optionalFile(folder, "campaign/crew.yaml", &warnings),
      starMap: try optionalFile(folder, "galaxy/star_map.yaml", &warnings),
      charonContext: try optionalFile(folder, "charon/context.yaml", &warnings),
      warnings: warnings)
  }

  private static let nonLocationFolders: Set<String> = ["comms", "map", "maps"]

  private static func loadLocation(
    folder: URL, path: [String], into locations: inout [String: Location], warnings: inout [String]
  ) throws(CampaignError) {
    let slug = path[path.count - 1]
    let relative = "galaxy/" + path.joined(separator: "/")
    if let other = locations[slug] {
      throw CampaignError(
        file: relative, problem: "the slug '\(slug)' is already used by galaxy/\(other.pathString)")
    }
    var data: JSONValue = ["name": .string(slug)]
    var bridgeMaps: [String: JSONValue] = [:]
    for name in YAMLFolder.yamlFiles(in: folder) {
      let value = try YAMLFile.load(
        folder.appendingPathComponent(name), file: "\(relative)/\(name)", warnings: &warnings)
      if name == "location.yaml" || name == "location.yml" {
        guard case .object = value else {
          throw CampaignError(file: "\(relative)/\(name)", problem: "expected a mapping")
        }
        data = value
      } else {
        bridgeMaps[name] = value
      }
    }
    let name: String
    let type: String
    do {
      let fields = try JSONObject.campaignFile(data)
      name = try fields.optionalString("name") ?? slug
      type = try fields.optionalString("type") ?? "unknown"
    } catch {
      throw CampaignError(file: "\(relative)/location.yaml", error)
    }
    let mapFolder = folder.appendingPathComponent("map")
    let commsFolder = folder.appendingPathComponent("comms")
    let children = YAMLFolder.subfolders(of: folder).filter { !nonLocationFolders.contains($0) }
    locations[slug] = Location(
      slug: slug, path: path,
      name: name, type: type,
      data: data, bridgeMaps: bridgeMaps,
      map: YAMLFolder.isDirectory(mapFolder)
        ? try LocationMap.load(folder: mapFolder, relative: "\(relative)/map", warnings: &warnings) : nil,
      terminals: YAMLFolder.isDirectory(commsFolder)
        ? try CommTerminal.loadAll(comms: commsFolder, relative: "\(relative)/comms", warnings: &warnings) : [:],
      children: children)
    for child in children {
      try loadLocation(
        folder: folder.appendingPathComponent(child), path: path + [child], into: &locations, warnings: &warnings)
    }
  }

  private static func optionalFile(
    _ folder: URL, _ file: String, _ warnings: inout [String]
  ) throws(CampaignError) -> JSONValue {
    let url = folder.appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: url.path) else { return .null }
    return try YAMLFile.load(url, file: file, warnings: &warnings)
  }
}
