import BulkheadCanvas
import BulkheadCore

/// Where an NPC's portrait comes from: its hand-drawn text portrait when it has one, else its image.
public struct PortraitSource: Sendable, Hashable {
  /// The server path to fetch (`/data/campaign/NPCs/images/x.png`).
  public var path: String
  /// Whether the path names a text portrait rather than an image.
  public var isText: Bool

  /// The source of `npc`'s portrait; `nil` when it has none.
  public init?(_ npc: NPCCard) {
    if !npc.portraitText.isEmpty {
      self.init(path: npc.portraitText, isText: true)
    } else if !npc.portrait.isEmpty {
      self.init(path: npc.portrait, isText: false)
    } else {
      return nil
    }
  }

  /// A source at `path`.
  public init(path: String, isText: Bool) {
    self.path = path
    self.isText = isText
  }

  /// The path as a request target: each segment percent-encoded (a campaign's file names may hold spaces); `nil`
  /// unless the path starts with `/` (the display fetches only from its own server).
  public var requestPath: String? {
    guard path.hasPrefix("/") else { return nil }
    return path.split(separator: "/", omittingEmptySubsequences: false).map { PlayerResource.escape(String($0)) }
      .joined(separator: "/")
  }
}
