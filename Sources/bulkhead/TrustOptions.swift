import ArgumentParser
import SSEClient

/// `--ca FILE`: a certificate authority to trust for `https://` servers besides the system's trust store.
struct TrustOptions: ParsableArguments {
  @Option(
    help: "A PEM CA certificate to trust for https:// besides the system's (a server with a self-made certificate).")
  var ca: String?

  /// Reads the CA before any connection is made, so a bad file stops the command with its reason.
  func validate() throws {
    guard let ca else { return }
    do {
      try ClientTrust.trustAuthority(file: ca)
    } catch {
      throw ValidationError(error.description)
    }
  }
}
