/// A marker on the deck grid: a player, an NPC, a creature or an object.
public struct Token: Sendable, Codable, Equatable {
  /// What the token stands for.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case player, npc, creature, object
  }

  public var type: Kind
  public var name: String
  /// Grid column.
  public var x: Int
  /// Grid row.
  public var y: Int
  /// Status marks such as `wounded`, `dead`, `panicked`.
  public var status: [String]
  public var imageURL: String
  /// The room the token stands in (`""` when none).
  public var roomID: String

  /// Creates a token.
  public init(
    type: Kind, name: String, x: Int, y: Int, status: [String] = [], imageURL: String = "",
    roomID: String = ""
  ) {
    self.type = type
    self.name = name
    self.x = x
    self.y = y
    self.status = status
    self.imageURL = imageURL
    self.roomID = roomID
  }

  enum CodingKeys: String, CodingKey {
    case type, name, x, y, status
    case imageURL = "image_url"
    case roomID = "room_id"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    type = try container.decode(Kind.self, forKey: .type)
    name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
    x = try container.decode(Int.self, forKey: .x)
    y = try container.decode(Int.self, forKey: .y)
    status = try container.decodeIfPresent([String].self, forKey: .status) ?? []
    imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL) ?? ""
    roomID = try container.decodeIfPresent(String.self, forKey: .roomID) ?? ""
  }
}
