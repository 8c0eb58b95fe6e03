import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

@Suite("Location list")
struct LocationListTests {
  @Test("GET /api/locations/ lists every location by path with its map and terminals; POST is 405")
  func locations() async throws {
    try await RouteHarness.with { server in
      let answer = try await server.get("/api/locations/")
      #expect(answer.status == 200)
      let locations = try #require(answer.json["locations"]?.arrayValue)
      #expect(answer.json["count"] == .int(demoCampaign.locations.count))
      #expect(locations.count == demoCampaign.locations.count)
      let paths = locations.compactMap { $0["path"]?.stringValue }
      #expect(paths == paths.sorted())
      let kestrel = try #require(locations.first { $0["slug"] == "kestrel_dawn" })
      #expect(kestrel["name"] == "MSV Kestrel Dawn")
      #expect(kestrel["path"] == "haldens-reach/kestrel_dawn")
      #expect(kestrel["has_map"] == true)
      #expect(kestrel["decks"] == 2)
      let terminals = kestrel["terminals"]?.arrayValue?.compactMap { $0["slug"]?.stringValue }
      #expect(terminals == ["bridge_terminal", "engineering_terminal", "medbay_terminal"])
      let bridge = kestrel["terminals"]?.arrayValue?.first
      #expect(bridge?["owner"] == "Captain Imre Sallow")
      #expect(bridge?["terminal_id"] == "KD-BRG-01")
      let system = try #require(locations.first { $0["slug"] == "haldens-reach" })
      #expect(system["has_map"] == false)
      #expect(try await server.post("/api/locations/").status == 405)
    }
  }
}
