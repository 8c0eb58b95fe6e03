/// A non-player character of the campaign (`campaign/npcs.yaml`).
public struct NPC: Sendable, Equatable {
  public var id: String
  public var name: String
  public var role: String?
  public var faction: String?
  /// Where the portrait image is, as the file gives it (`/data/campaign/NPCs/images/x.png`).
  public var portrait: String?
  /// Where a hand-drawn text portrait is, in the same form as ``portrait``; it takes precedence over the image.
  public var portraitText: String?
  public var status: String?
  public var description: String?

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    name = try fields.optionalString("name") ?? id
    role = try fields.optionalString("role")
    faction = try fields.optionalString("faction")
    portrait = try fields.optionalString("portrait")
    portraitText = try fields.optionalString("portrait_text")
    status = try fields.optionalString("status")
    description = try fields.optionalString("description")
  }
}
