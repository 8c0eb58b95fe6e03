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

/// GM accounts and their sessions in SQLite, with bcrypt run off the cooperative pool.
public struct AccountStore: Sendable {
  /// The bcrypt cost: about 80 ms per hash or check on this kind of machine.
  public static let bcryptCost: UInt8 = 10
  /// The longest password accepted: bcrypt reads only the first 72 bytes, so a longer one would let in every
  /// password that shares its first 72 bytes.
  public static let maximumPasswordBytes = 72
  /// How long a login token is valid.
  public static let sessionLifetime: TimeInterval = 12 * 3600
  let database: Database
  /// Checked when the user is unknown, so an unknown name costs what a wrong password costs.
  private let decoyHash: String

  /// A store over `database`.
  public init(database: Database) {
    self.database = database
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
    try await database.pool.write { db in
      try GMAccount(username: username, passwordHash: hash, createdAt: Date()).save(db)
      try GMSession.filter(Column("username") == username).deleteAll(db)
    }
  }

  /// The account names, sorted.
  public func usernames() async throws -> [String] {
    try await database.pool.read { db in
      try String.fetchAll(db, sql: "SELECT username FROM gmAccount ORDER BY username")
    }
  }

  /// Checks a password and, when it is right, opens a session.
  ///
  /// - Returns: the token and its expiry, or nil when the name or the password is wrong.
  ///
  /// A password longer than ``maximumPasswordBytes`` never matches: no account can have one, and bcrypt would
  /// compare only its first 72 bytes. It costs the same bcrypt check as any other attempt, so its length tells nothing.
  func login(username: String, password: String) async throws -> GMSession? {
    let account = try await database.pool.read { db in try GMAccount.fetchOne(db, key: username) }
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
    try await database.pool.write { db in
      try GMSession.filter(Column("expiresAt") < Date()).deleteAll(db)
      try session.insert(db)
    }
    return session
  }

  /// The GM a token belongs to, when the token is known and not expired.
  func user(forToken token: String) async throws -> String? {
    try await database.pool.read { db in
      try GMSession.fetchOne(db, key: token).flatMap { $0.expiresAt > Date() ? $0.username : nil }
    }
  }

  private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive { work() }
  }
}
