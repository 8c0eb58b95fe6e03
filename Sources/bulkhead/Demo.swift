import ArgumentParser
import BulkheadBench
import BulkheadCanvas
import BulkheadClient
import BulkheadCore
import BulkheadServer
import BulkheadTUI
import Foundation
import Logging
import Synchronization

/// `bulkhead demo`: the server, a scripted GM session and the player display, in one process.
struct Demo: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Watch Bulkhead run: a server on the demo campaign, a scripted GM session and the player display.",
    discussion: """
      The server listens on a free loopback port with a temporary database. The display draws with curses on a \
      terminal (q ends the demo) and prints headless frames otherwise. The session takes about a minute at \
      --speed 1, restarts the server near the end to show the connection banner (the demo's display raises it \
      after 2 failures, the GM's threshold), and exits 0.
      """)

  @Option(help: "How fast the GM acts (2 = twice as fast). The server's restart keeps real time.")
  var speed = 1.0

  @Flag(help: "Play the session again and again until interrupted.")
  var loop = false

  @OptionGroup var display: DisplayOptions

  func validate() throws {
    guard speed > 0, speed <= 100 else { throw ValidationError("--speed must be above 0 and at most 100") }
  }

  func run() async throws {
    let campaign = try CampaignOption.load(nil)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-demo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try DemoServer(campaign: campaign, database: folder.appendingPathComponent("demo.sqlite").path)
    let port = try await server.start(port: 0)
    let base = "http://127.0.0.1:\(port)"
    let token = try await server.login(base)
    var configuration = PlayerConfiguration(server: base, role: .player, failureThreshold: 2)
    configuration.retryCap = .seconds(6)
    let seen = Mutex<PlayerModel?>(nil)
    let displayTask = Task { try await display.run(configuration, onFrame: { model in seen.withLock { $0 = model } }) }
    let script = DemoScript(
      gm: HTTPJSONClient(server: base, token: token), speed: speed,
      restartServer: {
        await server.stop()
        await Self.wait(upTo: .seconds(30)) { seen.withLock { $0?.connectionLost ?? false } }
        _ = try await server.start(port: port)
        // The restarted server resumes the session: the display reconnects to the same table.
        await Self.wait(upTo: .seconds(30)) { seen.withLock { $0.map { !$0.connectionLost } ?? false } }
      })
    let scriptTask = Task {
      repeat {
        try await script.run()
      } while loop && !Task.isCancelled
    }
    let ended = await Self.first(display: displayTask, script: scriptTask)
    await server.stop()
    if case .failure(let error) = ended { throw error }
  }

  /// Waits until the display ends (the script is then cancelled) or the script ends (the display is then
  /// stopped), and returns how the one that ended first did.
  static func first(
    display: Task<String, any Error>, script: Task<Void, any Error>
  ) async -> Result<Void, any Error> {
    let (ends, continuation) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
    let watchers = [
      Task {
        let result = await display.result
        _ = continuation.yield(result.map { _ in })
      },
      Task { _ = continuation.yield(await script.result) },
    ]
    var iterator = ends.makeAsyncIterator()
    let first = await iterator.next() ?? .success(())
    script.cancel()
    display.cancel()
    _ = await display.result
    for watcher in watchers { watcher.cancel() }
    continuation.finish()
    if case .failure(let error) = first, error is CancellationError { return .success(()) }
    return first
  }

  /// Polls `condition` every 100 ms until it holds or `limit` has passed.
  static func wait(upTo limit: Duration, _ condition: @Sendable () -> Bool) async {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while !condition(), ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(100))
    }
  }
}
