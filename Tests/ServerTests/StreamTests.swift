import BulkheadCore
import Foundation
import Testing

@testable import BulkheadServer
@testable import TestSupport

@Suite("SSE stream")
struct StreamTests {
  @Test("headers, retry first, then the current payload with id <epoch>.<version>")
  func firstEvent() async throws {
    try await ServerHarness.with { server in
      let stream = try await EventStreamReader.open(server.base)
      defer { stream.close() }
      #expect(stream.status == 200)
      let headers = Dictionary(stream.headers.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { a, _ in a })
      #expect(headers["content-type"] == "text/event-stream")
      #expect(headers["cache-control"] == "no-cache")
      #expect(headers["x-accel-buffering"] == "no")
      let first = try #require(await stream.next())
      #expect(first.retry == "3000")
      let event = try #require(await stream.next())
      #expect(event.event == "activeview")
      let payload = try event.payload()
      #expect(payload.viewType == .standby)
      #expect(payload.version == 0)
      #expect(event.id == "\(payload.epoch).0")
      #expect(!payload.epoch.isEmpty)
    }
  }

  @Test("each change is one event; ids count up")
  func changesInOrder() async throws {
    try await ServerHarness.with { server in
      let stream = try await EventStreamReader.open(server.base)
      defer { stream.close() }
      let snapshot = try #require(await stream.nextEvent()).payload()
      let answer = try await server.gm(
        "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      #expect(answer.status == 200)
      #expect(answer.json["success"] == .bool(true))
      let event = try #require(await stream.nextEvent())
      let payload = try event.payload()
      #expect(event.id == "\(snapshot.epoch).1")
      #expect(payload.viewType == .encounter)
      #expect(payload.locationSlug == "kestrel_dawn")
      #expect(payload.encounterTotalDecks == 2)
    }
  }

  @Test("10 listeners each see 100 writes, in order, none missing")
  func tenListenersHundredWrites() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let placed = try await server.gm(
        "/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":1,"y":1}"#)
      let tokenID = try #require(placed.json["token_id"]?.stringValue)
      var streams: [EventStreamReader] = []
      for _ in 0..<10 { streams.append(try await EventStreamReader.open(server.base)) }
      defer { streams.forEach { $0.close() } }
      var start = 0
      for stream in streams { start = try #require(await stream.nextEvent()).payload().version }
      for step in 0..<100 {
        let answer = try await server.gm(
          "/api/gm/encounter/move-token/", #"{"token_id":"\#(tokenID)","x":\#(step % 30),"y":\#(step % 2)}"#)
        #expect(answer.status == 200)
      }
      for stream in streams {
        var versions: [Int] = []
        var cells: [Int] = []
        while versions.count < 100, let event = await stream.nextEvent() {
          let payload = try event.payload()
          versions.append(payload.version)
          cells.append(payload.encounterTokens[tokenID]?.x ?? -1)
        }
        #expect(versions == Array(start + 1...start + 100))
        #expect(cells == (0..<100).map { $0 % 30 })
      }
    }
  }

  @Test("a write racing a connect is never lost", arguments: [0])
  func writeRacingConnect(_: Int) async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      for round in 0..<60 {
        let visible = round % 2 == 0
        async let stream = EventStreamReader.open(server.base)
        async let write = server.gm(
          "/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":\#(visible)}"#)
        let (reader, answer) = try await (stream, write)
        defer { reader.close() }
        #expect(answer.status == 200)
        let expected = try await server.payload().version
        var seen = try #require(await reader.nextEvent()).payload()
        while seen.version < expected, let event = await reader.nextEvent() { seen = try event.payload() }
        #expect(seen.version == expected, "round \(round): the listener stopped at \(seen.version)")
        #expect(seen.encounterRoomVisibility["bridge"] == visible)
      }
    }
  }

  @Test("keepalive comments come at the configured interval")
  func keepalive() async throws {
    try await ServerHarness.with(keepalive: .milliseconds(100)) { server in
      let stream = try await EventStreamReader.open(server.base)
      defer { stream.close() }
      var comments = 0
      while comments < 3, let block = await stream.next() {
        if block.comment == "keepalive" { comments += 1 }
      }
      #expect(comments == 3)
    }
  }

  @Test("a listener that stops reading is closed; the others keep up")
  func slowListenerDropped() async throws {
    try await ServerHarness.with(listenerBufferBytes: 16 * 1024) { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      // A long broadcast text is not in the payload; tokens are: 40 with long image URLs make about 25 KB per event.
      let url = "/data/" + String(repeating: "x", count: WriteLimits.imageURLCharacters - 6)
      var tokenID = ""
      for index in 0..<40 {
        let placed = try await server.gm(
          "/api/gm/encounter/place-token/",
          #"{"type":"object","name":"crate \#(index)","x":1,"y":1,"image_url":"\#(url)"}"#)
        tokenID = try #require(placed.json["token_id"]?.stringValue)
      }
      let reader = try await EventStreamReader.open(server.base)
      defer { reader.close() }
      let stalled = try StalledClient(port: Int(server.base.split(separator: ":").last!)!)
      defer { stalled.close() }
      let broadcaster = server.server.store.broadcaster
      for _ in 0..<100 where broadcaster.listenerCount < 2 { try await Task.sleep(for: .milliseconds(10)) }
      #expect(broadcaster.listenerCount == 2)
      let start = try #require(await reader.nextEvent()?.version)
      var writes = 0
      var received = 0
      while broadcaster.listenerCount == 2 && writes < 2000 {
        _ = try await server.gm(
          "/api/gm/encounter/move-token/", #"{"token_id":"\#(tokenID)","x":\#(2 + writes % 2),"y":1}"#)
        writes += 1
        // The reading client keeps up with every write.
        while received < writes, let version = await reader.nextEvent()?.version {
          received = version - start
        }
      }
      #expect(broadcaster.listenerCount == 1, "the stalled listener is still registered after \(writes) writes")
      #expect(received == writes)
      #expect(stalled.drain() != .stillOpen, "the stalled listener's response did not end")
    }
  }

  @Test("a client that disconnects is removed at once, without waiting for an event")
  func disconnectRemovesListener() async throws {
    try await ServerHarness.with { server in
      let broadcaster = server.server.store.broadcaster
      let stalled = try StalledClient(port: Int(server.base.split(separator: ":").last!)!)
      for _ in 0..<200 where broadcaster.listenerCount < 1 { try await Task.sleep(for: .milliseconds(5)) }
      #expect(broadcaster.listenerCount == 1)
      stalled.close()
      var waited = 0
      while broadcaster.listenerCount > 0 && waited < 400 {
        try await Task.sleep(for: .milliseconds(5))
        waited += 1
      }
      #expect(broadcaster.listenerCount == 0, "still registered 2 s after the client closed")
    }
  }
}
