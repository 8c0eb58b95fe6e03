import ArgumentParser
import BulkheadCore
import BulkheadTUI
import Foundation

/// `bulkhead bench`: payload, render and parser cost, write → event latency, connection capacity and terminal bytes,
/// as a table or one JSON object.
struct Bench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Measure Bulkhead: payload and frame cost, SSE parser throughput, write -> event latency, capacity, terminal bytes.",
    discussion: """
      Run it from a release build (swift run -c release bulkhead bench). It measures, in order: building and \
      encoding the ENCOUNTER payload of the demo ship and, when ../shared/fixtures/mothership-data is there, of the \
      fixture ship; drawing that ENCOUNTER at 160x48; decoding a 512x512 portrait and drawing it into 24x12 \
      cells; the SSE parser on 1 MB of small events and on one large \
      event; the time from a GM token move to each listener's parser delivering its event, with 1, 100 and \
      1000 listeners on a loopback server, and with 100 and 1000 on the lean stream (?compact=1); with --cluster, \
      two servers on one PostgreSQL with 500 listeners each: a write on the first to the events on each, and the \
      writes per second through PostgreSQL; capacity: a `bulkhead serve` child process showing the ENCOUNTER holds \
      10,000 idle streams (the open-file limit is raised to the hard limit), with its resident memory per stream, \
      then a burst of 1000 connects started at once, timed from each connect to its first event; and the bytes the \
      curses display (`bulkhead play` on a 100x30 pseudo-terminal, xterm-256color, UTF-8) writes for one token \
      move and for one door change. Each figure names its unit and how many samples it has.
      """)

  @Flag(
    help: """
      A short smoke run: few samples, a 10 MB parser event, no 1000-listener run, 1000 idle streams and 5 terminal \
      updates of each kind.
      """)
  var quick = false

  @Flag(help: "Print one JSON object instead of the table.")
  var json = false

  @Option(
    help: ArgumentHelp(
      "A scratch PostgreSQL database for the cluster figures (default: BULKHEAD_DATABASE_URL; none: skipped).",
      discussion: "Its session of the demo campaign is started over.", valueName: "url"))
  var cluster: String?

  @Flag(
    help: ArgumentHelp(
      "With --cluster, only the one-server and cluster write -> event figures, alternately.",
      discussion: """
        One server with 1000 listeners, then the cluster's two servers with 500 each, twice over (once, with 50 and \
        100 listeners, with --quick): the cross-server figure beside the one it is compared with, on the same load.
        """))
  var clusterOnly = false

  @Option(
    help: ArgumentHelp(
      "Timed runs of the payload and frame figures (default 1000; 50 with --quick).",
      discussion: "The parser figures take a tenth as many runs and the latency figures a fifth as many token moves."))
  var samples: Int?

  @Option(
    help: ArgumentHelp(
      "Measure the fan-out against a peer server in the same run (only `nchan`: nginx with the nchan module).",
      discussion: "Only the fan-out figures are taken then: 1, 100, 500 and 1000 listeners, two alternating rounds."))
  var peer: String?

  /// The cluster figures' database: `--cluster`, else a non-empty `BULKHEAD_DATABASE_URL`.
  private var databaseURL: String? {
    cluster ?? ProcessInfo.processInfo.environment[DatabaseChoice.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
  }

  func validate() throws {
    if let peer, peer != "nchan" { throw ValidationError("--peer must be nchan") }
    if clusterOnly && databaseURL == nil {
      throw ValidationError("--cluster-only needs --cluster postgres://… (or BULKHEAD_DATABASE_URL)")
    }
    if let samples, !(1...1_000_000).contains(samples) {
      throw ValidationError("--samples must be from 1 to 1000000")
    }
  }

  func run() async throws {
    let runs = samples ?? (quick ? 50 : 1000)
    let campaign = try CampaignOption.load(nil)
    if peer != nil {
      try await comparePeer(fixtureOr: campaign, writes: Swift.max(1, runs / 10))
      return
    }
    if clusterOnly, let url = databaseURL {
      try await compareCluster(url: url, campaign: campaign, writes: Swift.max(1, runs / 5))
      return
    }
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
    if let url = databaseURL {
      let bench = BenchCluster(
        campaign: campaign, url: url, listenersPerServer: quick ? 50 : 500, writes: Swift.max(1, runs / 5))
      figures += try await bench.run()
    } else {
      FileHandle.standardError.write(
        Data("cluster figures skipped: pass --cluster postgres://… (a scratch database)\n".utf8))
    }
    let capacity = BenchCapacity(campaign: campaign, idleStreams: quick ? 1000 : 10_000, burstConnects: 1000)
    figures += try await capacity.run()
    figures += try await BenchTerminalBytes(campaign: campaign, samples: quick ? 5 : 20).run()
    if json {
      let report: JSONValue = [
        "command": "bulkhead bench", "quick": .bool(quick), "figures": .array(figures.map(\.json)),
      ]
      print(String(decoding: JSONWriter.encode(report), as: UTF8.self))
    } else {
      print(BenchFigure.table(figures))
    }
  }

  /// One server's write -> event figure and the cluster's, alternately, on the same number of listeners.
  private func compareCluster(url: String, campaign: Campaign, writes: Int) async throws {
    let perServer = quick ? 50 : 500
    let fanOut = BenchFanOut(campaign: campaign, writes: writes)
    let cluster = BenchCluster(campaign: campaign, url: url, listenersPerServer: perServer, writes: writes)
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
    if json {
      let report: JSONValue = [
        "command": "bulkhead bench --cluster-only", "quick": .bool(quick), "figures": .array(figures.map(\.json)),
      ]
      print(String(decoding: JSONWriter.encode(report), as: UTF8.self))
    } else {
      print(BenchFigure.table(figures))
    }
  }

  /// The fan-out of Bulkhead beside nginx + nchan, on the fixture ship when the fixtures are there.
  private func comparePeer(fixtureOr demo: Campaign, writes: Int) async throws {
    let campaign = try BenchEncounter.fixtureFolder().map { try Campaign.load(from: $0) } ?? demo
    let withPeer = BenchNchan.isInstalled
    if !withPeer {
      print("nginx with the nchan module is not installed (\(BenchNchan.installHint)): measuring Bulkhead alone")
    }
    let comparison = BenchPeerComparison(
      campaign: campaign, writes: writes, listenerCounts: quick ? [1, 100] : [1, 100, 500, 1000],
      rounds: quick ? 1 : 2, withPeer: withPeer)
    print(try await comparison.run())
  }

  /// Payload build + encode of the demo ship's ENCOUNTER, and of the fixture ship's when the fixtures are there.
  private func payloadFigures(demo: Campaign, runs: Int) throws -> [BenchFigure] {
    var ships = [("demo", demo, "kestrel_dawn")]
    if let folder = BenchEncounter.fixtureFolder() {
      do {
        ships.append(("fixture", try Campaign.load(from: folder), "uscss_morrigan"))
      } catch {
        throw CLIError("cannot load the fixture campaign \(folder.path): \(error)")
      }
    }
    return try ships.map { name, campaign, preferred in
      guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: preferred) else {
        throw CLIError("the \(name) campaign has no ship with a deck map")
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
    else { throw CLIError("the ENCOUNTER frame lacks its legend or portraits") }
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
