import BulkheadCore
import Foundation
import Synchronization
import Testing

@testable import TestSupport

/// `serve --cluster`: several servers on one real PostgreSQL started by the test (skipped only where PostgreSQL
/// is not installed).
@Suite(
  "Cluster on PostgreSQL", .serialized, .timeLimit(.minutes(3)),
  .enabled(
    if: PostgresCluster.binaries != nil,
    "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql"))
struct ClusterTests {
  /// Runs `body` with `count` in-process servers on one fresh PostgreSQL.
  private static func withServers(
    _ count: Int, _ body: (PostgresCluster, [ServerHarness]) async throws -> Void
  ) async throws {
    let postgres = try PostgresCluster()
    defer { postgres.remove() }
    var servers: [ServerHarness] = []
    do {
      for _ in 0..<count {
        servers.append(
          try await ServerHarness.start(
            keepalive: .seconds(15), listenerBufferBytes: 4 * 1024 * 1024, databaseFolder: nil, campaign: demoCampaign,
            cluster: postgres.url))
      }
      try await body(postgres, servers)
    } catch {
      for server in servers { await server.stop() }
      throw error
    }
    for server in servers { await server.stop() }
  }

  /// Reads `reader`'s events until one has `version` (or `seconds` pass) and returns the versions seen in order
  /// and the last payload.
  private static func events(
    _ reader: EventStreamReader, until version: Int, seconds: Double = 30
  ) async throws -> (versions: [Int], last: ActiveViewPayload?) {
    let watchdog = Task {
      try await Task.sleep(for: .seconds(seconds))
      reader.close()
    }
    defer { watchdog.cancel() }
    var versions: [Int] = []
    var last: ActiveViewPayload?
    while let event = await reader.nextEvent() {
      versions.append(event.version ?? -1)
      // A lean event (?compact=1) leaves the map out and does not decode alone: the last whole one stands.
      if let payload = try? event.payload() { last = payload }
      if (event.version ?? 0) >= version { break }
    }
    return (versions, last)
  }

  /// Every version from `first` to `last`, each once, in order.
  private static func everyVersion(_ versions: [Int], from first: Int, to last: Int) -> Bool {
    versions == Array(first...last)
  }

  @Test("two servers: writes on each reach the displays on each, every version in order, one epoch")
  func twoServers() async throws {
    try await Self.withServers(2) { _, servers in
      let readers = [
        try await EventStreamReader.open(servers[0].base), try await EventStreamReader.open(servers[1].base),
        try await EventStreamReader.open(servers[1].base, query: "?compact=1"),
      ]
      defer { for reader in readers { reader.close() } }
      let opened = try await servers[0].gm(
        "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      #expect(opened.status == 200)
      // Each write changes the table: a room revealed, then a token placed, in turn on each server.
      let rooms = ["bridge", "comms_array", "galley", "crew_berths", "eva_prep"]
      for index in 0..<20 {
        let body =
          index < rooms.count
          ? #"{"room_id":"\#(rooms[index])","visible":true}"#
          : #"{"type":"player","name":"p\#(index)","x":2,"y":2,"room_id":"bridge"}"#
        let path = index < rooms.count ? "/api/gm/encounter/toggle-room/" : "/api/gm/encounter/place-token/"
        let answer = try await servers[index % 2].gm(path, body)
        #expect(answer.status == 200, "\(answer.text)")
      }
      let written = try await servers[1].payload()
      #expect(written.version == 21, "the last write was on server B")
      var lasts: [ActiveViewPayload] = []
      for reader in readers {
        let (versions, last) = try await Self.events(reader, until: 21)
        #expect(Self.everyVersion(versions, from: 0, to: 21), "versions seen: \(versions)")
        #expect(last?.epoch == written.epoch)
        if let last { lasts.append(last) }
      }
      #expect(lasts.count == readers.count)
      // The lean reader's last event leaves the map out and does not decode alone; the whole ones must match.
      #expect(lasts.prefix(2).allSatisfy { $0.version == 21 })
      #expect(
        lasts.prefix(2).allSatisfy {
          $0.encounterTokens == written.encounterTokens && $0.encounterRoomVisibility == written.encounterRoomVisibility
        })
    }
  }

  @Test("a state too large for a notification: the other server reads each version from PostgreSQL, none skipped")
  func largeState() async throws {
    try await Self.withServers(2) { postgres, servers in
      let reader = try await EventStreamReader.open(servers[1].base)
      defer { reader.close() }
      #expect(
        try await servers[0].gm(
          "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#
        ).status == 200)
      // 64-character names: past about 50 tokens the stored state no longer fits in a notification.
      let count = 80
      for index in 0..<count {
        let name = String(repeating: "n", count: 60) + String(format: "%04d", index)
        let answer = try await servers[0].gm(
          "/api/gm/encounter/place-token/", #"{"type":"npc","name":"\#(name)","x":2,"y":2,"room_id":"bridge"}"#)
        #expect(answer.status == 200, "\(answer.text)")
      }
      let stored = try postgres.sql("SELECT length(state) FROM active_session")
      #expect((Int(stored.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 8000, "stored state: \(stored)")
      let (versions, last) = try await Self.events(reader, until: 1 + count)
      #expect(Self.everyVersion(versions, from: 0, to: 1 + count), "versions seen: \(versions)")
      #expect(last?.encounterTokens.count == count)
    }
  }

