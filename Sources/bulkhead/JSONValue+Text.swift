import BulkheadCore

extension JSONValue {
  /// The member `key` as text safe for the terminal: strings sanitized, numbers written out, `""` otherwise.
  func text(_ key: String) -> String {
    switch self[key] {
    case .string(let text)?: UntrustedText.sanitize(text)
    case .int(let number)?: String(number)
    case .bool(let flag)?: String(flag)
    default: ""
    }
  }
}
