import Foundation
import Hummingbird
import NIOPosix

extension BulkheadAPI {
  /// How long clients may reuse a campaign file without asking again.
  static let campaignFileCacheControl = "public, max-age=3600"

  /// Adds `GET` and `HEAD /data/<path>`: the campaign folder's images and the NPCs' text portraits.
  func registerCampaignFiles(on router: Router<AppRequestContext>) {
    let files = CampaignFiles(campaign: store.campaign)
    router.get("data/**") { request, _ in try await campaignFile(request, files: files) }
    router.head("data/**") { request, context in
      do {
        return try await campaignFile(request, files: files).createHeadResponse()
      } catch let error as APIError {
        return try error.response(from: request, context: context).createHeadResponse()
      }
    }
  }

  /// `GET /data/<path>`: the file `<campaign folder>/<path>` with its content type and caching headers, or 304
  /// when `If-None-Match` names its current `ETag`.
  ///
  /// The raw request path is checked by `CampaignFilePath`, the file by `CampaignFiles`.
  func campaignFile(_ request: Request, files: CampaignFiles) async throws -> Response {
    let path = try CampaignFilePath(rawPath: request.uri.path[...])
    let file = try await NIOThreadPool.singleton.runIfActive { try files.file(at: path) }
    var headers: HTTPFields = [
      .cacheControl: Self.campaignFileCacheControl, .eTag: file.entityTag,
      .lastModified: Self.httpDate(secondsSince1970: file.modifiedSeconds), .xContentTypeOptions: "nosniff",
    ]
    if Self.matches(ifNoneMatch: request.headers[values: .ifNoneMatch], entityTag: file.entityTag) {
      return Response(status: .notModified, headers: headers)
    }
    headers[.contentType] = file.type.contentType
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.content)))
  }

  /// Whether the `If-None-Match` values name `entityTag` (weakly, as RFC 9110 compares them) or are `*`.
  static func matches(ifNoneMatch values: [String], entityTag: String) -> Bool {
    values.flatMap { $0.split(separator: ",") }.contains { candidate in
      let tag = candidate.trimmingCharacters(in: .whitespaces)
      return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == entityTag
    }
  }

  /// `seconds` since 1970 in the HTTP date format of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`).
  static func httpDate(secondsSince1970 seconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
      + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
  }
}
