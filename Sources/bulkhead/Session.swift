import ArgumentParser
import BulkheadServer
import Foundation

/// `bulkhead session`: the stored session (the live table) of a campaign.
struct Session: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show or start over the stored session (the table) of a campaign.",
    subcommands: [Show.self, Reset.self])

  /// The options every `session` subcommand takes.
  struct Location: ParsableArguments {
    @Option(help: "The campaign folder (default: the bundled demo campaign).")
    var campaign: String?

    @Option(help: "The SQLite database (default: $XDG_DATA_HOME/bulkhead/bulkhead.sqlite).")
    var db: String?

    /// The session in the cluster's database (`BULKHEAD_DATABASE_URL`) or in the SQLite file.
    func open() async throws -> StoredSession {
      let campaign = try CampaignOption.load(campaign)
      switch try DatabaseChoice(cluster: nil, db: db) {
      case .cluster(let url):
        return StoredSession(cluster: try await DatabaseChoice.connect(url), campaign: campaign)
      case .sqlite(let path):
        do {
          return try StoredSession(databasePath: path, campaign: campaign)
        } catch {
          throw CLIError("cannot open the database \(path): \(error)")
        }
      }
    }
  }

  /// `bulkhead session show`.
  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the session's epoch, version and view.")

    @OptionGroup var location: Location

    func run() async throws {
      let snapshot = try await location.open().show()
      print("epoch \(snapshot.epoch) version \(snapshot.version) view \(snapshot.state.viewType.rawValue)")
    }
  }

  /// `bulkhead session reset`.
  struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start the session over: STANDBY, nothing revealed, a new epoch. Messages and accounts stay.",
      discussion: """
        In a cluster (BULKHEAD_DATABASE_URL) every running server follows at once. With SQLite, stop the server \
        first: a running one keeps showing the old table until the GM's next change or a restart.
        """)

    @OptionGroup var location: Location

    func run() async throws {
      let snapshot = try await location.open().reset()
      print("new session \(snapshot.epoch) (version 0, STANDBY)")
    }
  }
}
