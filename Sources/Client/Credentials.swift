import BulkheadCore
import Foundation

/// The GM's login tokens, one per server, in `$XDG_CONFIG_HOME/bulkhead/credentials` (`~/.config` without it).
///
/// The file is JSON, `{"<server URL>": {"token": …, "expires_at": …}}`, readable by its owner only:
/// it is created with mode 0600 in a folder created with mode 0700, and replaced whole on every change.
public struct Credentials {
  /// One server's login.
  public struct Login: Equatable {
    /// The bearer token.
    public var token: String
    /// When the server stops accepting it, as the server wrote it.
    public var expiresAt: String

    /// A login with `token`, accepted until `expiresAt`.
    public init(token: String, expiresAt: String) {
      self.token = token
      self.expiresAt = expiresAt
    }
  }

  /// Why the file could not be read or written.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The file's path.
  public let path: String

  /// The file at its standard place.
  public static func standard() -> Credentials {
    let environment = ProcessInfo.processInfo.environment
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() + "/.config")
    return Credentials(path: base + "/bulkhead/credentials")
  }

  /// The login stored for `server`, or nil when there is none.
  public func login(for server: String) throws(Failure) -> Login? {
    guard let entry = try entries()[server] else { return nil }
    guard let token = entry["token"]?.stringValue, !token.isEmpty else { return nil }
    return Login(token: token, expiresAt: entry["expires_at"]?.stringValue ?? "")
  }

  /// Stores `login` for `server`, keeping the other servers' logins.
  public func save(_ login: Login, for server: String) throws(Failure) {
    var all = try entries()
    all[server] = ["token": .string(login.token), "expires_at": .string(login.expiresAt)]
    try store(all)
  }

  /// Forgets the login for `server`; returns whether there was one.
  public func remove(server: String) throws(Failure) -> Bool {
    var all = try entries()
    guard all.removeValue(forKey: server) != nil else { return false }
    try store(all)
    return true
  }

  /// Every stored entry by server; none when the file does not exist.
  private func entries() throws(Failure) -> [String: JSONValue] {
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(description: "cannot read \(path)")
    }
    guard let parsed = try? JSONParser.parse(data), let object = parsed.objectValue else {
      throw Failure(description: "\(path) is not a JSON object: delete it and log in again")
    }
    return object
  }

  /// Replaces the file with `entries`: a new 0600 file beside it, renamed over it.
  private func store(_ entries: [String: JSONValue]) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    try createFolder(folder)
    let temporary = folder + "/.credentials-\(getpid()).tmp"
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary): \(errorText())") }
    fchmod(descriptor, 0o600)
    let bytes = JSONWriter.encode(.object(entries)) + [UInt8(ascii: "\n")]
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    let closed = close(descriptor)
    guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
      let reason = errorText()
      unlink(temporary)
      throw Failure(description: "cannot write \(path): \(reason)")
    }
  }

  /// Creates `folder` with mode 0700 when it is missing (its parents with the usual mode).
  private func createFolder(_ folder: String) throws(Failure) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw Failure(description: "\(folder) is not a folder") }
      return
    }
    let parent = (folder as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create \(parent): \(error.localizedDescription)")
    }
    guard mkdir(folder, 0o700) == 0 || errno == EEXIST, chmod(folder, 0o700) == 0 else {
      throw Failure(description: "cannot create \(folder): \(errorText())")
    }
  }

  private func errorText() -> String {
    String(cString: strerror(errno))
  }
}
