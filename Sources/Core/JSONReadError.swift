/// Why a JSON object could not be read: the key path of the value at fault and what is wrong with it.
///
/// Thrown by ``JSONObject`` for request bodies, stream payloads, REST answers and campaign files alike.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong with the value.
  public enum Problem: Sendable, Equatable {
    /// The key is absent (or `null` where a value is required).
    case missing
    /// The value has the wrong JSON type.
    case wrongType(expected: String)
    /// The value has the right type but is not allowed, such as an unknown enumeration value.
    case invalidValue(String)
  }

  /// The keys that lead to the value, joined by dots, array elements by their index: `view_type`,
  /// `encounter_tokens.00000001.x`, `rooms.2.width`; `""` for the object itself.
  public var path: String
  /// What is wrong.
  public var problem: Problem

  /// Creates an error.
  public init(path: String, problem: Problem) {
    self.path = path
    self.problem = problem
  }

  /// The problem in words, without the path: `missing`, `expected an integer`, `'WARP' is not one of …`.
  public var reason: String {
    switch problem {
    case .missing: "missing"
    case .wrongType(let expected): "expected \(expected)"
    case .invalidValue(let message): message
    }
  }

  /// `path: reason`, e.g. `encounter_tokens.0001.x: expected an integer`.
  public var description: String {
    path.isEmpty ? reason : "\(path): \(reason)"
  }

  /// The error with `prefix`, the path of the object that holds the value, put before its path.
  public func nested(in prefix: String) -> JSONReadError {
    guard !prefix.isEmpty else { return self }
    return JSONReadError(path: path.isEmpty ? prefix : "\(prefix).\(path)", problem: problem)
  }
}
