import BulkheadBench
import BulkheadClient
import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// The client against a real Bulkhead server in this process (port 0, the bundled demo campaign).
@Suite(.serialized)
struct HTTPJSONClientTests {
  /// A running server on a fresh database, and its base URL.
  private static func server() async throws -> (DemoServer, String) {
    let folder = try #require(Paths.demoCampaign(), "the bundled demo campaign is not found")
    let database = FileManager.default.temporaryDirectory
      .appendingPathComponent("client-tests-\(UUID().uuidString).sqlite").path
    let server = try DemoServer(campaign: try Campaign.load(from: folder), database: database)
    let port = try await server.start(port: 0)
    return (server, "http://127.0.0.1:\(port)")
  }

  @Test("a read answers the server's JSON; a GM write with the demo GM's token is accepted")
  func readsAndWrites() async throws {
    let (server, base) = try await Self.server()
    let token = try await server.login(base)
    let view = try await HTTPJSONClient(server: base).get("/api/active-view/")
    #expect(view["view_type"]?.stringValue == "STANDBY")
    let answer = try await HTTPJSONClient(server: base, token: token).send(
      .switchView(.bridge, locationSlug: "", viewSlug: ""))
    #expect(answer["view_type"]?.stringValue == "BRIDGE")
    await server.stop()
  }

  @Test("an error status is refused with the server's own message, and a write without a token is a 401")
  func refusals() async throws {
    let (server, base) = try await Self.server()
    do {
      _ = try await HTTPJSONClient(server: base).get("/api/terminal/no-such-place/inbox/")
      Issue.record("an unknown location was found")
    } catch {
      #expect(error == .refused(status: 404, message: "Location not found: no-such-place"))
    }
    do {
      _ = try await HTTPJSONClient(server: base).send(.switchView(.bridge, locationSlug: "", viewSlug: ""))
      Issue.record("an unauthenticated write was accepted")
    } catch {
      guard case .refused(let status, _) = error else {
        Issue.record("expected a refusal, got \(error)")
        await server.stop()
        return
      }
      #expect(status == 401)
    }
    await #expect(throws: ServerAPIError.refused(status: 401, message: "not logged in")) {
      try await GMConsoleClient(server: base, token: nil).write("/api/gm/switch-view/", body: ["view_type": "BRIDGE"])
    }
    await server.stop()
  }

  @Test("a server that cannot be reached is unreachable; a read moves on to the next server of the cluster")
  func unreachableAndFallback() async throws {
    let dead = "http://127.0.0.1:\(try freeLoopbackPort())"
    do {
      _ = try await HTTPJSONClient(server: dead).get("/api/active-view/")
      Issue.record("a closed port answered")
    } catch {
      guard case .unreachable(let reason) = error else {
        Issue.record("expected unreachable, got \(error)")
        return
      }
      #expect(reason.contains(dead))
    }
    let (server, base) = try await Self.server()
    let view = try await HTTPJSONClient(server: dead, fallbacks: [base]).get("/api/active-view/")
    #expect(view["view_type"]?.stringValue == "STANDBY")
    await server.stop()
  }

  @Test("a write goes to the next server only when the first refused the connection, and runs once")
  func writeFailsOverOnlyWhenNeverSent() async throws {
    let dead = "http://127.0.0.1:\(try freeLoopbackPort())"
    let (server, base) = try await Self.server()
    let token = try await server.login(base)
    let client = HTTPJSONClient(server: dead, token: token, fallbacks: [base])
    let answer = try await client.send(.broadcast(content: "Hull breach on deck 2", sender: "GM", priority: .high))
    #expect(answer["message_id"] != nil)
    let messages = try await HTTPJSONClient(server: base).get("/api/messages/")
    let contents = messages["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } ?? []
    #expect(contents == ["Hull breach on deck 2"], "\(messages)")
    await server.stop()
  }
}
