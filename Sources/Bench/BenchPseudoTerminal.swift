import Foundation

/// A command run on a pseudo-terminal of its own, as over SSH: the pty's slave is its controlling terminal and its
/// standard input, output and error; the bench reads everything it writes from the master.
public final class BenchPseudoTerminal {
  /// The command's process id.
  public let pid: pid_t
  private let master: Int32
  private var exited = false

  /// Starts `executable` with `arguments` and exactly `environment` on a new `width` × `height` pseudo-terminal.
  public init(executable: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw BenchError("openpty failed: \(String(cString: strerror(errno)))")
    }
    var name = [CChar](repeating: 0, count: 256)
    let named = ttyname_r(slave, &name, name.count)
    // The command opens the slave by its name; the bench keeps only the master.
    close(slave)
    guard named == 0, let closeFrom = Self.addCloseFrom else {
      close(master)
      throw BenchError("cannot name the pseudo-terminal, or posix_spawn cannot close descriptors (glibc < 2.34)")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid() by a session leader without a controlling terminal, the slave becomes its controlling
    // terminal (what TIOCSCTTY would do), so the command gets SIGWINCH and SIGHUP like on a real terminal.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    _ = closeFrom(&actions, 3)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | Self.spawnSetSID))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      close(master)
      throw BenchError("cannot start \(executable) on a pseudo-terminal: \(String(cString: strerror(spawned)))")
    }
    self.pid = pid
    self.master = master
  }

  /// Reads what the command writes until it has written nothing for `quiet`, or `limit` has passed; waits for the
  /// first byte for up to `limit` too.
  public func readUntilQuiet(quiet: Duration, limit: Duration) -> [UInt8] {
    let deadline = ContinuousClock.now.advanced(by: limit)
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var lastByte = ContinuousClock.now
    while ContinuousClock.now < deadline {
      let wait = output.isEmpty ? deadline - ContinuousClock.now : quiet - (ContinuousClock.now - lastByte)
      guard wait > .zero else { break }
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Int32((wait.seconds * 1000).rounded(.up))) > 0 else { continue }
      let count = read(master, &buffer, buffer.count)
      // EIO: the command has ended and closed the slave.
      guard count > 0 else { break }
      output += buffer[0..<count]
      lastByte = .now
    }
    return output
  }

  /// Types `text` on the terminal.
  public func type(_ text: String) {
    _ = Array(text.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits up to `limit` for the command to exit, then kills it; closes the terminal.
  public func end(within limit: Duration) {
    guard !exited else { return }
    exited = true
    let deadline = ContinuousClock.now.advanced(by: limit)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard ContinuousClock.now < deadline else {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        break
      }
      _ = readUntilQuiet(quiet: .milliseconds(20), limit: .milliseconds(20))
    }
    close(master)
  }

  deinit { end(within: .zero) }

  /// glibc's `POSIX_SPAWN_SETSID` (spawn.h declares it only for `_GNU_SOURCE`, which Swift's Glibc module lacks).
  private static let spawnSetSID: Int32 = 0x80

  /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not declare.
  private static let addCloseFrom:
    (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
      dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
      }
}
