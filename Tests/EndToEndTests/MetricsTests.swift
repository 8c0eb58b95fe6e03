import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// Where `promtool` is, when Debian's `prometheus` package is installed.
let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// `bulkhead serve --metrics-port`: `GET /metrics` on its own listener, scraped as Prometheus would.
@Suite("Metrics", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct MetricsTests {
  /// A `bulkhead serve` child with a GM account and a metrics listener; returns the API and metrics URLs.
  private static func serve(extra: [String] = []) throws -> (ChildProcess, api: String, metrics: String) {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite").path
    let added = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database, "--password-stdin"], stdin: "metrics-are-fun\n")
    #expect(added.status == 0, "\(added.err)")
    let child = try ChildProcess(["serve", "--port", "0", "--db", database, "--metrics-port", "0"] + extra)
    var api: String?
    var metrics: String?
    while api == nil || metrics == nil, let line = child.readLine() {
      let url = line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init)
      if line.hasPrefix("Metrics on ") { metrics = url } else { api = url.map { String($0.dropLast()) } }
    }
    guard let api, let metrics else {
      throw HarnessError("the server did not announce both URLs: \(child.errorText())")
    }
    return (child, api, metrics)
  }

  /// The value of the sample line `name{labels}` (or `name` without labels) in `text`.
  private static func sample(_ text: String, _ series: String) -> Double? {
    text.split(separator: "\n").first { $0.hasPrefix(series + " ") }
      .flatMap { Double($0.dropFirst(series.count + 1)) }
  }

  @Test("GET /metrics counts streams, events, bytes, writes by outcome, login failures, rate limits, latency")
  func scrape() async throws {
    let (child, api, metrics) = try Self.serve()
    defer { _ = child.signal(SIGKILL, timeout: 5) }
    #expect(metrics.hasSuffix("/metrics"))
    #expect(!metrics.contains(URL(string: api)!.port.map { ":\($0)/" } ?? "?"), "metrics must not share the API port")

    let full = try await EventStreamReader.open(api)
    let lean = try await EventStreamReader.open(api, query: "?compact=1")
    defer {
      full.close()
      lean.close()
    }
    _ = await full.nextEvent()
    _ = await lean.nextEvent()
    let login = try await ServerHarness.request(
      "POST", api + "/api/auth/login", body: #"{"username":"ops","password":"metrics-are-fun"}"#)
    let token = try #require(login.json["token"]?.stringValue)
    let wrong = try await ServerHarness.request(
      "POST", api + "/api/auth/login", body: #"{"username":"ops","password":"not the password"}"#)
    #expect(wrong.status == 401)
    let switched = try await ServerHarness.request(
      "POST", api + "/api/gm/switch-view/", body: #"{"view_type":"SHIP_DASHBOARD"}"#, token: token)
    #expect(switched.status == 200)
    let refused = try await ServerHarness.request(
      "POST", api + "/api/gm/switch-view/", body: #"{"view_type":"NOPE"}"#, token: token)
    #expect(refused.status == 400)
    let anonymous = try await ServerHarness.request(
      "POST", api + "/api/gm/switch-view/", body: #"{"view_type":"STANDBY"}"#)
    #expect(anonymous.status == 401)
    var limited = 0
    for _ in 0..<25 where limited == 0 {
      let action = try await ServerHarness.request("POST", api + "/api/terminal/hide/", body: "{}")
      if action.status == 429 { limited += 1 }
    }
    #expect(limited == 1)
    _ = await full.nextEvent()
    _ = await lean.nextEvent()

    let scraped = try await ServerHarness.request("GET", metrics)
    #expect(scraped.status == 200)
    let text = scraped.text
    #expect(Self.sample(text, #"bulkhead_open_streams{stream="full"}"#) == 1)
    #expect(Self.sample(text, #"bulkhead_open_streams{stream="lean"}"#) == 1)
    // Each stream got its first event and the switch.
    #expect(Self.sample(text, #"bulkhead_stream_events_sent_total{stream="full"}"#) == 2)
    #expect(Self.sample(text, #"bulkhead_stream_events_sent_total{stream="lean"}"#) == 2)
    #expect((Self.sample(text, #"bulkhead_stream_bytes_sent_total{stream="full"}"#) ?? 0) > 1000)
    #expect(Self.sample(text, #"bulkhead_writes_total{command="switchView",outcome="ok"}"#) == 1)
    #expect(Self.sample(text, #"bulkhead_writes_total{command="switchView",outcome="refused"}"#) == 1)
    #expect(Self.sample(text, #"bulkhead_writes_total{command="switchView",outcome="unauthorized"}"#) == 1)
    #expect(Self.sample(text, #"bulkhead_writes_total{command="hideTerminal",outcome="refused"}"#) == 1)
    #expect(Self.sample(text, "bulkhead_login_failures_total") == 1)
    #expect(Self.sample(text, #"bulkhead_rate_limited_total{limiter="player"}"#) == 1)
    #expect(Self.sample(text, #"bulkhead_rate_limited_total{limiter="login"}"#) == 0)
    #expect(Self.sample(text, #"bulkhead_slow_consumers_closed_total{stream="full"}"#) == 0)
    // Every successful write is in the histogram: the switch and the 20 terminal hides before the limit.
    #expect(Self.sample(text, "bulkhead_write_to_publish_seconds_count") == 21)
    #expect(Self.sample(text, #"bulkhead_write_to_publish_seconds_bucket{le="+Inf"}"#) == 21)
    #expect(text.contains(#"bulkhead_build_info{version=""#))
    #expect((Self.sample(text, "process_resident_memory_bytes") ?? 0) > 1_000_000)
    #expect((Self.sample(text, "process_open_fds") ?? 0) > 3)
    #expect(Self.sample(text, "process_start_time_seconds").map { $0 > 1_700_000_000 } == true)

    let onAPI = try await ServerHarness.request("GET", api + "/metrics")
    #expect(onAPI.status == 404)
  }

  @Test(
    "promtool check metrics accepts the scrape",
    .enabled(if: promtool != nil, "promtool is not installed (Debian: prometheus)"))
  func promtoolAccepts() async throws {
    let (child, api, metrics) = try Self.serve()
    defer { _ = child.signal(SIGKILL, timeout: 5) }
    let stream = try await EventStreamReader.open(api)
    defer { stream.close() }
    _ = await stream.nextEvent()
    _ = try await ServerHarness.request("POST", api + "/api/auth/login", body: #"{"username":"x","password":"y"}"#)
    let text = try await ServerHarness.request("GET", metrics).text
    let check = Process()
    check.executableURL = URL(fileURLWithPath: try #require(promtool))
    check.arguments = ["check", "metrics"]
    let input = Pipe()
    let output = Pipe()
    check.standardInput = input
    check.standardOutput = output
    check.standardError = output
    try check.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    check.waitUntilExit()
    #expect(check.terminationStatus == 0, "promtool: \(said)\n\(text)")
  }

  @Test("without --metrics-port nothing serves /metrics")
  func offUnlessAsked() async throws {
    try await ServerHarness.with { harness in
      let answer = try await harness.get("/metrics")
      #expect(answer.status == 404)
    }
  }
}
