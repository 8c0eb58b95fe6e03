import BulkheadCore

extension ServerAPI {
  /// `GET path` as a `Result`, for loops that feed answers back as inputs.
  func result(ofGet path: String) async -> Result<JSONValue, ServerAPIError> {
    do throws(ServerAPIError) {
      return .success(try await get(path))
    } catch {
      return .failure(error)
    }
  }
}
