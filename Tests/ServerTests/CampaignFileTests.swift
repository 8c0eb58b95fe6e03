import AsyncHTTPClient
import BulkheadCore
import Foundation
import NIOCore
import Testing

@testable import BulkheadServer
@testable import TestSupport

/// The original tool's campaign data, next to the project (`../shared/fixtures/mothership-data`).
private let fixtureCampaignFolder = projectRoot.deletingLastPathComponent()
  .appendingPathComponent("shared/fixtures/mothership-data")

/// Whether the fixture campaign is present; its test is skipped otherwise.
private let fixtureCampaignAvailable = FileManager.default.fileExists(
  atPath: fixtureCampaignFolder.appendingPathComponent("campaign/NPCs/images/lucia_vance.png").path)

/// The first bytes of a PNG file.
let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// A file answer: the status, the headers and the body's exact bytes.
private struct FileAnswer {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  /// The body parsed as JSON (`null` when it is not JSON).
  var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
  /// The one value of header `name`, or nil.
  func header(_ name: String) -> String? {
    let values = headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    return values.count == 1 ? values[0] : nil
  }
}

@Suite("Campaign files under /data/")
struct CampaignFileTests {
  /// A request for `path` with the shared HTTP client.
  private static func fetch(
    _ base: String, _ path: String, method: String = "GET", headers: [(String, String)] = []
  ) async throws -> FileAnswer {
    var request = HTTPClientRequest(url: base + path)
    request.method = .RAW(value: method)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let response = try await testClient.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 32 << 20)
    let fields = response.headers.map { (name: $0.name, value: $0.value) }
    return FileAnswer(status: Int(response.status.code), headers: fields, body: Array(buffer: body))
  }

  /// A request for `path` over a plain socket, so that `path` reaches the server byte for byte (an HTTP
  /// client parses URLs and re-encodes malformed escapes such as `%zz`).
  private static func rawFetch(_ base: String, _ path: String, method: String = "GET") throws -> FileAnswer {
    let port = try #require(base.split(separator: ":").last.flatMap { UInt16($0) })
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(connected == 0)
    let request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    try #require(request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) } == request.count)
    var reply: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      reply += chunk[..<count]
    }
    let text = String(decoding: reply, as: UTF8.self)
    let head = try #require(text.range(of: "\r\n\r\n"))
    let lines = text[..<head.lowerBound].components(separatedBy: "\r\n")
    let status = try #require(lines.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) })
    let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    return FileAnswer(status: status, headers: headers, body: Array(text[head.upperBound...].utf8))
  }

  /// `date` as RFC 9110 writes it (`Sun, 06 Nov 1994 08:49:37 GMT`).
  private static func httpDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
  }

  /// A copy of the demo campaign in a fresh temporary folder, with extra files for the refusal cases, and
  /// `imre_sallow` given the text portrait `campaign/NPCs/text/imre_sallow.txt`. Returns the copy's folder.
  private static func preparedCampaign() throws -> URL {
    let manager = FileManager.default
    let folder = try temporaryFolder().resolvingSymlinksInPath()
    let root = folder.appendingPathComponent("campaign-copy")
    try manager.copyItem(at: projectRoot.appendingPathComponent("campaigns/demo").resolvingSymlinksInPath(), to: root)
    let copied = try manager.attributesOfItem(atPath: root.path)[.type] as? FileAttributeType
    try #require(copied == .typeDirectory, "the campaign copy must be a folder of its own, not a link to the demo")
    let npcsFile = root.appendingPathComponent("campaign/npcs.yaml")
    let npcs = try String(contentsOf: npcsFile, encoding: .utf8)
    let portraitLine = #"    portrait: "/data/campaign/NPCs/images/imre_sallow.png""#
    #expect(npcs.contains(portraitLine))
    try npcs.replacingOccurrences(
      of: portraitLine, with: portraitLine + "\n" + #"    portrait_text: "/data/campaign/NPCs/text/imre_sallow.txt""#
    ).write(to: npcsFile, atomically: true, encoding: .utf8)

    let images = root.appendingPathComponent("campaign/NPCs/images")
    let text = root.appendingPathComponent("campaign/NPCs/text")
    let hidden = root.appendingPathComponent("campaign/.private")
    for made in [text, hidden, images.appendingPathComponent("folder.png")] {
      try manager.createDirectory(at: made, withIntermediateDirectories: true)
    }
    let png = Data(pngSignature + [0, 0, 0, 13])
    try png.write(to: images.appendingPathComponent(".secret.png"))
    try png.write(to: hidden.appendingPathComponent("face.png"))
    try png.write(to: folder.appendingPathComponent("outside.png"))
    try Data("not a png at all".utf8).write(to: images.appendingPathComponent("fake.png"))
    try Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]).write(to: images.appendingPathComponent("photo.JPG"))
    try Data(Array("GIF89a".utf8) + [1, 2]).write(to: images.appendingPathComponent("anim.gif"))
    try Data(Array("RIFF".utf8) + [4, 0, 0, 0] + Array("WEBPVP8 ".utf8)).write(
      to: images.appendingPathComponent("face.webp"))
    try Data("  /\\_/\\\n ( o.o )  Imre — captain\n".utf8).write(to: text.appendingPathComponent("imre_sallow.txt"))
    try Data("not a portrait\n".utf8).write(to: text.appendingPathComponent("other.txt"))
    let large = images.appendingPathComponent("large.png")
    try Data(pngSignature).write(to: large)
    let handle = try FileHandle(forWritingTo: large)
    try handle.truncate(atOffset: UInt64(CampaignFiles.maximumBytes + 1))
    try handle.close()
    try manager.createSymbolicLink(
      atPath: images.appendingPathComponent("outside.png").path, withDestinationPath: "../../../../outside.png")
    try manager.createSymbolicLink(
      atPath: images.appendingPathComponent("alias.png").path, withDestinationPath: "imre_sallow.png")
    try manager.createSymbolicLink(
      atPath: images.appendingPathComponent("peek.png").path, withDestinationPath: "../../.private/face.png")
    return root
  }

  @Test("the demo campaign's portrait: exact bytes, content type, caching headers; HEAD without a body")
  func demoPortrait() async throws {
    let portrait = try #require(demoCampaign.npcs.first { $0.id == "imre_sallow" }?.portrait)
    #expect(portrait == "/data/campaign/NPCs/images/imre_sallow.png")
    let file = projectRoot.appendingPathComponent("campaigns/demo/campaign/NPCs/images/imre_sallow.png")
    let bytes = try [UInt8](Data(contentsOf: file))
    let modified = try #require(
      try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
    try await ServerHarness.with { server in
      let answer = try await Self.fetch(server.base, portrait)
      #expect(answer.status == 200)
      #expect(answer.body == bytes)
      #expect(answer.header("Content-Type") == "image/png")
      #expect(answer.header("Content-Length") == "\(bytes.count)")
      #expect(answer.header("Cache-Control") == "public, max-age=3600")
      #expect(answer.header("Last-Modified") == Self.httpDate(modified))
      #expect(answer.header("X-Content-Type-Options") == "nosniff")
      let tag = try #require(answer.header("ETag"))
      #expect(tag.hasPrefix("\"\(bytes.count)-") && tag.hasSuffix("\""))

      let head = try await Self.fetch(server.base, portrait, method: "HEAD")
      #expect(head.status == 200)
      #expect(head.body.isEmpty)
      #expect(head.header("Content-Type") == "image/png")
      #expect(head.header("Content-Length") == "\(bytes.count)")
      #expect(head.header("ETag") == tag)
    }
  }

  @Test("If-None-Match with the current ETag gets 304 without a body; another tag gets the file")
  func notModified() async throws {
    let portrait = "/data/campaign/NPCs/images/imre_sallow.png"
    try await ServerHarness.with { server in
      let first = try await Self.fetch(server.base, portrait)
      let tag = try #require(first.header("ETag"))
      for value in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
        let cached = try await Self.fetch(server.base, portrait, headers: [("If-None-Match", value)])
        #expect(cached.status == 304, "If-None-Match: \(value)")
        #expect(cached.body.isEmpty)
        #expect(cached.header("ETag") == tag)
        #expect(cached.header("Cache-Control") == "public, max-age=3600")
        #expect(cached.header("Content-Length") == nil)
      }
      let stale = try await Self.fetch(server.base, portrait, headers: [("If-None-Match", "\"1-2.3\"")])
      #expect(stale.status == 200)
      #expect(stale.body == first.body)
    }
  }

  @Test(
    "the fixture campaign serves lucia_vance.png",
    .enabled(if: fixtureCampaignAvailable, "../shared/fixtures/mothership-data is absent: fixture test skipped"))
  func fixturePortrait() async throws {
    let campaign = try Campaign.load(from: fixtureCampaignFolder)
    let portrait = try #require(campaign.npcs.compactMap(\.portrait).first { $0.hasSuffix("/lucia_vance.png") })
    #expect(portrait == "/data/campaign/NPCs/images/lucia_vance.png")
    let bytes = try [UInt8](
      Data(contentsOf: fixtureCampaignFolder.appendingPathComponent("campaign/NPCs/images/lucia_vance.png")))
    try await ServerHarness.with(campaign: campaign) { server in
      let answer = try await Self.fetch(server.base, portrait)
      #expect(answer.status == 200)
      #expect(answer.header("Content-Type") == "image/png")
      #expect(answer.body == bytes)
    }
  }

  @Test("paths that climb out, hide, or are malformed are refused with a JSON error, raw or encoded")
  func refusedPaths() async throws {
    let cases: [(path: String, status: Int, error: String)] = [
      ("/data/../campaigns/demo/campaign/npcs.yaml", 403, "path escapes the campaign folder"),
      ("/data/campaign/../../Package.swift", 403, "path escapes the campaign folder"),
      ("/data/campaign/./NPCs/images/imre_sallow.png", 403, "path escapes the campaign folder"),
      ("/data/%2e%2e/%2e%2e/etc/passwd", 403, "path escapes the campaign folder"),
      ("/data/%2E%2E/demo/campaign/NPCs/images/imre_sallow.png", 403, "path escapes the campaign folder"),
      ("/data/campaign%2FNPCs%2Fimages%2Fimre_sallow.png", 403, "path escapes the campaign folder"),
      ("/data/..%5C..%5Cetc%5Cpasswd.png", 403, "path escapes the campaign folder"),
      ("/data/campaign/NPCs/images/imre_sallow.png%00.yaml", 403, "the path holds a NUL character"),
      ("/data/campaign/NPCs/images/%00", 403, "the path holds a NUL character"),
      ("/data/campaign//NPCs/images/imre_sallow.png", 403, "the path has an empty segment"),
      ("/data/campaign/NPCs/images/", 403, "the path has an empty segment"),
      ("/data/campaign/NPCs/images/%zz.png", 400, "the path has an invalid percent escape or is not UTF-8"),
      ("/data/campaign/NPCs/images/%2.png", 400, "the path has an invalid percent escape or is not UTF-8"),
      ("/data/campaign/NPCs/images/%ff.png", 400, "the path has an invalid percent escape or is not UTF-8"),
      ("/data/campaign/npcs.yaml", 403, "only images are served (.png, .jpg, .jpeg, .gif, .webp)"),
      ("/data/campaign/NPCs/images", 403, "only images are served (.png, .jpg, .jpeg, .gif, .webp)"),
      ("/data/campaign/NPCs/images/nobody.png", 404, "no such file: campaign/NPCs/images/nobody.png"),
      ("/data/galaxy/nowhere/x.gif", 404, "no such file: galaxy/nowhere/x.gif"),
    ]
    try await ServerHarness.with { server in
      for (path, status, error) in cases {
        let answer = try Self.rawFetch(server.base, path)
        #expect(answer.status == status, "\(path)")
        #expect(answer.json == ["error": .string(error)], "\(path): \(String(decoding: answer.body, as: UTF8.self))")
        #expect(answer.header("Content-Type") == "application/json; charset=utf-8", "\(path)")
      }
    }
  }

  @Test("symlinks, hidden files, wrong content, oversize files and text files in a campaign copy")
  func campaignCopy() async throws {
    let root = try Self.preparedCampaign()
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let campaign = try Campaign.load(from: root)
    #expect(campaign.npcs.first { $0.id == "imre_sallow" }?.portraitText == "/data/campaign/NPCs/text/imre_sallow.txt")
    let images = "/data/campaign/NPCs/images/"
    let refused: [(path: String, status: Int, error: String)] = [
      (images + "outside.png", 403, "path escapes the campaign folder"),
      (images + ".secret.png", 403, "hidden files are not served"),
      (images + "%2esecret.png", 403, "hidden files are not served"),
      ("/data/campaign/.private/face.png", 403, "hidden files are not served"),
      (images + "peek.png", 403, "hidden files are not served"),
      (images + "fake.png", 403, "campaign/NPCs/images/fake.png is not a PNG image"),
      (images + "large.png", 403, "campaign/NPCs/images/large.png is larger than 16 MiB"),
      (images + "folder.png", 403, "campaign/NPCs/images/folder.png is not a regular file"),
      ("/data/campaign/NPCs/text/other.txt", 403, "only images are served (.png, .jpg, .jpeg, .gif, .webp)"),
    ]
    let served: [(path: String, type: String, file: String)] = [
      (images + "alias.png", "image/png", "campaign/NPCs/images/imre_sallow.png"),
      (images + "photo.JPG", "image/jpeg", "campaign/NPCs/images/photo.JPG"),
      (images + "anim.gif", "image/gif", "campaign/NPCs/images/anim.gif"),
      (images + "face.webp", "image/webp", "campaign/NPCs/images/face.webp"),
      ("/data/campaign/NPCs/text/imre_sallow.txt", "text/plain; charset=utf-8", "campaign/NPCs/text/imre_sallow.txt"),
    ]
    try await ServerHarness.with(campaign: campaign) { server in
      for (path, status, error) in refused {
        let answer = try Self.rawFetch(server.base, path)
        #expect(answer.status == status, "\(path)")
        #expect(answer.json == ["error": .string(error)], "\(path): \(String(decoding: answer.body, as: UTF8.self))")
      }
      for (path, type, file) in served {
        let answer = try await Self.fetch(server.base, path)
        #expect(answer.status == 200, "\(path)")
        #expect(answer.header("Content-Type") == type, "\(path)")
        #expect(answer.body == (try [UInt8](Data(contentsOf: root.appendingPathComponent(file)))), "\(path)")
      }
      let text = try await Self.fetch(server.base, "/data/campaign/NPCs/text/imre_sallow.txt")
      #expect(String(decoding: text.body, as: UTF8.self) == "  /\\_/\\\n ( o.o )  Imre — captain\n")
    }
  }

  @Test("a POST to /data/… gets 405 naming GET and HEAD; a HEAD of a refused path gets its status without a body")
  func methods() async throws {
    try await ServerHarness.with { server in
      let post = try await Self.fetch(server.base, "/data/campaign/NPCs/images/imre_sallow.png", method: "POST")
      #expect(post.status == 405)
      #expect(post.json == ["error": "Method not allowed; use GET, HEAD"])
      #expect(post.header("Allow") == "GET, HEAD")
      let deep = try await Self.fetch(server.base, "/data/a/b/c/d.png", method: "DELETE")
      #expect(deep.status == 405)
      #expect(deep.json == ["error": "Method not allowed; use GET, HEAD"])
      let head = try await Self.fetch(server.base, "/data/campaign/npcs.yaml", method: "HEAD")
      #expect(head.status == 403)
      #expect(head.body.isEmpty)
      let bare = try await Self.fetch(server.base, "/data/", method: "POST")
      #expect(bare.status == 404)
      #expect(bare.json == ["error": "Not found"])
    }
  }

  @Test("the path check decodes each segment on its own")
  func pathCheck() throws {
    let path = try CampaignFilePath(rawPath: "/data/campaign/NPCs/images/Lucia%20Vance%C3%A9.png")
    #expect(path.segments == ["campaign", "NPCs", "images", "Lucia Vanceé.png"])
    #expect(path.relativePath == "campaign/NPCs/images/Lucia Vanceé.png")
    for (raw, status) in [
      ("/data/%2e%2e", 403), ("/data/a%2Fb.png", 403), ("/data/a%5cb.png", 403), ("/data/.%2e/x.png", 403),
      ("/data/x%", 400), ("/data/x%4", 400), ("/data/x%g0", 400), ("/data/%c3%28.png", 400), ("/other/x.png", 404),
    ] {
      let error = #expect(throws: APIError.self, "\(raw)") { try CampaignFilePath(rawPath: raw[...]) }
      #expect(error?.status.code == status, "\(raw)")
    }
    #expect(CampaignFileType(imageFileName: "face.JPEG") == .jpeg)
    #expect(CampaignFileType(imageFileName: "png") == nil)
    #expect(CampaignFileType.webp.matches(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBP".utf8)))
    #expect(!CampaignFileType.webp.matches(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)))
    #expect(!CampaignFileType.text.matches([0x41, 0x00, 0x42]))
    #expect(BulkheadAPI.httpDate(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
  }
}
