extension Campaign {
  /// The slugs the star map's systems name in their `location_slug`, in the file's order.
  public var starSystemSlugs: [String] {
    (starMap["systems"]?.arrayValue ?? []).compactMap { $0["location_slug"]?.stringValue }
      .filter { !$0.isEmpty }
  }

  /// For every location that lies in a star-map system, the slug of that system: the nearest location on its
  /// path (itself included) that a system of the star map names. Empty when there is no star map.
  public var locationSystems: [String: String] {
    let systems = Set(starSystemSlugs)
    guard !systems.isEmpty else { return [:] }
    var result: [String: String] = [:]
    for (slug, location) in locations {
      if let system = location.path.last(where: systems.contains) { result[slug] = system }
    }
    return result
  }
}
