import AsyncHTTPClient
import BulkheadCore
import Foundation
import NIOCore
import SSEClient

/// JSON over HTTP to a Bulkhead (or original) server: the display's REST side and, with a token, the GM's.
public struct HTTPJSONClient: ServerAPI {
  /// The server's base URL without a trailing slash.
  public let server: String
  /// A bearer token sent with every request, for GM requests.
  public var token: String?
  /// Other servers of the same cluster, asked in turn when one cannot be reached.
  public var fallbacks: [String] = []
  /// Time allowed for a whole request.
  public var timeout: TimeAmount = .seconds(5)
  /// The largest answer read: the largest file the server serves.
  public static let maximumBody = 16 << 20

  /// A client with `token`, on `server` and then `fallbacks`.
  public init(server: String, token: String? = nil, fallbacks: [String] = []) {
    self.server = server
    self.token = token
    self.fallbacks = fallbacks
  }

  public func get(_ path: String) async throws(ServerAPIError) -> JSONValue {
    try await onFirstReachable { client throws(ServerAPIError) in
      try await client.send(HTTPClientRequest(url: client.server + path))
    }
  }

  public func file(_ path: String) async throws(ServerAPIError) -> [UInt8] {
    try await onFirstReachable { client throws(ServerAPIError) in
      do throws(ExchangeFailure) {
        let (status, bytes) = try await client.exchange(HTTPClientRequest(url: client.server + path))
        guard (200..<300).contains(status) else { throw .failed(client.refusal(status, bytes)) }
        return bytes
      } catch {
        throw error.error
      }
    }
  }

  /// Runs a read on `server`, then on each fallback while the one asked cannot be reached.
  private func onFirstReachable<T>(
    _ read: (HTTPJSONClient) async throws(ServerAPIError) -> T
  ) async throws(ServerAPIError) -> T {
    var lastError = ServerAPIError.unreachable("no server to ask")
    for base in [server] + fallbacks {
      do throws(ServerAPIError) {
        var client = HTTPJSONClient(server: base, token: token)
        client.timeout = timeout
        return try await read(client)
      } catch {
        guard case .unreachable = error else { throw error }
        lastError = error
      }
    }
    throw lastError
  }

  /// Sends `command`: `POST` its endpoint with its body.
  public func send(_ command: Command) async throws(ServerAPIError) -> JSONValue {
    try await post(command.endpoint.rawValue, body: command.body)
  }

  /// `POST path` with `body` on ``server``; only when the request never reached it (the connection was refused or
  /// could not be made in time) is it sent to each fallback in turn, so a write can never run twice.
  public func post(_ path: String, body: JSONValue) async throws(ServerAPIError) -> JSONValue {
    var failure = ServerAPIError.unreachable("no server to ask")
    for base in [server] + fallbacks {
      var client = HTTPJSONClient(server: base, token: token)
      client.timeout = timeout
      var request = HTTPClientRequest(url: base + path)
      request.method = .POST
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: JSONWriter.encode(body)))
      do throws(ExchangeFailure) {
        return try await client.attempt(request)
      } catch {
        guard case .notSent(let reason) = error else { throw error.error }
        failure = reason
      }
    }
    throw failure
  }

  private func send(_ request: HTTPClientRequest) async throws(ServerAPIError) -> JSONValue {
    do throws(ExchangeFailure) {
      return try await attempt(request)
    } catch {
      throw error.error
    }
  }

  /// Why an exchange failed, and whether the request can have reached the server.
  private enum ExchangeFailure: Error {
    /// The connection was refused or could not be made: the server never saw the request.
    case notSent(ServerAPIError)
    /// Anything else: the server may have seen the request.
    case failed(ServerAPIError)

    var error: ServerAPIError {
      switch self {
      case .notSent(let error), .failed(let error): error
      }
    }
  }

  /// Sends `request` (with the token, when there is one) and reads the answer as JSON.
  ///
  /// An answer larger than ``maximumBody`` is refused rather than unreachable, so it is not asked for again.
  private func attempt(_ request: HTTPClientRequest) async throws(ExchangeFailure) -> JSONValue {
    var request = request
    request.headers.add(name: "Accept", value: "application/json")
    let (status, bytes) = try await exchange(request)
    guard (200..<300).contains(status) else { throw .failed(refusal(status, bytes)) }
    guard let json = try? JSONParser.parse(bytes) else {
      throw .failed(.unreachable("\(server) answered with something that is not JSON"))
    }
    return json
  }

  /// Sends `request` (with the token, when there is one) and reads the answer's status and body.
  private func exchange(_ request: HTTPClientRequest) async throws(ExchangeFailure) -> (Int, [UInt8]) {
    var request = request
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    let response: HTTPClientResponse
    do {
      response = try await ClientTrust.requestClient.execute(request, timeout: timeout)
    } catch {
      let reason = ServerAPIError.unreachable("cannot reach \(server): \(error)")
      throw Self.neverSent(error) ? .notSent(reason) : .failed(reason)
    }
    let status = Int(response.status.code)
    do {
      return (status, Array(buffer: try await response.body.collect(upTo: Self.maximumBody)))
    } catch is NIOTooManyBytesError {
      throw .failed(.refused(status: status, message: "the answer is larger than \(Self.maximumBody >> 20) MiB"))
    } catch {
      throw .failed(.unreachable("cannot reach \(server): \(error)"))
    }
  }

  /// Whether `error` from the HTTP client means the request never reached the server: a refused connection
  /// (`ECONNREFUSED` only happens while connecting) or a connection not made in time.
  static func neverSent(_ error: any Error) -> Bool {
    if let error = error as? IOError { return error.errnoCode == ECONNREFUSED }
    if let error = error as? HTTPClientError { return error == .connectTimeout }
    return false
  }

  /// The error for an error `status`: the body's `error` field, else the status.
  private func refusal(_ status: Int, _ bytes: [UInt8]) -> ServerAPIError {
    let message = (try? JSONParser.parse(bytes))?["error"]?.stringValue ?? "HTTP \(status)"
    return .refused(status: status, message: UntrustedText.sanitize(message))
  }
}
