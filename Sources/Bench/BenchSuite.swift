import BulkheadCanvas
import BulkheadCore
import BulkheadTUI
import Foundation

/// Every figure of `bulkhead bench`, in order, on one campaign: payload and frame cost, portraits, the SSE parser,
/// JSON, write → event latency, the cluster (with a database URL), capacity and terminal bytes; or the fan-out beside
/// nginx + nchan.
public struct BenchSuite {
  /// The campaign the figures are taken on (the bundled demo).
  public var campaign: Campaign
  /// A short smoke run: fewer samples, smaller loads.
  public var quick: Bool
  /// Timed runs of the payload and frame figures; the others take a fixed fraction of it.
  public var runs: Int
  /// A scratch PostgreSQL database for the cluster figures; `nil` skips them.
  public var clusterURL: String?

  /// A suite on `campaign` with `runs` timed runs.
  public init(campaign: Campaign, quick: Bool, runs: Int, clusterURL: String?) {
    self.campaign = campaign
    self.quick = quick
    self.runs = runs
    self.clusterURL = clusterURL
  }

  /// Takes every figure, in order.
  public func figures() async throws -> [BenchFigure] {
    var figures = try payloadFigures(demo: campaign, runs: runs)
    figures.append(try renderFigure(campaign, runs: runs))
    figures += try BenchPortrait.figures(runs: runs)
    figures += try parserFigures(runs: Swift.max(1, runs / 10))
    figures += try BenchJSON.figures(campaign: campaign, runs: runs)
    var fanOut = BenchFanOut(campaign: campaign, writes: Swift.max(1, runs / 5))
    for listeners in quick ? [1, 100] : [1, 100, 1000] {
      figures.append(try await fanOut.run(listeners: listeners))
    }
    fanOut.lean = true
    for listeners in quick ? [100] : [100, 1000] {
      figures.append(try await fanOut.run(listeners: listeners))
    }
    if let clusterURL {
      let bench = BenchCluster(
        campaign: campaign, url: clusterURL, listenersPerServer: quick ? 50 : 500, writes: Swift.max(1, runs / 5))
      figures += try await bench.run()
    } else {
      FileHandle.standardError.write(
        Data("cluster figures skipped: pass --cluster postgres://… (a scratch database)\n".utf8))
    }
    let capacity = BenchCapacity(campaign: campaign, idleStreams: quick ? 1000 : 10_000, burstConnects: 1000)
    figures += try await capacity.run()
    figures += try await BenchTerminalBytes(campaign: campaign, samples: quick ? 5 : 20).run()
    return figures
  }

  /// One server's write -> event figure and the cluster's (two servers on ``clusterURL``), alternately, on the same
  /// number of listeners: 1000 and 2 × 500 (100 and 2 × 50 when quick), two rounds (one when quick).
  ///
  /// - Throws: ``BenchError`` without a cluster URL.
  public func clusterComparison() async throws -> [BenchFigure] {
    guard let clusterURL else { throw BenchError("the cluster comparison needs a PostgreSQL database URL") }
    let perServer = quick ? 50 : 500
    let writes = Swift.max(1, runs / 5)
    let fanOut = BenchFanOut(campaign: campaign, writes: writes)
    let cluster = BenchCluster(campaign: campaign, url: clusterURL, listenersPerServer: perServer, writes: writes)
    var figures: [BenchFigure] = []
    for round in 1...(quick ? 1 : 2) {
      let measured = [try await fanOut.run(listeners: 2 * perServer)] + (try await cluster.run())
      figures += measured.map { figure in
        var figure = figure
        figure.key = "round_\(round).\(figure.key)"
        figure.label = "round \(round): " + figure.label
        return figure
      }
    }
    return figures
  }

  /// The fan-out of Bulkhead beside nginx + nchan, on the fixture ship when the fixtures are there.
  ///
  /// Returns the report to print: the table, after a line saying the peer is missing when nginx with the nchan
  /// module is not installed (Bulkhead is then measured alone).
  public func peerComparison() async throws -> String {
    let campaign = try BenchEncounter.fixtureFolder().map { try Campaign.load(from: $0) } ?? campaign
    let withPeer = BenchNchan.isInstalled
    let comparison = BenchPeerComparison(
      campaign: campaign, writes: Swift.max(1, runs / 10), listenerCounts: quick ? [1, 100] : [1, 100, 500, 1000],
      rounds: quick ? 1 : 2, withPeer: withPeer)
    let table = try await comparison.run()
    guard withPeer else {
      return "nginx with the nchan module is not installed (\(BenchNchan.installHint)): measuring Bulkhead alone\n"
        + table
    }
    return table
  }

