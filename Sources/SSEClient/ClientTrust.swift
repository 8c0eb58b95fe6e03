import AsyncHTTPClient
import NIOSSL
import Synchronization

/// The HTTP clients of this process and the certificates they trust for `https://`: the system's trust store, plus
/// a certificate authority the user names (`--ca FILE`) for a server with a self-made certificate.
public enum ClientTrust {
  private struct Clients {
    var authorityFile: String?
    var stream: HTTPClient?
    var requests: HTTPClient?
  }

  private static let clients = Mutex(Clients())

  /// Trusts the PEM certificates in `path` besides the system's, for every client made after this call.
  ///
  /// - Throws: ``ClientTrustError`` when the file cannot be read or holds no PEM certificate.
  public static func trustAuthority(file path: String) throws(ClientTrustError) {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMFile(path)
    } catch {
      throw ClientTrustError(description: "cannot read the CA certificate \(path): \(error)")
    }
    guard !certificates.isEmpty else {
      throw ClientTrustError(description: "the CA file \(path) holds no PEM certificate")
    }
    clients.withLock { $0.authorityFile = path }
  }

  /// The process-wide client for event streams: no read timeout (the stall watch decides when a stream is dead),
  /// up to 10 redirects. Like `HTTPClient.shared`, it is never shut down.
  public static var streamClient: HTTPClient {
    clients.withLock { clients in
      if let client = clients.stream { return client }
      var configuration = configuration(trusting: clients.authorityFile)
      configuration.timeout = .init(connect: .seconds(10), read: nil)
      configuration.redirectConfiguration = .follow(max: 10, allowCycles: false)
      let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
      clients.stream = client
      return client
    }
  }

  /// The process-wide client for requests (JSON reads and writes, files). It is never shut down.
  public static var requestClient: HTTPClient {
    clients.withLock { clients in
      if let client = clients.requests { return client }
      let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: configuration(trusting: clients.authorityFile))
      clients.requests = client
      return client
    }
  }

  private static func configuration(trusting authorityFile: String?) -> HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration()
    if let authorityFile {
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.additionalTrustRoots = [.file(authorityFile)]
      configuration.tlsConfiguration = tls
    }
    return configuration
  }
}

/// A CA certificate file that cannot be used, with the file and the reason.
public struct ClientTrustError: Error, CustomStringConvertible {
  public let description: String
}
