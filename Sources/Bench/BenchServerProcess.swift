import BulkheadClient
import BulkheadCore
import BulkheadServer
import Foundation

/// `bulkhead serve` run by the bench as a child process — this same executable — on a temporary database with a GM
/// account, so that its memory and descriptors can be read apart from the bench's own.
public final class BenchServerProcess {
  /// The server's base URL, `http://127.0.0.1:<port>`.
  public let base: String
  /// The port it listens on.
  public let port: Int
  private let process: Process
  private let folder: URL
  private let password = UUID().uuidString
  private static let username = "bench-gm"

  /// Starts `bulkhead serve --port 0` on `campaign` and waits until it listens.
  public init(campaign: Campaign) async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = folder.appendingPathComponent("bench.sqlite").path
    do {
      try await AccountStore(database: try Database(path: database))
        .setAccount(username: Self.username, password: password)
    } catch {
      throw BenchError("cannot create the bench GM account in \(database): \(error)")
    }
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["serve", "--port", "0", "--db", database, "--campaign", campaign.root.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    let log = folder.appendingPathComponent("serve.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: log)
    var announced: Int?
    var problem = ""
    do {
      try process.run()
      let line = try Self.firstLine(of: output.fileHandleForReading, within: .seconds(60))
      announced = line.range(of: "http://127.0.0.1:").flatMap { Int(line[$0.upperBound...].prefix(while: \.isNumber)) }
    } catch {
      problem = "\(error)"
    }
    guard let port = announced else {
      Self.end(process)
      let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(at: folder)
      throw BenchError("bulkhead serve did not start: \(problem) \(errors)")
    }
    self.process = process
    self.port = port
    base = "http://127.0.0.1:\(port)"
  }

  /// The process id of the server.
  public var pid: pid_t { process.processIdentifier }

  /// Logs the GM in and returns a client that writes with the session token.
  public func gm() async throws -> HTTPJSONClient {
    let answer = try await HTTPJSONClient(server: base).post(
      "/api/auth/login", body: ["username": .string(Self.username), "password": .string(password)])
    guard let token = answer["token"]?.stringValue else { throw BenchError("the login answer has no token") }
    return HTTPJSONClient(server: base, token: token)
  }

  /// The server's resident memory (VmRSS) in KiB.
  public func residentKiB() throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
      let kib = Int(line.dropFirst("VmRSS:".count).filter(\.isNumber))
    else { throw BenchError("no VmRSS in /proc/\(pid)/status") }
    return kib
  }

  /// How many file descriptors the server has open.
  public func openFiles() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
  }

  /// Asks the server to shut down (SIGTERM), kills it after 5 s, and removes its database.
  public func stop() {
    Self.end(process)
    try? FileManager.default.removeItem(at: folder)
  }

  /// Ends `process` if it runs: SIGTERM, then SIGKILL after 5 s.
  private static func end(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }

  /// Reads `handle` up to its first newline, waiting at most `limit`.
  private static func firstLine(of handle: FileHandle, within limit: Duration) throws -> String {
    let deadline = ContinuousClock.now.advanced(by: limit)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 512)
    while !bytes.contains(UInt8(ascii: "\n")) {
      let left = deadline - ContinuousClock.now
      guard left > .zero else { throw BenchError("no line within \(limit)") }
      var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Int32(left.seconds * 1000) + 1) > 0 else { continue }
      let count = read(handle.fileDescriptor, &buffer, buffer.count)
      guard count > 0 else { throw BenchError("the output ended") }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
