import BulkheadCore
import Hummingbird

/// An error answered as `{"error": message}` with its status, as API.md specifies.
public struct APIError: HTTPResponseError, Sendable {
  public let status: HTTPResponse.Status
  /// What is wrong, naming the field.
  public let message: String

  /// An error with `status` and `message`.
  public init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }

  /// The error for a refused command.
  init(_ error: CommandError) {
    switch error.kind {
    case .invalid: self.init(.badRequest, error.message)
    case .forbidden: self.init(.forbidden, error.message)
    case .notFound: self.init(.notFound, error.message)
    }
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    JSONResponse.make(["error": .string(message)], status: status)
  }
}

/// JSON responses written with `JSONWriter`.
enum JSONResponse {
  /// A response whose body is `value`.
  static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    make(bytes: JSONWriter.encode(value), status: status)
  }

  /// A response whose body is already-encoded JSON.
  static func make(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A response whose body is an already-encoded JSON buffer.
  static func make(buffer: ByteBuffer) -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: buffer))
  }
}
