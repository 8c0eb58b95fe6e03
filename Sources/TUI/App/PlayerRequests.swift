import BulkheadCore

/// The player display's requests: REST reads, the players' public actions and portraits, through the server's API.
struct PlayerRequests: Sendable {
  /// The REST side of the server.
  let api: any ServerAPI
  /// Where a failed action is logged.
  let log: @Sendable (String) -> Void

  /// Carries out a request effect and returns its answer; a public action's failure is logged, and its refresh
  /// (when it has one) is read afterwards either way.
  @Sendable func perform(_ effect: PlayerEffect) async -> PlayerProgram.Answer? {
    switch effect {
    case .fetch(let resource):
      return .fetched(resource, await api.result(ofGet: resource.path))
    case .fetchPortrait(let source):
      return .portrait(source, await PortraitLoader(api: api, log: log).load(source))
    case .send(let command, let refresh):
      let path = command.endpoint.rawValue
      do throws(ServerAPIError) {
        _ = try await api.post(path, body: command.body)
      } catch {
        log("\(path): \(error)")
      }
      guard let refresh else { return nil }
      return .fetched(refresh, await api.result(ofGet: refresh.path))
    case .log, .repaint, .quit:
      return nil
    }
  }
}
