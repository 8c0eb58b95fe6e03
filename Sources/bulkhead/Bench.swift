import ArgumentParser
import BulkheadBench
import BulkheadCanvas
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
    let suite = BenchSuite(
      campaign: try CampaignOption.load(nil), quick: quick, runs: samples ?? (quick ? 50 : 1000),
      clusterURL: databaseURL)
    if peer != nil {
      print(try await suite.peerComparison())
      return
    }
    if clusterOnly {
      print(report(try await suite.clusterComparison(), command: "bulkhead bench --cluster-only"))
      return
    }
    print(report(try await suite.figures(), command: "bulkhead bench"))
  }

  /// `figures` as the table, or with `--json` as one JSON object naming `command`.
  private func report(_ figures: [BenchFigure], command: String) -> String {
    guard json else { return BenchFigure.table(figures) }
    let report: JSONValue = [
      "command": .string(command), "quick": .bool(quick), "figures": .array(figures.map(\.json)),
    ]
    return String(decoding: JSONWriter.encode(report), as: UTF8.self)
  }
}
