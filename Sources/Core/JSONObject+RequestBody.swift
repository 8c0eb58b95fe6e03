import Foundation

extension JSONObject {
  /// Reads a request body: a JSON object, parsed by ``JSONParser``; an empty body reads as `{}`.
  ///
  /// - Throws: `CommandError.invalid` saying where the JSON breaks or that it is not an object.
  public static func requestBody(_ data: Data) throws(CommandError) -> JSONObject {
    do {
      return try parse(data, blankIsEmpty: true)
    } catch let error as JSONParseError {
      throw .invalid(error.description)
    } catch {
      throw .invalid("Invalid JSON: the body must be an object")
    }
  }
}

extension CommandError {
  /// A 400-class error for a field of a request body that does not read: `x: expected an integer`.
  public init(_ error: JSONReadError) {
    self.init(.invalid, error.description)
  }
}
