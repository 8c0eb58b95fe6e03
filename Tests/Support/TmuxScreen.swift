import Foundation

/// A detached tmux server of its own (`tmux -L <name> -f /dev/null`) running one command in a pane: the curses
/// display seen as a player's terminal shows it.
final class TmuxScreen: @unchecked Sendable {
  /// The tmux executable, when installed.
  static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The private socket name.
  let name: String
  /// The configuration file the tmux server starts with.
  private let configuration: String

  /// Starts `command` (an argument list, run without a shell) in a `width` × `height` pane with `environment`.
  ///
  /// `NO_COLOR` is emptied unless `environment` sets it: `swift test` sets `NO_COLOR=1` for its own output, and a
  /// player's terminal has no such thing. `options` are tmux commands the server runs before the pane starts, e.g.
  /// `set -g remain-on-exit on`.
  init(_ command: [String], width: Int, height: Int, environment: [String: String] = [:], options: [String] = [])
    throws
  {
    name = "bulkhead-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    if options.isEmpty {
      configuration = "/dev/null"
    } else {
      configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).conf").path
      try options.map { $0 + "\n" }.joined().write(toFile: configuration, atomically: true, encoding: .utf8)
    }
    let environment = environment.merging(["NO_COLOR": ""]) { given, _ in given }
    let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let line = (["env"] + assignments + command).map(Self.quote).joined(separator: " ")
    let status = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", line], reading: false).status
    guard status == 0 else { throw HarnessError("tmux new-session failed with status \(status)") }
  }

  /// The pane's text now, one line per row (trailing spaces as tmux prints them); with `escapes`, with the SGR
  /// sequences of the cells' colours and attributes.
  func capture(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-p"] + (escapes ? ["-e"] : [])).output
  }

  /// Whether the pane's command still runs (the session ends with it).
  var isRunning: Bool {
    (try? run(["has-session"]).status) == 0
  }

  /// Whether the pane's command has ended while the pane stays (with `remain-on-exit`).
  var paneIsDead: Bool {
    (try? run(["display-message", "-p", "#{pane_dead}"]).output.hasPrefix("1")) ?? false
  }

  /// Appends everything the pane's command writes to its terminal from now on to the file at `path`.
  func pipeOutput(to path: String) throws {
    let status = try run(["pipe-pane", "-o", "cat >> \(Self.quote(path))"]).status
    guard status == 0 else { throw HarnessError("tmux pipe-pane failed with status \(status)") }
  }

  /// The process id of the pane's command (`env` execs it, so it is the display itself).
  func panePID() throws -> pid_t {
    let text = try run(["display-message", "-p", "#{pane_pid}"]).output
    guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw HarnessError("no pane pid in '\(text)'")
    }
    return pid
  }

  /// Types `keys` (tmux key names, e.g. `q`, `C-l`, `Down`).
  func send(_ keys: String...) throws {
    _ = try run(["send-keys"] + keys)
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) throws {
    _ = try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the pane until `condition` holds on its text, for at most `timeout` seconds; throws with the last text.
  @discardableResult
  func waitFor(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var text = ""
    while Date() < deadline {
      text = (try? capture()) ?? ""
      if condition(text) { return text }
      usleep(100_000)
    }
    throw HarnessError("the pane never showed \(what) in \(timeout) s; it shows:\n\(text)")
  }

  /// Polls until the pane contains `text`.
  @discardableResult
  func waitFor(text: String, timeout: Double = 20) throws -> String {
    try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
  }

  /// Ends the tmux server and everything in it.
  func kill() {
    _ = try? run(["kill-server"])
    if configuration != "/dev/null" { try? FileManager.default.removeItem(atPath: configuration) }
  }

  deinit { kill() }

  /// Runs a tmux client command and waits for it; with `reading` its standard output is collected.
  ///
  /// The tmux server that the first command forks outlives it, so it must inherit nothing from the test process:
  /// not the output pipe, and no descriptor above 2 (it would keep an in-process server's listening socket bound
  /// after that server stops), and a cleared signal mask with default actions (a test thread blocks most signals,
  /// and a tmux server and pane that inherited that would never hear SIGCHLD, SIGHUP or `kill-server`).
  /// Foundation's `Process` cannot be used: it learns of the child's end through a descriptor the daemon inherits,
  /// and would wait for the tmux server to exit. So: `posix_spawn` with every descriptor above 2 closed, then
  /// `waitpid`.
  @discardableResult
  private func run(_ arguments: [String], reading: Bool = true) throws -> (status: Int32, output: String) {
    guard let executable = Self.executable else { throw HarnessError("tmux is not installed") }
    guard let closeFrom = Self.addCloseFrom else {
      throw HarnessError("this C library has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later)")
    }
    var pipe: [Int32] = [-1, -1]
    guard Glibc.pipe(&pipe) == 0 else { throw HarnessError("pipe failed") }
    defer { close(pipe[0]) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if reading {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    _ = closeFrom(&actions, 3)
    let argv = ([executable, "-L", name, "-f", configuration] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    close(pipe[1])
    guard spawned == 0 else { throw HarnessError("cannot start tmux: error \(spawned)") }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while reading {
      let count = read(pipe[0], &buffer, buffer.count)
      if count <= 0 { break }
      output += buffer[0..<count]
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, String(decoding: output, as: UTF8.self))
  }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not declare.
  private static let addCloseFrom:
    (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
      dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
      }

  /// `word` quoted for the shell tmux runs the command with.
  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
