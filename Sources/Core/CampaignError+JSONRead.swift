extension CampaignError {
  /// The error of `file` for a key of it that does not read.
  init(file: String, _ error: JSONReadError) {
    self.init(file: file, key: error.path.isEmpty ? nil : error.path, problem: error.reason)
  }
}

extension JSONObject {
  /// The content of a campaign file as an object: `null` (an empty file) reads as `{}`, and a number or Boolean
  /// as its text where a string is asked for, as YAML writes them.
  static func campaignFile(_ value: JSONValue) throws(JSONReadError) -> JSONObject {
    try JSONObject(value == .null ? .object([:]) : value, scalarsAsText: true)
  }
}