  @Test("three servers, three GMs writing at once: no write lost, every display sees every version")
  func concurrentWriters() async throws {
    try await Self.withServers(3) { _, servers in
      var readers: [EventStreamReader] = []
      for server in servers { readers.append(try await EventStreamReader.open(server.base)) }
      defer { for reader in readers { reader.close() } }
      #expect(
        try await servers[2].gm(
          "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#
        ).status == 200)
      let perServer = 30
      try await withThrowingTaskGroup(of: Void.self) { writers in
        for (index, server) in servers.enumerated() {
          writers.addTask {
            for token in 0..<perServer {
              let answer = try await server.gm(
                "/api/gm/encounter/place-token/",
                #"{"type":"npc","name":"s\#(index)-\#(token)","x":2,"y":2,"room_id":"bridge"}"#)
              #expect(answer.status == 200, "\(answer.text)")
            }
          }
        }
        try await writers.waitForAll()
      }
      let total = 1 + servers.count * perServer
      for reader in readers {
        let (versions, last) = try await Self.events(reader, until: total)
        #expect(Self.everyVersion(versions, from: 0, to: total), "versions seen: \(versions)")
        #expect(last?.encounterTokens.count == servers.count * perServer)
      }
      // Each server has published the last version to its display: its own state is that one too.
      for server in servers {
        let payload = try await server.payload()
        #expect(payload.version == total)
        #expect(Set(payload.encounterTokens.values.map(\.name)).count == servers.count * perServer)
      }
    }
  }

  @Test(
    "PostgreSQL stopped and started under load: 503 JSON meanwhile, then every acknowledged write, no version skipped")
  func postgresRestart() async throws {
    try await Self.withServers(2) { postgres, servers in
      let readers = [
        try await EventStreamReader.open(servers[0].base), try await EventStreamReader.open(servers[1].base),
      ]
      defer { for reader in readers { reader.close() } }
      #expect(
        try await servers[0].gm(
          "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#
        ).status == 200)
      let acknowledged = Shared<[String]>([])
      let refusals = Shared<[Answer]>([])
      let stopAt = 40
      // Every acknowledged write places a token: stay under the deck's limit, past which writes are refused (400).
      let wanted = WriteLimits.tokensPerDeck - 10
      let restarted = Shared(false)
      let loadEnded = Shared(false)
      try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
          defer { loadEnded.withLock { $0 = true } }
          var index = 0
          while acknowledged.withLock({ $0.count }) < wanted && index < 500 {
            let name = "t\(index)"
            index += 1
            let answer = try await servers[index % 2].gm(
              "/api/gm/encounter/place-token/", #"{"type":"npc","name":"\#(name)","x":2,"y":2,"room_id":"bridge"}"#)
            if answer.status == 200 {
              acknowledged.withLock { $0.append(name) }
            } else {
              refusals.withLock { $0.append(answer) }
              // Only the outage may refuse a write: anything else ends the load, and the checks below say why.
              if answer.status != 503 { break }
              if restarted.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(100)) }
            }
          }
        }
        tasks.addTask {
          func waiting(until reached: @Sendable () -> Bool) -> Bool { !reached() && !loadEnded.withLock { $0 } }
          while waiting(until: { acknowledged.withLock { $0.count } >= stopAt }) {
            try await Task.sleep(for: .milliseconds(5))
          }
          try postgres.stop("fast")
          while waiting(until: { refusals.withLock { $0.count } >= 2 }) { try await Task.sleep(for: .milliseconds(20)) }
          try postgres.start()
          restarted.withLock { $0 = true }
        }
        try await tasks.waitForAll()
      }
      let refused = refusals.withLock { $0 }
      #expect(!refused.isEmpty)
      for answer in refused {
        #expect(answer.status == 503, "\(answer.text)")
        #expect(answer.json["error"]?.stringValue?.contains("database") == true, "\(answer.text)")
      }
      let names = acknowledged.withLock { $0 }
      let final = try await servers[0].payload()
      let stored = Set(final.encounterTokens.values.map(\.name))
      #expect(Set(names).subtracting(stored).isEmpty, "acknowledged but lost: \(Set(names).subtracting(stored))")
      for reader in readers {
        let (versions, last) = try await Self.events(reader, until: final.version)
        #expect(Self.everyVersion(versions, from: 0, to: final.version), "versions seen: \(versions)")
        #expect(last?.encounterTokens.count == stored.count)
      }
    }
  }
}
