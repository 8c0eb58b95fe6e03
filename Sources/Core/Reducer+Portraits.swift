/// The NPC portraits shown beside the encounter map.
extension Reducer {
  /// `encounter/toggle-portrait`: shows the NPC's portrait after the others, or takes it away when shown.
  ///
  /// - Throws: `invalid` for an NPC the campaign does not have.
  public static func togglePortrait(
    _ npcID: String, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    guard campaign.npc(npcID) != nil else { throw .invalid("npc_id '\(npcID)' is not an NPC of the campaign") }
    var next = state
    if let index = next.activePortraits.firstIndex(of: npcID) {
      next.activePortraits.remove(at: index)
    } else {
      next.activePortraits.append(npcID)
    }
    return next
  }
}
