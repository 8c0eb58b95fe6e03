/// How much one write may add to the shared view and the stored messages.
///
/// Every display reads events up to 1 MiB. The bounds on each field keep the payload far inside that however many
/// writes are accepted, so a GM (or a script gone wrong) cannot freeze every screen at the table; the bound on the
/// payload as a whole is the last guard, for a campaign whose maps are huge.
public enum WriteLimits {
  /// A token's name, in characters.
  public static let tokenNameCharacters = 64
  /// A token's `image_url`, in characters.
  public static let imageURLCharacters = 512
  /// Tokens on one deck.
  public static let tokensPerDeck = 100
  /// A ship system's `info`, in characters.
  public static let shipInfoCharacters = 200
  /// A broadcast, a CHARON message or a player's query, in characters.
  public static let messageCharacters = 4000
  /// The encoded payload as a whole, in bytes: the displays' 1 MiB event limit less room for the SSE framing.
  public static let payloadBytes = 1024 * 1024 - 64 * 1024

  /// Refuses `text` when it is longer than `limit` characters, naming `field`.
  static func check(_ text: String, _ field: String, atMost limit: Int) throws(CommandError) {
    guard text.count <= limit else {
      throw .invalid("\(field) is \(text.count) characters long; at most \(limit) are allowed")
    }
  }
}
