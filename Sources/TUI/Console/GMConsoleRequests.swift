import BulkheadCore

/// The GM console's requests: the live view's reads and public actions, the console's lists, the GM's writes and
/// the login, through the server's API.
struct GMConsoleRequests: Sendable {
  /// The REST side of the server, with the GM's token.
  let api: any GMServerAPI
  /// Where a failed public action is logged.
  let log: @Sendable (String) -> Void

  /// Carries out a request effect and returns its answer.
  @Sendable func perform(_ effect: GMConsoleEffect) async -> GMConsoleProgram.Answer? {
    switch effect {
    case .view(.fetch(let resource)):
      return .fetched(resource, await api.result(ofGet: resource.path))
    case .view(.fetchPortrait(let source)):
      return .portrait(source, await PortraitLoader(api: api, log: log).load(source))
    case .view(.send(let command, let refresh)):
      let path = command.endpoint.rawValue
      if case .failure(let error) = await post(path, body: command.body, authenticated: false) {
        log("\(path): \(error)")
      }
      guard let refresh else { return nil }
      return .fetched(refresh, await api.result(ofGet: refresh.path))
    case .load(let resource):
      return .loaded(resource, await api.result(ofGet: resource.path))
    case .write(let write):
      return .written(write, await post(write.endpoint.rawValue, body: write.body, authenticated: true))
    case .logIn(let user, let password):
      return .loggedIn(user: user, await logIn(user: user, password: password))
    case .view(.log), .view(.repaint), .view(.quit), .repaint, .quit:
      return nil
    }
  }

  /// `POST path` with `body` — a GM write when `authenticated`, else a public action — as a `Result`.
  private func post(_ path: String, body: JSONValue, authenticated: Bool) async -> Result<JSONValue, ServerAPIError> {
    do throws(ServerAPIError) {
      return .success(authenticated ? try await api.write(path, body: body) : try await api.post(path, body: body))
    } catch {
      return .failure(error)
    }
  }

  /// The login as a `Result`.
  private func logIn(user: String, password: String) async -> Result<Void, ServerAPIError> {
    do throws(ServerAPIError) {
      try await api.logIn(user: user, password: password)
      return .success(())
    } catch {
      return .failure(error)
    }
  }
}
