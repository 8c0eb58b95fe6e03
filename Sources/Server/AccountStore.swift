import Foundation
import GRDB
import HummingbirdBcrypt
import NIOPosix

/// A GM account as stored: the name and a salted bcrypt hash, never the password.
struct GMAccount: Codable, FetchableRecord, PersistableRecord, Sendable {
  static let databaseTableName = "gmAccount"
  var username: String
  var passwordHash: String
  var createdAt: Date
}

/// A login: a random bearer token that is valid until `expiresAt`.
struct GMSession: Codable, FetchableRecord, PersistableRecord, Sendable {
  static let databaseTableName = "gmSession"
  var token: String
  var username: String
  var expiresAt: Date
}

/// Why an account could not be created.
public struct AccountError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// GM accounts and their sessions (in SQLite, or in a cluster's PostgreSQL), with bcrypt run off the cooperative
/// pool.
public struct AccountStore: Sendable {
  /// The bcrypt cost: about 80 ms per hash or check on this kind of machine.
  public static let bcryptCost: UInt8 = 10
  /// The longest password accepted: bcrypt reads only the first 72 bytes, so a longer one would let in every
  /// password that shares its first 72 bytes.
  public static let maximumPasswordBytes = 72
  /// How long a login token is valid.
  public static let sessionLifetime: TimeInterval = 12 * 3600
  let records: any AccountRecords
  /// Checked when the user is unknown, so an unknown name costs what a wrong password costs.
  private let decoyHash: String
  /// The sessions already looked up: a GM write checks its token in memory.
  private let sessions = SessionCache()

  /// A store over the SQLite `database`.
  public init(database: Database) {
    self.init(records: SQLiteAccountRecords(database: database))
  }

  /// A store over a cluster's database.
  public init(cluster: ClusterDatabase) {
    self.init(records: PostgresAccountRecords(database: cluster))
  }

  private init(records: any AccountRecords) {
    self.records = records
    decoyHash = Bcrypt.hash(UUID().uuidString, cost: Self.bcryptCost)
  }

  /// Creates the account `username`, or replaces its password.
  public func setAccount(username: String, password: String) async throws {
    guard !username.isEmpty, username.count <= 64,
      username.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) && $0 != " " })
    else {
      throw AccountError(description: "the user name must be 1 to 64 characters without spaces")
    }
    guard password.utf8.count >= 8 else {
      throw AccountError(description: "the password must have at least 8 characters")
    }
    guard password.utf8.count <= Self.maximumPasswordBytes else {
      throw AccountError(
        description:
          "the password must be at most \(Self.maximumPasswordBytes) bytes (UTF-8): bcrypt ignores anything longer")
    }
    let hash = try await Self.offPool { Bcrypt.hash(password, cost: Self.bcryptCost) }
    try await records.save(GMAccount(username: username, passwordHash: hash, createdAt: Date()))
    sessions.forget(username: username)
  }

  /// The account names, sorted.
  public func usernames() async throws -> [String] {
    try await records.usernames()
  }

  /// Checks a password and, when it is right, opens a session.
  ///
  /// - Returns: the token and its expiry, or nil when the name or the password is wrong.
  ///
  /// A password longer than ``maximumPasswordBytes`` never matches: no account can have one, and bcrypt would
  /// compare only its first 72 bytes. It costs the same bcrypt check as any other attempt, so its length tells nothing.
  func login(username: String, password: String) async throws -> GMSession? {
    let account = try await records.account(username)
    let tooLong = password.utf8.count > Self.maximumPasswordBytes
    let hash = tooLong ? decoyHash : account?.passwordHash ?? decoyHash
    let matches = try await Self.offPool { Bcrypt.verify(password, hash: hash) }
    guard let account, matches, !tooLong else { return nil }
    var bytes = [UInt8](repeating: 0, count: 32)
    var generator = SystemRandomNumberGenerator()
    for index in bytes.indices { bytes[index] = generator.next() }
    let session = GMSession(
      token: bytes.map { String(format: "%02x", $0) }.joined(), username: account.username,
      expiresAt: Date().addingTimeInterval(Self.sessionLifetime))
    try await records.open(session)
    sessions.remember(session.token, username: session.username, expiresAt: session.expiresAt)
    return session
  }

  /// The GM a token belongs to, when the token is known and not expired.
  ///
  /// Known sessions are checked in memory (``SessionCache``); the database is read for a token seen for the first
  /// time, or not checked for a while.
  func user(forToken token: String) async throws -> String? {
    switch sessions.lookup(token) {
    case .user(let username): return username
    case .expired: return nil
    case .unknown: break
    }
    guard let session = try await records.session(token) else {
      sessions.forget(token: token)
      return nil
    }
    guard session.expiresAt > Date() else { return nil }
    sessions.remember(token, username: session.username, expiresAt: session.expiresAt)
    return session.username
  }

  private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive { work() }
  }
}
