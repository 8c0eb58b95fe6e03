extension Token {
  /// The token as a JSON object with the keys of API.md.
  public var json: JSONValue {
    [
      "type": .string(type.rawValue), "name": .string(name), "x": .int(x), "y": .int(y),
      "status": .array(status.map(JSONValue.string)), "image_url": .string(imageURL),
      "room_id": .string(roomID),
    ]
  }
}
