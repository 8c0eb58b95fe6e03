import Foundation

/// A private OpenSSH server on 127.0.0.1 set up as `docs/kiosk.md` describes: public-key login for the current user
/// only, and a `Match User` block whose `ForceCommand` runs one kiosk display. It runs as the current user with its
/// own host key and configuration in a temporary folder; the system's sshd and `/etc/ssh` are never used.
final class SSHKiosk: @unchecked Sendable {
  /// The OpenSSH programs the test needs.
  struct Tools {
    let sshd: String
    let ssh: String
    let keygen: String
  }

  /// The OpenSSH programs, looked up once; when some are missing and the test runs as root with `apt-get`, they are
  /// installed first (`apt-get install -y openssh-server openssh-client`, after `apt-get update` if that fails).
  static let tools: Tools? = {
    if let found = findTools() { return found }
    guard geteuid() == 0, let aptGet = locate("apt-get") else { return nil }
    let install = ["install", "-y", "-qq", "openssh-server", "openssh-client"]
    if quietly(aptGet, install) != 0 {
      guard quietly(aptGet, ["update", "-qq"]) == 0, quietly(aptGet, install) == 0 else { return nil }
    }
    return findTools()
  }()

  /// The folder holding the keys, the configuration and sshd's log.
  let folder: URL
  /// The port sshd listens on.
  let port: Int
  /// The user the kiosk logs in as: the current one.
  let user: String
  private let tools: Tools
  private let daemon = Process()
  private let createdPrivilegeSeparationFolder: Bool

  /// Where sshd running as root expects its privilege separation folder (Debian's service creates it at boot).
  private static let privilegeSeparationFolder = "/run/sshd"

