import ArgumentParser
import BulkheadServer
import Foundation

/// `bulkhead accounts`: the GM accounts of a server's database.
struct Accounts: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Manage GM accounts.", subcommands: [Add.self, List.self])

  /// `bulkhead accounts add NAME --password-stdin`.
  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a GM account or replace its password.")

    @Argument(help: "The GM's user name.")
    var name: String

    @Option(help: "The SQLite database (default: $XDG_DATA_HOME/bulkhead/bulkhead.sqlite).")
    var db: String?

    @Flag(help: "Read the password from standard input (first line).")
    var passwordStdin = false

    func run() async throws {
      guard passwordStdin else {
        throw ValidationError("pass --password-stdin and give the password on standard input")
      }
      guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CLIError("no password on standard input")
      }
      let store = try await openAccounts(db)
      do {
        try await store.setAccount(username: name, password: line)
      } catch let error as AccountError {
        throw CLIError(error.description)
      }
      print("account \(name) saved")
    }
  }

  /// `bulkhead accounts list`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the GM accounts.")

    @Option(help: "The SQLite database (default: $XDG_DATA_HOME/bulkhead/bulkhead.sqlite).")
    var db: String?

    func run() async throws {
      for name in try await openAccounts(db).usernames() { print(name) }
    }
  }
}

/// The accounts of the cluster's database (`BULKHEAD_DATABASE_URL`) or of the SQLite file.
private func openAccounts(_ path: String?) async throws -> AccountStore {
  switch try DatabaseChoice(cluster: nil, db: path) {
  case .cluster(let url):
    return AccountStore(cluster: try await DatabaseChoice.connect(url))
  case .sqlite(let path):
    do {
      return AccountStore(database: try Database(path: path))
    } catch {
      throw CLIError("cannot open the database \(path): \(error)")
    }
  }
}
