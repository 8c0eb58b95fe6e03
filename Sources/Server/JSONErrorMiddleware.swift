import BulkheadCore
import Hummingbird
import NIOHTTP1

/// Turns every error into API.md's `{"error": …}` body with the right status, and answers
/// 405 for a known path called with the wrong method.
struct JSONErrorMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  /// The route patterns (`*` for a parameter, a final `**` for one or more segments) with their methods.
  let routes: [(pattern: [Substring], method: HTTPRequest.Method)]

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return try error.response(from: request, context: context)
    } catch let error as CommandError {
      return try APIError(error).response(from: request, context: context)
    } catch let error as DatabaseUnavailable {
      context.logger.warning("database unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
      var response = JSONResponse.make(
        ["error": .string("the database is unavailable, try again shortly: \(error)")], status: .serviceUnavailable)
      response.headers[.retryAfter] = "2"
      return response
    } catch let error as HTTPResponseError {
      if error.status == .notFound, let allowed = allowedMethods(request.uri.path), !allowed.isEmpty {
        var response = JSONResponse.make(
          ["error": .string("Method not allowed; use \(allowed.map(\.rawValue).joined(separator: ", "))")],
          status: .methodNotAllowed)
        response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return response
      }
      return JSONResponse.make(["error": .string(Self.message(for: error))], status: error.status)
    } catch let error as HTTPParserError {
      // The request's framing broke inside its body (a bad chunk size, a body cut short): the client's fault.
      var response = JSONResponse.make(["error": .string("malformed request: \(error)")], status: .badRequest)
      response.headers[.connection] = "close"
      return response
    } catch {
      context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
      return JSONResponse.make(["error": "internal server error"], status: .internalServerError)
    }
  }

  private static func message(for error: HTTPResponseError) -> String {
    if let error = error as? HTTPError, let body = error.body, !body.isEmpty { return body }
    switch error.status {
    case .notFound: return "Not found"
    case .contentTooLarge: return "Request body too large"
    default: return error.status.reasonPhrase
    }
  }

  /// The methods of the routes matching `path`, or nil when none does.
  private func allowedMethods(_ path: String) -> [HTTPRequest.Method]? {
    let parts = path.split(separator: "/")
    let methods = routes.filter { route in
      let catchesRest = route.pattern.last == "**"
      return (catchesRest ? parts.count >= route.pattern.count : parts.count == route.pattern.count)
        && zip(route.pattern, parts).allSatisfy { $0 == "*" || $0 == "**" || $0 == $1 }
    }.map(\.method)
    return methods.isEmpty ? nil : methods
  }
}
