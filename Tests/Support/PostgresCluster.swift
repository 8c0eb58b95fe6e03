import Foundation

/// A throwaway PostgreSQL server for the cluster tests: `initdb` in a temporary folder, `pg_ctl start` on a free
/// loopback port (as the `postgres` system user when the tests run as root, since PostgreSQL refuses root), and
/// everything removed by `remove()`.
final class PostgresCluster: @unchecked Sendable {
  /// Debian's PostgreSQL programs (`/usr/lib/postgresql/<version>/bin`), when installed.
  static let binaries: URL? = {
    let root = URL(fileURLWithPath: "/usr/lib/postgresql")
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
      .map { root.appendingPathComponent($0).appendingPathComponent("bin") }
      .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path) }
  }()

  let folder: URL
  let port: Int
  private var data: URL { folder.appendingPathComponent("data") }

  /// The database URL of the cluster (user `postgres`, no password, database `postgres`).
  var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

  /// Creates and starts a cluster.
  init() throws {
    guard Self.binaries != nil else { throw HarnessError("PostgreSQL is not installed") }
    folder = try temporaryFolder()
    port = try freeLoopbackPort()
    if getuid() == 0 {
      chmod(folder.path, 0o755)
      try Self.run("/bin/chown", ["postgres:postgres", folder.path])
    }
    try run("initdb", ["-D", data.path, "-A", "trust", "-U", "postgres", "--no-sync"])
    try start()
  }

  /// Starts the server (again) on the same port.
  func start() throws {
    try run(
      "pg_ctl",
      [
        "-D", data.path, "-w", "-l", folder.appendingPathComponent("log").path, "-o",
        "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
        "start",
      ])
  }

  /// Stops the server: `fast` ends the sessions cleanly, `immediate` as a crash would.
  func stop(_ mode: String = "fast") throws {
    try run("pg_ctl", ["-D", data.path, "-w", "-m", mode, "stop"])
  }

  /// Runs SQL through `psql` and returns what it printed.
  @discardableResult
  func sql(_ statement: String) throws -> String {
    try run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-At", "-c", statement])
  }

  /// Stops the server if it runs and deletes its folder.
  func remove() {
    _ = try? stop("immediate")
    try? FileManager.default.removeItem(at: folder)
  }

  @discardableResult
  private func run(_ program: String, _ arguments: [String]) throws -> String {
    let path = Self.binaries!.appendingPathComponent(program).path
    if getuid() == 0 { return try Self.run("/sbin/runuser", ["-u", "postgres", "--", path] + arguments) }
    return try Self.run(path, arguments)
  }

  /// Runs `executable` to its end and returns what it printed; a failure throws with that text.
  ///
  /// Spawned and reaped directly: Foundation's `Process` never saw `runuser pg_ctl start` end here (the child
  /// stayed a zombie), as the server it leaves running outlives it.
  @discardableResult
  private static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-pg-\(UUID().uuidString)")
      .path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
    guard spawned == 0 else { throw HarnessError("cannot run \(executable): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // Exited normally with status 0.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
      throw HarnessError("\(executable) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
    }
    return text
  }
}