  /// Starts sshd in `folder` with `command` (an argument list) as the `ForceCommand` of the current user.
  init(folder: URL, command: [String]) throws {
    guard let tools = Self.tools else { throw HarnessError("OpenSSH is not installed") }
    guard let account = getpwuid(geteuid()), let name = account.pointee.pw_name else {
      throw HarnessError("the current user has no account entry")
    }
    self.tools = tools
    self.folder = folder
    user = String(cString: name)
    port = try freeLoopbackPort()
    let fileManager = FileManager.default
    if geteuid() == 0 && !fileManager.fileExists(atPath: Self.privilegeSeparationFolder) {
      try fileManager.createDirectory(
        atPath: Self.privilegeSeparationFolder, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o755])
      createdPrivilegeSeparationFolder = true
    } else {
      createdPrivilegeSeparationFolder = false
    }
    for key in ["host_ed25519", "client_ed25519"] {
      let status = Self.quietly(tools.keygen, ["-q", "-t", "ed25519", "-N", "", "-f", path(key)])
      guard status == 0 else { throw HarnessError("ssh-keygen failed with status \(status)") }
    }
    let hostKey = try String(contentsOfFile: path("host_ed25519.pub"), encoding: .utf8)
    try "[127.0.0.1]:\(port) \(hostKey)".write(toFile: path("known_hosts"), atomically: true, encoding: .utf8)
    try fileManager.copyItem(atPath: path("client_ed25519.pub"), toPath: path("authorized_keys"))
    let forceCommand = "exec " + command.map(Self.quote).joined(separator: " ")
    try configuration(forceCommand: forceCommand).write(
      toFile: path("sshd_config"), atomically: true, encoding: .utf8)
    try start()
  }

  /// The sshd configuration: the production `Match` block of `docs/kiosk.md`, after what a private daemon needs.
  ///
  /// `StrictModes no`: the authorized keys lie in a temporary folder, below the world-writable `/tmp`, which strict
  /// modes refuse. `PidFile none`: a daemon that is not root cannot write the default one, and none is needed.
  private func configuration(forceCommand: String) -> String {
    """
    ListenAddress 127.0.0.1
    Port \(port)
    HostKey \(path("host_ed25519"))
    PidFile none
    UsePAM no
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    PubkeyAuthentication yes
    AuthorizedKeysFile \(path("authorized_keys"))
    StrictModes no
    PrintMotd no
    PrintLastLog no
    Match User \(user)
        ForceCommand \(forceCommand)
        PermitTTY yes
        DisableForwarding yes
        PermitTunnel no
        PermitUserRC no
        SetEnv LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no
        ClientAliveInterval 15
        ClientAliveCountMax 2

    """
  }

  /// Runs `sshd -D -e` and waits until it listens.
  private func start() throws {
    daemon.executableURL = URL(fileURLWithPath: tools.sshd)
    daemon.arguments = ["-D", "-e", "-f", path("sshd_config")]
    _ = FileManager.default.createFile(atPath: path("sshd.log"), contents: nil)  // FileHandle below fails if not
    let log = try FileHandle(forWritingTo: URL(fileURLWithPath: path("sshd.log")))
    defer { try? log.close() }
    daemon.standardInput = FileHandle.nullDevice
    daemon.standardOutput = log
    daemon.standardError = log
    try daemon.run()
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if daemonLog().contains("Server listening on") { return }
      if !daemon.isRunning { break }
      usleep(20_000)
    }
    stop()
    throw HarnessError("sshd did not start; its log:\n\(daemonLog())")
  }

  /// What sshd has logged (`-e`: to standard error, kept in `sshd.log`).
  func daemonLog() -> String {
    (try? String(contentsOfFile: path("sshd.log"), encoding: .utf8)) ?? ""
  }

  /// The client's command line: `ssh -tt` to the kiosk with the generated key, checking the generated host key.
  var clientCommand: [String] {
    [
      tools.ssh, "-F", "/dev/null", "-tt", "-p", "\(port)", "-i", path("client_ed25519"),
      "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
      "-o", "UserKnownHostsFile=\(path("known_hosts"))", "-o", "LogLevel=ERROR", "\(user)@127.0.0.1",
    ]
  }

  /// The client's command line without a terminal (`ssh -T`), as a script or a careless kiosk machine would log in.
  var clientCommandWithoutTerminal: [String] {
    clientCommand.map { $0 == "-tt" ? "-T" : $0 }
  }

  /// Stops sshd (sessions still open keep their own process) and removes what it needed outside `folder`.
  func stop() {
    if daemon.isRunning {
      daemon.terminate()
      daemon.waitUntilExit()
    }
    if createdPrivilegeSeparationFolder {
      try? FileManager.default.removeItem(atPath: Self.privilegeSeparationFolder)
    }
  }

  deinit { stop() }

  private func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  // MARK: - Processes

  /// The processes whose command line has `argument` as one of its words.
  static func processes(withArgument argument: String) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(pid_t.init).filter { pid in
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
      return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
    }
  }

  /// The environment process `pid` started with, one `NAME=value` each.
  static func environment(of pid: pid_t) -> [String] {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return [] }
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The one-letter state of process `pid` (`S` sleeping, `R` running, `T` stopped, `Z` zombie), nil when gone.
  static func state(of pid: pid_t) -> Character? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(after: close)...].first { $0 != " " }
  }

  // MARK: - Helpers

  private static func findTools() -> Tools? {
    guard let sshd = locate("sshd"), let ssh = locate("ssh"), let keygen = locate("ssh-keygen") else { return nil }
    return Tools(sshd: sshd, ssh: ssh, keygen: keygen)
  }

  /// The absolute path of program `name` in the usual folders (sshd must be started by its absolute path).
  private static func locate(_ name: String) -> String? {
    ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"]
      .map { $0 + "/" + name }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs a program to its end with its output discarded; returns its exit status (-1 when it cannot start).
  private static func quietly(_ executable: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["DEBIAN_FRONTEND": "noninteractive"]) {
      $1
    }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return -1
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// `word` quoted for the login shell that runs the `ForceCommand`.
  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