  /// Payload build + encode of the demo ship's ENCOUNTER, and of the fixture ship's when the fixtures are there.
  private func payloadFigures(demo: Campaign, runs: Int) throws -> [BenchFigure] {
    var ships = [("demo", demo, "kestrel_dawn")]
    if let folder = BenchEncounter.fixtureFolder() {
      do {
        ships.append(("fixture", try Campaign.load(from: folder), "uscss_morrigan"))
      } catch {
        throw BenchError("cannot load the fixture campaign \(folder.path): \(error)")
      }
    }
    return try ships.map { name, campaign, preferred in
      guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: preferred) else {
        throw BenchError("the \(name) campaign has no ship with a deck map")
      }
      let state = try BenchEncounter(campaign: campaign, locationSlug: slug).state(in: campaign)
      let builder = PayloadBuilder(campaign: campaign)
      var bytes = 0
      let durations = Self.time(runs) { run in
        bytes = builder.encode(state, version: run + 1, epoch: "bench").count
      }
      return BenchFigure(
        key: "payload.\(name)", label: "payload build + encode, \(name) ship \(slug) ENCOUNTER", unit: "µs",
        durations: durations, counts: ["payload_bytes": bytes])
    }
  }

  /// One frame of the demo ship's ENCOUNTER, with tokens, portraits (in 256-colour half blocks) and the legend, at
  /// 160x48.
  private func renderFigure(_ campaign: Campaign, runs: Int) throws -> BenchFigure {
    let encounter = try BenchEncounter(campaign: campaign, locationSlug: "kestrel_dawn")
    let bytes = PayloadBuilder(campaign: campaign).encode(try encounter.state(in: campaign), version: 1, epoch: "bench")
    var model = PlayerModel(payload: try ActiveViewPayload.decode(bytes), clock: "21:07")
    model.portraits = try BenchPortrait.portraits(of: model, campaign: campaign)
    let mode = PortraitMode.halfBlocks(.full)
    let frame = TextScreen.plain(
      PlayerFrame.render(model, width: 160, height: 48, glyphs: .unicode, portraitMode: mode))
    let portraits = campaign.npcs.prefix(2).map(\.name)
    guard frame.contains(" TOKENS "), portraits.allSatisfy({ frame.contains($0.uppercased()) || frame.contains($0) }),
      frame.contains("▀")
    else { throw BenchError("the ENCOUNTER frame lacks its legend or portraits") }
    var cells = 0
    let durations = Self.time(runs) { _ in
      let canvas = PlayerFrame.render(model, width: 160, height: 48, glyphs: .unicode, portraitMode: mode)
      cells = canvas.width * canvas.height
    }
    return BenchFigure(
      key: "render.encounter", label: "frame, demo ship ENCOUNTER 160x48 unicode", unit: "µs", durations: durations,
      counts: ["cells": cells])
  }

  /// The parser on about 1 MB of small events, and on one 50 MB event (10 MB with --quick).
  private func parserFigures(runs: Int) throws -> [BenchFigure] {
    let small = BenchParser.smallEvents(bytes: 1 << 20)
    let smallTimes = try (0..<runs).map { _ in try BenchParser.time(small.stream, events: small.events) }
    let megabytes = quick ? 10 : 50
    let large = BenchParser.largeEvent(bytes: megabytes * 1_000_000)
    let largeTimes = try (0..<Swift.max(1, runs / 10)).map { _ in try BenchParser.time(large, events: 1) }
    return [
      BenchFigure(
        key: "parser.small_events", label: "SSE parser, \(small.events) small events", bytes: small.stream.count,
        durations: smallTimes, counts: ["events": small.events]),
      BenchFigure(
        key: "parser.large_event", label: "SSE parser, one \(megabytes) MB event", bytes: large.count,
        durations: largeTimes),
    ]
  }

  /// Times `runs` calls of `body`, which is given the run's index.
  static func time(_ runs: Int, _ body: (Int) -> Void) -> [Duration] {
    let clock = ContinuousClock()
    return (0..<runs).map { run in clock.measure { body(run) } }
  }
}
