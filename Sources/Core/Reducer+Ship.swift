/// The ship's systems: the GM's live overrides laid over `ship.yaml`.
extension Reducer {
  /// `ship-status/toggle`: replaces the override of one ship system.
  ///
  /// - Throws: `invalid` for a system the ship does not have, a condition outside 0...100, or info over
  ///   ``WriteLimits/shipInfoCharacters``.
  public static func setShipSystem(
    _ system: String, to override: ShipSystemOverride, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    guard campaign.shipSystems.contains(system) else {
      let known = campaign.shipSystems.joined(separator: ", ")
      throw .invalid("Invalid system '\(system)'. Must be one of: \(known)")
    }
    if let condition = override.condition, !(0...100).contains(condition) {
      throw .invalid("condition must be between 0 and 100")
    }
    try WriteLimits.check(override.info ?? "", "info", atMost: WriteLimits.shipInfoCharacters)
    var next = state
    next.shipSystemOverrides[system] = override
    return next
  }
}
