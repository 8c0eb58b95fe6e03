import ArgumentParser
import BulkheadCanvas
import BulkheadCore
import BulkheadTUI
import Foundation

/// The server a gm command talks to.
struct GMServerOptions: ParsableArguments {
  @Option(help: "The server's base URL.")
  var server = "http://127.0.0.1:8000"

  @OptionGroup var trust: TrustOptions

  func validate() throws {
    guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
      throw ValidationError("--server must start with http:// or https://")
    }
  }

  /// `--server` without trailing slashes: the key of its stored login.
  var baseURL: String {
    var url = Substring(server)
    while url.hasSuffix("/") { url = url.dropLast() }
    return String(url)
  }
}

/// The options of every gm write: the server and the form of the output.
struct GMWriteOptions: ParsableArguments {
  @OptionGroup var target: GMServerOptions

  @Flag(help: "Print the server's answer as JSON instead of a sentence.")
  var json = false
}

/// A gm command's link to its server: the stored login, the request, and the exit status each failure means.
struct GMClient {
  let options: GMWriteOptions
  private let http: HTTPJSONClient

  /// A client with the login stored for `options.server`.
  ///
  /// - Throws: ``GMFailure`` (status 1) when there is no stored login for that server.
  init(_ options: GMWriteOptions) throws(GMFailure) {
    let server = options.target.baseURL
    let login: Credentials.Login?
    do {
      login = try Credentials.standard().login(for: server)
    } catch {
      throw .refused(error.description)
    }
    guard let login else {
      throw .refused("not logged in to \(server): run `\(Self.loginHint(server))` first")
    }
    self.options = options
    http = HTTPJSONClient(server: server, token: login.token)
  }

  /// `bulkhead gm login …` for `server`, as the hint for a missing or refused login.
  static func loginHint(_ server: String) -> String {
    "bulkhead gm login --server \(server) --user NAME"
  }

  /// Sends `command` (`POST` its endpoint with its body); the answer's JSON.
  func send(_ command: Command) async throws(GMFailure) -> JSONValue {
    do {
      return try await http.post(command.endpoint.rawValue, body: command.body)
    } catch {
      throw failure(error)
    }
  }

  /// `GET path`; the answer's JSON.
  func get(_ path: String) async throws(GMFailure) -> JSONValue {
    do {
      return try await http.get(path)
    } catch {
      throw failure(error)
    }
  }

  /// Prints `answer` as JSON with `--json`, otherwise `sentence`.
  func report(_ answer: JSONValue, _ sentence: @autoclosure () -> String) {
    if options.json {
      print(String(decoding: JSONWriter.encode(answer), as: UTF8.self))
    } else {
      print(sentence())
    }
  }

  private func failure(_ error: PlayerAPIError) -> GMFailure {
    switch error {
    case .refused(status: 401, let message):
      .refused("refused (401): \(message); run `\(Self.loginHint(options.target.baseURL))`")
    case .refused(let status, let message):
      .refused("refused (\(status)): \(message)")
    case .unreachable(let reason):
      .unreachable(UntrustedText.sanitize(reason))
    }
  }
}

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
