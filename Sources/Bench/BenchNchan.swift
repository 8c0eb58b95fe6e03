import AsyncHTTPClient
import Foundation
import NIOCore

/// nginx with the nchan module, run by `bulkhead bench --peer nchan` as the peer to measure the fan-out against: one
/// worker, on a free loopback port, with a configuration written here, publishing on `/pub` and serving the
/// channel as an EventSource stream on `/sub`.
public final class BenchNchan {
  /// Where Debian's `nginx-light` and `libnginx-mod-nchan` put the server and the module.
  public static let nginx = "/usr/sbin/nginx"
  public static let module = "/usr/lib/nginx/modules/ngx_nchan_module.so"
  /// What to run when the peer is missing.
  public static let installHint = "apt-get install nginx-light libnginx-mod-nchan"

  /// The base URL, `http://127.0.0.1:<port>`.
  public let base: String
  private let process: Process
  private let folder: URL

  /// Whether nginx and the nchan module are installed.
  public static var isInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: nginx) && FileManager.default.fileExists(atPath: module)
  }

  /// The configuration: one worker, no access log, a channel that keeps its last message for new subscribers (so
  /// they start with the current state, as Bulkhead's streams do).
  public static func configuration(folder: URL, port: Int) -> String {
    """
    load_module \(module);
    worker_processes 1;
    daemon off;
    master_process on;
    pid \(folder.path)/nginx.pid;
    error_log \(folder.path)/error.log warn;
    worker_rlimit_nofile 65536;
    events { worker_connections 32768; }
    http {
      access_log off;
      client_body_temp_path \(folder.path)/body;
      client_max_body_size 1m;
      client_body_buffer_size 1m;
      server {
        listen 127.0.0.1:\(port) backlog=4096;
        location = /pub { nchan_publisher; nchan_channel_id bench; nchan_message_buffer_length 1; }
        location = /sub {
          nchan_subscriber eventsource;
          nchan_channel_id bench;
          nchan_subscriber_first_message oldest;
        }
      }
    }
    """
  }

  /// Starts nginx and waits until it answers.
  public init() async throws {
    guard Self.isInstalled else { throw BenchError("nginx with nchan is not installed: \(Self.installHint)") }
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-nchan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let port = try Self.freePort()
    let config = folder.appendingPathComponent("nginx.conf")
    try Self.configuration(folder: folder, port: port).write(to: config, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.nginx)
    process.arguments = ["-p", folder.path, "-c", config.path, "-e", folder.appendingPathComponent("error.log").path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    base = "http://127.0.0.1:\(port)"
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while (try? await Self.post(base + "/pub", body: "{}")) == nil {
      guard ContinuousClock.now < deadline, process.isRunning else {
        let log = (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
        stop()
        throw BenchError("nginx with nchan did not start: \(log)")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// The master and its workers: the processes whose CPU and memory count.
  public var pids: [pid_t] {
    let master = process.processIdentifier
    let children = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return [master]
      + children.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry), ProcessUsage.parent(of: pid) == master else { return nil }
        return pid
      }
  }

  /// Publishes `body` to the channel.
  public func publish(_ body: String) async throws {
    let status = try await Self.post(base + "/pub", body: body)
    guard (200..<300).contains(status) else { throw BenchError("nchan refused the publish: HTTP \(status)") }
  }

  /// POSTs `body` to `url` and returns the status, once the answer has been read.
  private static func post(_ url: String, body: String) async throws -> Int {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.body = .bytes(ByteBuffer(string: body))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
    _ = try await response.body.collect(upTo: 1 << 20)
    return Int(response.status.code)
  }

  /// Stops nginx (SIGQUIT, its graceful stop; SIGKILL after 5 s) and removes its folder.
  public func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGQUIT)
      let deadline = ContinuousClock.now.advanced(by: .seconds(5))
      while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: folder)
  }

  deinit { stop() }

  /// A loopback port that was free a moment ago.
  private static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
      }
    }
    guard bound else { throw BenchError("no free loopback port for nginx") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
