import ArgumentParser
import BulkheadClient
import BulkheadCore
import Foundation

/// `bulkhead gm login`: logs in to a server and stores the token for the other gm commands.
struct GMLogin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "login",
    abstract: "Log in to a server and store its token.",
    discussion: """
      Asks for the password on the terminal without echo, or reads the first line of standard input with \
      --password-stdin. The token is stored per server in $XDG_CONFIG_HOME/bulkhead/credentials \
      (~/.config without it), readable by you only.
      """)

  @Option(help: "The GM's user name.")
  var user: String

  @Flag(help: "Read the password from standard input (first line) instead of the terminal.")
  var passwordStdin = false

  @OptionGroup var options: GMServerOptions

  func validate() throws {
    guard !user.isEmpty else { throw ValidationError("--user must not be empty") }
  }

  func run() async throws {
    let password = try readPassword()
    let http = HTTPJSONClient(server: options.baseURL)
    let answer: JSONValue
    do {
      answer = try await http.post(
        "/api/auth/login", body: ["username": .string(user), "password": .string(password)])
    } catch {
      switch error {
      case .refused(let status, let message): throw GMFailure.refused("refused (\(status)): \(message)")
      case .unreachable(let reason): throw GMFailure.unreachable(UntrustedText.sanitize(reason))
      }
    }
    guard let token = answer["token"]?.stringValue, !token.isEmpty else {
      throw GMFailure.unreachable("\(options.baseURL) answered the login without a token")
    }
    let login = Credentials.Login(token: token, expiresAt: answer["expires_at"]?.stringValue ?? "")
    do {
      try Credentials.standard().save(login, for: options.baseURL)
    } catch {
      throw GMFailure.refused(error.description)
    }
    let until = login.expiresAt.isEmpty ? "" : " until \(UntrustedText.sanitize(login.expiresAt))"
    print("logged in to \(options.baseURL) as \(UntrustedText.sanitize(user))\(until)")
  }

  private func readPassword() throws(GMFailure) -> String {
    guard passwordStdin else { return try PasswordPrompt.ask("Password for \(user) at \(options.baseURL): ") }
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
      throw .usage("no password on standard input")
    }
    return line
  }
}

/// `bulkhead gm logout`: forgets the token stored for a server.
struct GMLogout: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logout", abstract: "Forget the token stored for a server.")

  @OptionGroup var options: GMServerOptions

  func run() async throws {
    let removed: Bool
    do {
      removed = try Credentials.standard().remove(server: options.baseURL)
    } catch {
      throw GMFailure.refused(error.description)
    }
    print(removed ? "logged out of \(options.baseURL)" : "not logged in to \(options.baseURL)")
  }
}
